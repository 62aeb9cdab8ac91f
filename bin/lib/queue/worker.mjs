// A worker process for the queue: takes node jobs from BullMQ and runs each on a worker
// thread. A job names a node type, never code: the type is looked up in this process's own
// library, so a flow can only run the node modules this worker was given.
import { UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { manifestOf } from '../../../dist/src/core/index.js';
import { RunErrorCodes } from '../../../dist/src/core/run-errors.js';
import { toTaskError } from '../../../dist/src/runtime/pool/protocol.js';
import { loadLibraries } from '../run-flow.mjs';
import { threadPool } from '../threads.mjs';
import { cancelChannel, decode, DEFAULT_MAX_MB, DEFAULT_QUEUE, encode, errorText, keysOf, PAYLOAD_TTL_MS, redisOptions, withDefaults } from './shared.mjs';

const DEFAULTS = { queue: DEFAULT_QUEUE, concurrency: undefined, heapMb: undefined, timeoutMs: 10 * 60_000, maxMb: DEFAULT_MAX_MB, lockMs: 10_000, graceMs: 10_000 };
/** Progress goes to Redis at most this often per job. */
const PROGRESS_EVERY_MS = 100;

/**
 * Starts taking jobs. `stop()` stops taking new ones, lets running nodes finish for `graceMs`,
 * then hands the rest back to the queue (another worker takes them) and closes.
 * @param {{ url: string, libraries: string[], queue?: string, concurrency?: number, heapMb?: number, timeoutMs?: number, maxMb?: number, lockMs?: number, graceMs?: number, log?: (line: string) => void }} options
 *   `concurrency`: jobs at once, one worker thread each; `timeoutMs`: the longest a node may
 *   run here, whatever a job asks; `lockMs`: a job whose worker stops renewing its lock for this
 *   long (the process died) goes back to the queue.
 */
export async function startQueueWorker(options) {
  const settings = withDefaults(DEFAULTS, options);
  const log = settings.log ?? (() => {});
  const nodes = await loadLibraries(settings.libraries, manifestOf);
  const pool = threadPool({ size: settings.concurrency, heapMb: settings.heapMb, retries: 0, keepOver: 0 });
  const releasePool = pool.acquire();
  const handBacks = new Map();
  const context = { settings, nodes, pool, handBacks, log };
  const worker = new Worker(settings.queue, (job, token, signal) => processJob(context, job, token, signal), {
    connection: redisOptions(settings.url, { maxRetriesPerRequest: null }),
    concurrency: pool.size, lockDuration: settings.lockMs, stalledInterval: settings.lockMs,
  });
  context.worker = worker;
  worker.on('error', throttled(5000, (error) => log(`redis: ${error?.message ?? error}`)));
  const subscriber = await listenForCancels(worker, settings.queue, log);
  await worker.waitUntilReady();
  log(`taking jobs from queue "${settings.queue}" at ${settings.url} with ${pool.size} worker threads; ${nodes.size} node types`);
  let stopping;
  return {
    worker,
    stop: () =>
      (stopping ??= (async () => {
        const timer = setTimeout(() => handBackAll(handBacks), settings.graceMs);
        await worker.close();
        clearTimeout(timer);
        subscriber.disconnect();
        releasePool();
      })()),
    /** Hands running jobs back at once (a second SIGTERM). */
    handBack: () => handBackAll(handBacks),
  };
}

async function processJob({ settings, nodes, pool, handBacks, log, worker }, job, token, signal) {
  const { nodeId, type } = job.data;
  const resolved = nodes.get(type);
  if (!resolved) throw unrecoverable({ name: 'V2uError', code: RunErrorCodes.unknownNodeType, message: `unknown node type "${type}" in this worker's library` });
  const redis = await worker.client;
  const keys = keysOf(settings.queue, job.id);
  if (await redis.exists(keys.cancelled)) throw unrecoverable({ name: 'AbortError', code: RunErrorCodes.cancelled, message: `node "${nodeId}" was cancelled` });
  const bytes = await redis.getBuffer(keys.input);
  if (!bytes) throw unrecoverable({ name: 'V2uError', code: RunErrorCodes.resultLost, message: `the inputs of node "${nodeId}" were not in Redis (expired or removed)` });
  const { inputs, config } = decode(bytes);
  const handBack = new AbortController();
  handBacks.set(job.id, handBack);
  const started = performance.now();
  log(`node "${nodeId}" (${type}) started, job ${job.id}`);
  try {
    const outputs = await runNode(pool, job, { moduleUrl: resolved.moduleUrl, inputs, config }, AbortSignal.any([signal, handBack.signal]), settings.timeoutMs);
    const encoded = encode(outputs, Math.min(job.data.maxBytes, settings.maxMb * 2 ** 20), `the outputs of node "${nodeId}"`);
    await redis.set(keys.output, encoded, 'PX', PAYLOAD_TTL_MS);
    log(`node "${nodeId}" done in ${Math.round(performance.now() - started)} ms`);
    return { bytes: encoded.length };
  } catch (error) {
    if (!handBack.signal.aborted) throw failure(error, nodeId, log);
    // Back to wait, with no attempt spent: the next worker starts it afresh.
    await job.moveToWait(token);
    log(`node "${nodeId}" handed back to the queue`);
    throw new WaitingError();
  } finally {
    handBacks.delete(job.id);
  }
}

async function runNode(pool, job, { moduleUrl, inputs, config }, signal, maxTimeoutMs) {
  const { nodeId, timeoutMs } = job.data;
  let sentAt = 0;
  const onProgress = (fraction, message) => {
    if (performance.now() - sentAt < PROGRESS_EVERY_MS) return;
    sentAt = performance.now();
    void job.updateProgress({ fraction, message }).catch(() => undefined);
  };
  const { outputs } = await pool.submit({ nodeId, moduleUrl, inputs, config }, { signal, onProgress, timeoutMs: Math.min(timeoutMs ?? maxTimeoutMs, maxTimeoutMs) });
  return outputs;
}

/** A node's failure for BullMQ: retried (with the job's backoff) only when marked retryable. */
function failure(error, nodeId, log) {
  const plain = toTaskError(error);
  log(`node "${nodeId}" failed: ${plain.message}`);
  return plain.retryable ? new Error(errorText(plain)) : unrecoverable(plain);
}

const unrecoverable = (plain) => new UnrecoverableError(errorText(plain));

function handBackAll(handBacks) {
  for (const controller of handBacks.values()) controller.abort();
}

/** Runs that cancel a node publish its job id; the job's processor gets an aborted signal. */
async function listenForCancels(worker, queue, log) {
  const subscriber = (await worker.client).duplicate();
  subscriber.on('error', () => undefined);
  subscriber.on('message', (_, jobId) => worker.cancelJob(jobId, 'cancelled by the run') && log(`job ${jobId} cancelled`));
  await subscriber.subscribe(cancelChannel(queue));
  return subscriber;
}

function throttled(ms, fn) {
  let last = -Infinity;
  return (...args) => {
    if (performance.now() - last < ms) return;
    last = performance.now();
    fn(...args);
  };
}
