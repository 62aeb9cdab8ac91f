import { LONG_OUTPUT } from '../../core/engine/output-ref.js';
import type { PoolMode, TaskLauncher } from './launcher.js';
import { defaultWorkerUrl } from './worker-url.js';

export interface PoolOptions {
  /** Workers at most; default `min(8, navigator.hardwareConcurrency)`. */
  size?: number;
  /**
   * A worker on one task for this long counts as stuck (default 5,000 ms). When every worker
   * is stuck and tasks wait, the pool starts an extra worker, up to `extraWorkers`, so two
   * hung nodes do not hold every other node for the whole task timeout.
   */
  stuckAfterMs?: number;
  /** Extra workers the pool may start while all of its workers are stuck (default 2). */
  extraWorkers?: number;
  /** The worker entry; default the `worker.js` shipped next to this module. */
  workerUrl?: string;
  /** Force a mode (benchmarks, tests); by default the first that starts. */
  mode?: PoolMode;
  idleTimeoutMs?: number;
  taskTimeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  healthIntervalMs?: number;
  pingTimeoutMs?: number;
  /** How long a cancelled task may take to stop before its worker is terminated. */
  cancelGraceMs?: number;
  batchSize?: number;
  startTimeoutMs?: number;
  /**
   * Output arrays at least this long (default 10,000) stay in the worker that made them and
   * reach the page as `OutputRef` handles, so big tables never load the main thread; 0 = never.
   */
  keepOver?: number;
  /**
   * Starts the places tasks run; default a `Launcher` for browser module workers. Node
   * passes one that starts `worker_threads` (the CLI), so the same queue, timeouts, retries
   * and crash recovery serve both.
   */
  launcher?: TaskLauncher;
}

/** The options a pool runs with: every one but `mode` and `size` set. */
export type ResolvedPoolOptions = Required<Omit<PoolOptions, 'mode' | 'size' | 'launcher'>>;

const DEFAULTS = { stuckAfterMs: 5000, extraWorkers: 2, idleTimeoutMs: 30000, taskTimeoutMs: 60000, retries: 2, retryDelayMs: 100, healthIntervalMs: 10000, pingTimeoutMs: 3000, cancelGraceMs: 300, batchSize: 8, startTimeoutMs: 10000, keepOver: LONG_OUTPUT };

/** Workers at most: `size`, or `min(8, navigator.hardwareConcurrency)`; at least one. */
export function poolSize(options: PoolOptions): number {
  return Math.max(1, options.size ?? Math.min(8, globalThis.navigator?.hardwareConcurrency || 4));
}

/** The defaults, with what `options` sets (an `undefined` option keeps its default). */
export function resolveOptions(options: PoolOptions): ResolvedPoolOptions {
  return withDefaults({ ...DEFAULTS, workerUrl: defaultWorkerUrl() }, options) as ResolvedPoolOptions;
}

/** `options` over `defaults`, where an option left undefined keeps its default (executors' settings). */
export function withDefaults<D extends object, O extends object>(defaults: D, options: O): D & Partial<O> {
  return { ...defaults, ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<O>) };
}
