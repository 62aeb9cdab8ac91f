// Where `run` sends node logic: worker threads (the default), a queue on Redis, or this thread.
import { inProcessExecutor } from '../../dist/src/runtime/pool/in-process-executor.js';
import { queueExecutor } from './queue/executor.mjs';
import { threadExecutor } from './threads.mjs';

/** A node's time limit in the CLI unless --timeout says otherwise: a runaway node must not hang it. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** How long `run --redis` waits for a worker process before it gives up, unless --wait-for-workers says otherwise. */
export const DEFAULT_WAIT_FOR_WORKERS_MS = 30_000;

/**
 * The executor the options ask for, with a `close()` to call once the run's outputs are read.
 * @param {{ inProcess?: boolean, redis?: string, queue?: string, timeoutMs?: number, threads?: number, heapMb?: number, maxMb?: number, waitForWorkersMs?: number }} options
 * @param {(line: string) => void} warn one line for a person (not printed under --json)
 */
export async function executorFor(options, warn) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (options.inProcess) return { ...inProcessExecutor(), close() {} };
  if (!options.redis) return threadExecutor({ size: options.threads, heapMb: options.heapMb, timeoutMs });
  const waitMs = options.waitForWorkersMs ?? DEFAULT_WAIT_FOR_WORKERS_MS;
  const executor = await queueExecutor({ url: options.redis, queue: options.queue, timeoutMs, maxMb: options.maxMb, waitForWorkersMs: waitMs });
  const forHowLong = waitMs > 0 ? `up to ${waitMs} ms` : 'until one starts';
  try {
    await executor.waitForWorkers(waitMs, () => warn(`no worker is taking jobs from the queue yet, waiting ${forHowLong} (--wait-for-workers); start one with: v2u-editor worker --redis ${options.redis}`));
  } catch (error) {
    await executor.close();
    throw error;
  }
  return executor;
}
