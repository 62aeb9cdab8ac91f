/**
 * What a run needs, loaded on the first run so the entry stays small: the engine and, unless
 * an executor is injected, the page's shared worker pool.
 */
import { FlowEngine } from '../../core/engine/engine.js';
import type { HostPolicy } from '../../core/define-node.js';
import type { NodeExecutor, NodeResolver } from '../../core/engine/types.js';
import { resolveRefs } from '../../core/engine/output-ref.js';
import { browserClock } from '../../runtime/pool/clock.js';
import { inProcessExecutor } from '../../runtime/pool/in-process-executor.js';
import { poolExecutor, sharedPool } from '../../runtime/pool/shared-pool.js';
import { slicedYield } from '../../runtime/pool/yield.js';
import type { PoolOptions, WorkerPool } from '../../runtime/pool/pool.js';
import { withInterpreter } from '../../runtime/built/interpreter.js';

export interface RunKitOptions {
  resolve: NodeResolver;
  executor?: NodeExecutor;
  pool?: PoolOptions;
  autoRun: boolean;
  debounceMs?: number;
  /** The host's policy for nodes that reach outside, read for every task. */
  host?: () => HostPolicy;
}

export interface RunKit {
  engine: FlowEngine;
  pool?: WorkerPool;
  /** Cancels, disposes the engine and releases the pool (the last release stops its workers). */
  destroy(): void;
}

export function createRunKit(options: RunKitOptions): RunKit {
  // Builder-made types run on this build's interpreter module.
  const resolve = withInterpreter(options.resolve);
  const pool = options.executor ? undefined : sharedPool(options.pool);
  const release = pool?.acquire();
  const executor =
    options.executor ??
    routeLight(poolExecutor(pool!, { timeoutMs: options.pool?.taskTimeoutMs, host: options.host }), inProcessExecutor({ pause: slicedYield(), host: options.host }), (type) => resolve(type)?.manifest.performance?.backgroundProcessing === false);
  const engine = new FlowEngine({ resolve, executor, clock: browserClock, autoRun: options.autoRun, debounceMs: options.debounceMs });
  return {
    engine,
    pool,
    destroy() {
      engine.dispose();
      release?.();
    },
  };
}

/**
 * Sends nodes whose manifest says `performance.backgroundProcessing: false` to `light` (this
 * thread: a node that does next to nothing skips the worker round trip) and the rest to
 * `pool`. Inputs the pool keeps in a worker are fetched first.
 */
export function routeLight(pool: NodeExecutor, light: NodeExecutor, isLight: (type: string) => boolean): NodeExecutor {
  return {
    ...pool,
    async execute(task) {
      if (!isLight(task.type)) return pool.execute(task);
      const inputs = pool.fetch ? await resolveRefs(task.inputs, (ref) => pool.fetch!(ref)) : task.inputs;
      return light.execute({ ...task, inputs });
    },
  };
}
