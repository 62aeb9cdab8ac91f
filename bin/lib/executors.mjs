// Where `run` sends node logic: worker threads (the default), a queue on Redis, or this thread.
import { inProcessExecutor } from '../../dist/src/runtime/pool/in-process-executor.js';
import { queueExecutor } from './queue/executor.mjs';
import { threadExecutor } from './threads.mjs';

/** A node's time limit in the CLI unless --timeout says otherwise: a runaway node must not hang it. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The executor the options ask for, with a `close()` to call once the run's outputs are read.
 * @param {{ inProcess?: boolean, redis?: string, queue?: string, timeoutMs?: number, threads?: number, heapMb?: number, maxMb?: number }} options
 * @param {(line: string) => void} warn one line for a person (not printed under --json)
 */
export async function executorFor(options, warn) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (options.inProcess) return { ...inProcessExecutor(), close() {} };
  if (!options.redis) return threadExecutor({ size: options.threads, heapMb: options.heapMb, timeoutMs });
  const executor = await queueExecutor({ url: options.redis, queue: options.queue, timeoutMs, maxMb: options.maxMb });
  if ((await executor.workers().catch(() => 1)) === 0)
    warn(`no worker is taking jobs from the queue yet; start one with: v2u-editor worker --redis ${options.redis}`);
  return executor;
}
