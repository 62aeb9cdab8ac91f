/** The dataflow engine: scheduling only; the executor that runs node logic is injected. */
export * from './types.js';
export * from './stable-hash.js';
export * from './flow-graph.js';
export * from './result-cache.js';
export * from './engine.js';
export * from './preview.js';
export * from './run-queue.js';
export * from './plain-error.js';
export * from './output-ref.js';
