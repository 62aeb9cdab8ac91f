import type { HostPolicy } from '../../core/define-node.js';
import type { ExecutionResult, NodeExecutor, NodeTask } from '../../core/engine/types.js';
import { WorkerPool, type PoolOptions } from './pool.js';
import { defaultWorkerUrl } from './worker-url.js';

const pools = new Map<string, WorkerPool>();

/**
 * The page's pool for a worker URL: every editor on the page that asks with the same URL
 * gets the same instance (a module singleton), so they share its workers. Options apply
 * when the pool is first made; once its last user leaves it is forgotten, so the next
 * user's options (say another `pool-size`) make a new one.
 */
export function sharedPool(options: PoolOptions = {}): WorkerPool {
  const url = new URL(options.workerUrl ?? defaultWorkerUrl(), location.href).href;
  const key = `${options.mode ?? 'auto'} ${url}`;
  let pool = pools.get(key);
  if (!pool) {
    const made = (pool = new WorkerPool({ ...options, workerUrl: url }));
    pools.set(key, made);
    made.onUnused(() => pools.get(key) === made && pools.delete(key));
  }
  return pool;
}

/** The engine's executor backed by a pool: each node task becomes one pool task; large outputs stay in the workers. */
export function poolExecutor(pool: WorkerPool, options: { timeoutMs?: number; host?: () => HostPolicy } = {}): NodeExecutor {
  return {
    execute(task: NodeTask): Promise<ExecutionResult> {
      const { nodeId, moduleUrl, inputs, config, priority, signal, onStart, onProgress, repeatable, pathMs } = task;
      return pool.submit({ nodeId, moduleUrl, inputs, config, host: options.host?.() }, { priority, signal, onStart, onProgress, repeatable, pathMs, timeoutMs: options.timeoutMs });
    },
    prepare: (plan) => pool.prepare(plan.width, plan.modules),
    available: (ref) => pool.available(ref),
    fetch: (ref, range) => pool.fetch(ref, range),
    release: (refs) => pool.release(refs),
  };
}
