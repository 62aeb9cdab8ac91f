// The engine's executor on a BullMQ queue: each node run is one job that any worker process,
// on any machine, may take. Inputs and outputs travel through Redis as v8-serialized bytes
// under keys of their own; the job carries only the node type, config key and limits.
import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { RunErrorCodes } from '../../../dist/src/core/run-errors.js';
import { CliError } from '../errors.mjs';
import { withTimeout } from '../../../dist/src/runtime/timeout.js';
import { cancelChannel, decode, DEFAULT_MAX_MB, DEFAULT_QUEUE, encode, errorFrom, keysOf, PAYLOAD_TTL_MS, PRIORITY, redisOptions, withDefaults } from './shared.mjs';

const DEFAULTS = { queue: DEFAULT_QUEUE, timeoutMs: 60_000, attempts: 3, backoffMs: 500, maxMb: DEFAULT_MAX_MB, redisTimeoutMs: 5000, waitForWorkersMs: 0 };

/**
 * Connects to the queue and resolves with an executor for `FlowEngine`; `close()` lets go of
 * Redis. Rejects when Redis does not answer within `redisTimeoutMs`.
 *
 * While tasks are out, Redis is pinged every second: with no answer for `redisTimeoutMs` every
 * task fails (code `queue-unavailable`), so a run never waits on a queue that is gone.
 * @param {{ url: string, queue?: string, timeoutMs?: number, attempts?: number, backoffMs?: number, maxMb?: number, redisTimeoutMs?: number, waitForWorkersMs?: number }} options
 *   `timeoutMs`: a node's time limit on a worker; `attempts`/`backoffMs`: BullMQ retries (exponential)
 *   for failures a retry may cure (a lost worker thread, Redis hiccups), never for a node's own error;
 *   `maxMb`: the largest inputs or outputs that travel; `waitForWorkersMs`: while tasks are out and
 *   no worker process is connected for this long, they fail (code `worker-unavailable`; 0: never).
 * @example
 * const executor = await queueExecutor({ url: 'redis://localhost:6379' });
 * try { await runFlow(text, { libraries, executor }); } finally { await executor.close(); }
 */
export async function queueExecutor(options) {
  const settings = withDefaults(DEFAULTS, options);
  const connection = redisOptions(settings.url);
  const queue = new Queue(settings.queue, { connection });
  const link = new RedisLink(settings, () => queue.client);
  queue.on('error', link.noteError);
  const client = new QueueClient(settings, queue, link);
  let events;
  let gaveUp = false;
  const connect = async () => {
    await queue.waitUntilReady();
    const lastEventId = await lastEventIdOf(queue);
    if (gaveUp) return;
    events = new QueueEvents(settings.queue, { connection, lastEventId });
    events.on('error', link.noteError);
    client.listen(events);
    await events.waitUntilReady();
  };
  try {
    await withTimeout(connect(), settings.redisTimeoutMs, `no answer from Redis at ${settings.url} within ${settings.redisTimeoutMs} ms`);
  } catch (error) {
    gaveUp = true;
    await Promise.all([events?.disconnect(), queue.disconnect()]).catch(() => undefined);
    throw new CliError(`cannot reach the queue at ${settings.url}: ${link.lastError ?? error.message}`, 1);
  }
  link.start(() => client.failAll(link.lostError()));
  const watch = settings.waitForWorkersMs > 0 ? watchWorkers(queue, settings, client) : () => {};
  return {
    execute: (task) => client.execute(task),
    /** Worker processes connected to the queue now. */
    workers: () => queue.getWorkersCount(),
    /**
     * Resolves once a worker process is connected; rejects after `ms` without one (0: waits
     * for ever). `onWait` is called once when there is none yet.
     */
    waitForWorkers: (ms, onWait) => waitForWorkers(queue, settings, ms, onWait),
    async close() {
      link.stop();
      watch();
      client.giveUp({ name: 'AbortError', code: RunErrorCodes.cancelled, message: 'the queue executor was closed' });
      // Cancellations still on their way to Redis get there before the connection goes.
      await client.cancelled();
      await closeAll([events, queue]);
    },
  };
}

