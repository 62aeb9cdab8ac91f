/**
 * Builder-made node types (`v2u-editor/built`: `dist/src/built.js`): types
 * whose logic is data (JSONata expressions or a flow of nodes), checked, run, kept in the
 * registry and shared as node packs. Nothing here loads with the editor's first paint.
 */
export type { BuiltLogic, BuiltNodeType, BuiltSubflow } from './core/built-type.js';
export { BUILT_LOGIC_KEY, builtManifest, builtSubflow, isBuiltType } from './core/built-type.js';
export { validateBuiltType } from './core/validate-built-type.js';
export { builtLogic } from './runtime/built/built-logic.js';
export { builtLogicUrl } from './runtime/built/built-logic-url.js';
export { builtRecipe, withInterpreter } from './runtime/built/interpreter.js';
export { runBuiltType, type RunBuiltOptions } from './runtime/built/run-built.js';
export { defineBuilt, deleteBuilt, listBuilt } from './runtime/built/built-types.js';
export { exportNodePack, importNodePack, type NodePack } from './runtime/built/node-pack.js';
export { generateNodeModule, moduleFileName, type PackSpecifiers } from './runtime/built/pack-module.js';
export { BUILT_MODULE } from './registry/built-cache.js';
