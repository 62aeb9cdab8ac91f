// Node's worker_threads behind the browser's pool: the same priority queue, timeouts
// (terminate and replace), retries, crash recovery, progress and cancellation; only the
// launcher differs. Each thread has its own heap limit, so a greedy node kills its own
// thread, never the CLI.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { releaseProxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { RunErrorCodes } from '../../dist/src/core/run-errors.js';
import { WorkerPool } from '../../dist/src/runtime/pool/pool.js';
import { poolExecutor } from '../../dist/src/runtime/pool/shared-pool.js';
import { withTimeout } from '../../dist/src/runtime/timeout.js';

const ENTRY = new URL('./thread-worker.mjs', import.meta.url);

/** Threads by default: one per core, at most 8. */
export const defaultThreads = () => Math.min(8, availableParallelism());

/** Heap per thread by default, in MB (`resourceLimits.maxOldGenerationSizeMb`). */
export const DEFAULT_HEAP_MB = 256;

/**
 * A pool of worker threads.
 * @param {{ size?: number, heapMb?: number, timeoutMs?: number, retries?: number, keepOver?: number, startTimeoutMs?: number }} options
 *   `keepOver`: output arrays this long stay in their thread (0: every output comes back).
 */
export function threadPool({ size = defaultThreads(), heapMb = DEFAULT_HEAP_MB, timeoutMs, retries, keepOver, startTimeoutMs = 10_000 } = {}) {
  const launcher = { mode: 'worker', start: () => startThread(heapMb, startTimeoutMs) };
  return new WorkerPool({ size, launcher, taskTimeoutMs: timeoutMs, retries, keepOver, startTimeoutMs, workerUrl: ENTRY.href });
}

/**
 * The engine's executor on a new thread pool; `close()` stops its threads.
 * @example
 * const executor = threadExecutor({ size: 2, timeoutMs: 60_000 });
 * try { … new FlowEngine({ executor, … }) … } finally { executor.close(); }
 */
export function threadExecutor(options = {}) {
  const pool = threadPool(options);
  const release = pool.acquire();
  return { ...poolExecutor(pool, { timeoutMs: options.timeoutMs }), pool, close: release };
}

async function startThread(heapMb, startTimeoutMs) {
  const worker = new Worker(ENTRY, { name: 'v2u-worker', resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const api = wrap(nodeEndpoint(worker));
  let crash = () => {};
  let stopping = false;
  worker.on('error', (error) => crash(...describeCrash(error, heapMb)));
  worker.on('exit', (code) => stopping || crash(`the thread exited (code ${code})`));
  const terminate = () => {
    stopping = true;
    api[releaseProxy]();
    void worker.terminate();
  };
  try {
    await withTimeout(api.ping(), startTimeoutMs, `the worker thread did not answer within ${startTimeoutMs} ms`);
  } catch (error) {
    terminate();
    throw Object.assign(new Error(error.message), { code: RunErrorCodes.workerUnavailable });
  }
  return {
    api,
    remote: true,
    terminate,
    onCrash(listener) {
      crash = (message, code) => {
        crash = () => {};
        listener(message, code);
      };
    },
  };
}

function describeCrash(error, heapMb) {
  if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return [`it went over its heap limit of ${heapMb} MB (--heap-mb)`, RunErrorCodes.outOfMemory];
  return [error?.message ?? String(error)];
}