/** Tasks out on the queue, by job id: sends them, follows their events, fetches their outputs. */
class QueueClient {
  _pending = new Map();
  _cancelling = new Set();
  _prefix = randomBytes(6).toString('hex');
  _ids = 0;

  constructor(settings, queue, link) {
    this._settings = settings;
    this._queue = queue;
    this._link = link;
  }

  listen(events) {
    events.on('active', ({ jobId }) => this._pending.get(jobId)?.task.onStart());
    events.on('progress', ({ jobId, data }) => this._pending.get(jobId)?.task.onProgress(data?.fraction ?? 0, data?.message));
    events.on('completed', ({ jobId }) => void this.collect(jobId));
    events.on('failed', ({ jobId, failedReason }) => this.settle(jobId, errorFrom(failedReason, this._pending.get(jobId)?.task.nodeId)));
  }

  execute(task) {
    return new Promise((resolve, reject) => {
      if (this._link.lost) return reject(this._link.lostError());
      const jobId = `${this._prefix}-${++this._ids}`;
      const entry = { task, resolve, reject, keys: keysOf(this._settings.queue, jobId) };
      if (task.signal.aborted) return reject(abortError(task));
      this._pending.set(jobId, entry);
      entry.onAbort = () => this.cancel(jobId);
      task.signal.addEventListener('abort', entry.onAbort, { once: true });
      this.send(jobId, entry).catch((error) => this.settle(jobId, error));
    });
  }

  async send(jobId, { task, keys }) {
    const { maxMb, timeoutMs, attempts, backoffMs } = this._settings;
    const maxBytes = maxMb * 2 ** 20;
    const bytes = encode({ inputs: task.inputs, config: task.config }, maxBytes, `the inputs of node "${task.nodeId}"`);
    await (await this._queue.client).set(keys.input, bytes, 'PX', PAYLOAD_TTL_MS);
    const data = { nodeId: task.nodeId, type: task.type, timeoutMs, maxBytes };
    await this._queue.add(task.type, data, {
      jobId, priority: PRIORITY[task.priority] ?? PRIORITY.normal, attempts, backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: true, removeOnFail: true,
    });
  }

  async collect(jobId) {
    const entry = this._pending.get(jobId);
    if (!entry) return;
    try {
      const bytes = await (await this._queue.client).getBuffer(entry.keys.output);
      if (!bytes) throw { name: 'V2uError', code: RunErrorCodes.resultLost, message: `the outputs of node "${entry.task.nodeId}" were not in Redis (expired or removed)` };
      this.settle(jobId, undefined, { outputs: decode(bytes) });
    } catch (error) {
      this.settle(jobId, error);
    }
  }

  settle(jobId, error, result) {
    const entry = this._pending.get(jobId);
    if (!entry) return;
    this._pending.delete(jobId);
    entry.task.signal.removeEventListener('abort', entry.onAbort);
    void this.forget(entry.keys.input, entry.keys.output);
    if (error) entry.reject(error);
    else entry.resolve(result);
  }

  /**
   * A waiting job is removed (BullMQ's `Queue.remove`); a running one is told to stop: its
   * worker gets the job id on the cancel channel and aborts it with BullMQ's `Worker.cancelJob`.
   * The cancelled mark covers a job taken between the two.
   */
  cancel(jobId) {
    const entry = this._pending.get(jobId);
    if (!entry) return;
    this.settle(jobId, abortError(entry.task));
    this.sendCancel(jobId, entry.keys);
  }

  /** Fails every task out with `error`, and cancels their jobs: nobody will collect them. */
  giveUp(error) {
    for (const [jobId, { keys }] of [...this._pending]) {
      this.settle(jobId, error);
      this.sendCancel(jobId, keys);
    }
  }

  sendCancel(jobId, keys) {
    const sent = (async () => {
      const redis = await this._queue.client;
      await redis.set(keys.cancelled, '1', 'PX', PAYLOAD_TTL_MS);
      await this._queue.remove(jobId).catch(() => 0);
      await redis.publish(cancelChannel(this._settings.queue), jobId);
    })()
      .catch(() => undefined)
      .finally(() => this._cancelling.delete(sent));
    this._cancelling.add(sent);
  }

