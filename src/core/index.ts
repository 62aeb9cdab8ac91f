/**
 * The DOM-free core of V2U: the graph document, its schema and migrations, port types,
 * typed changes with undo, and the graph store. Runs in browsers, workers and Node.
 */
export * from './document.js';
export * from './errors.js';
export * from './run-errors.js';
export * from './port-types.js';
export * from './manifest.js';
export type { NodeIcon, IconShape, IconTag } from './icon.js';
export * from './migrations.js';
export * from './parse.js';
export * from './json-value.js';
export * from './changes.js';
export * from './connect.js';
export * from './history.js';
export * from './graph-state.js';
export * from './graph-store.js';
export * from './graph-algorithms.js';
export * from './layout.js';
export * from './spatial-index.js';
export * from './define-node.js';
export * from './structure/groups.js';
export * from './structure/subflow-read.js';
export * from './structure/subflow-expand.js';
export * from './structure/subflow-commands.js';
export * from './structure/subflow-params.js';
export * from './table/index.js';
