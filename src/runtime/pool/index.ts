/** The shared worker pool: node logic off the main thread, with fallbacks. */
export * from './pool.js';
export * from './shared-pool.js';
export type { Endpoint, PoolMode, PoolWarning, TaskLauncher } from './launcher.js';
export type { SubmitOptions } from './pending-task.js';
export type { WorkerMetrics } from './slot.js';
export type { Job, TaskError } from './protocol.js';
export { defaultWorkerUrl } from './worker-url.js';
export { yieldToMain } from './yield.js';
export { browserClock } from './clock.js';