  /** Resolves once every cancellation sent so far has reached Redis (or failed). */
  cancelled() {
    return Promise.all(this._cancelling);
  }

  /** Tasks out now. */
  size() {
    return this._pending.size;
  }

  failAll(error) {
    for (const jobId of [...this._pending.keys()]) this.settle(jobId, error);
  }

  async forget(...keys) {
    if (this._link.lost) return;
    await (await this._queue.client).del(...keys).catch(() => undefined);
  }
}

/** Watches the connection to Redis: pings while the executor lives, and gives up after a silence. */
class RedisLink {
  lost = false;
  lastError = undefined;
  _lastAnswer = performance.now();

  constructor(settings, client) {
    this._settings = settings;
    this._client = client;
    this.noteError = (error) => (this.lastError = error?.message ?? String(error));
  }

  start(onLost) {
    this._timer = setInterval(() => this.check(onLost), Math.min(1000, this._settings.redisTimeoutMs / 2));
    this._timer.unref?.();
  }

  async check(onLost) {
    if (this.lost) return;
    if (performance.now() - this._lastAnswer > this._settings.redisTimeoutMs) {
      this.lost = true;
      return onLost();
    }
    try {
      await withTimeout((await this._client()).ping(), this._settings.redisTimeoutMs, 'no answer');
      this._lastAnswer = performance.now();
    } catch {}
  }

  lostError() {
    const why = this.lastError ? ` (${this.lastError})` : '';
    return { name: 'QueueError', code: RunErrorCodes.queueUnavailable, message: `lost the queue: Redis at ${this._settings.url} did not answer for ${this._settings.redisTimeoutMs} ms${why}` };
  }

  stop() {
    clearInterval(this._timer);
  }
}

/**
 * The id of the queue's newest event now: events are read from there. BullMQ's default ('$')
 * starts at whatever is newest when its first read reaches Redis, so the events of a job that
 * starts (or even ends) before that read were missed: no onStart, or a run waiting for ever.
 */
async function lastEventIdOf(queue) {
  const [newest] = await (await queue.client).xrevrange(queue.keys.events, '+', '-', 'COUNT', 1);
  return newest?.[0] ?? '0-0';
}

async function waitForWorkers(queue, settings, ms, onWait) {
  const since = performance.now();
  let told = false;
  while ((await queue.getWorkersCount()) === 0) {
    if (!told) onWait?.();
    told = true;
    if (ms > 0 && performance.now() - since >= ms) throw new CliError(noWorkers(settings, ms), 1);
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, ms > 0 ? ms : 250)));
  }
}

const noWorkers = ({ queue, url }, ms) => `no worker took jobs from queue "${queue}" at ${url} within ${ms} ms (--wait-for-workers); start one with: v2u-editor worker --redis ${url}`;

/** While tasks are out, fails them all (and cancels their jobs) once no worker process has been connected for `waitForWorkersMs`; returns the stop. */
function watchWorkers(queue, settings, client) {
  const ms = settings.waitForWorkersMs;
  let since;
  const check = async () => {
    const count = client.size() === 0 ? 1 : await queue.getWorkersCount().catch(() => 1);
    if (count > 0) return void (since = undefined);
    since ??= performance.now();
    if (performance.now() - since >= ms) client.giveUp({ name: 'QueueError', code: RunErrorCodes.workerUnavailable, message: noWorkers(settings, ms) });
  };
  const timer = setInterval(() => void check(), Math.min(1000, ms / 2));
  timer.unref?.();
  return () => clearInterval(timer);
}

function abortError(task) {
  return { name: 'AbortError', code: RunErrorCodes.cancelled, message: `node "${task.nodeId}" was cancelled` };
}

/** Closes BullMQ objects, and cuts their connections when Redis is gone (close would wait for it). */
async function closeAll(closables) {
  await withTimeout(Promise.all(closables.map((c) => c.close())), 2000, 'close').catch(() => {
    for (const c of closables) c.disconnect?.();
  });
}
