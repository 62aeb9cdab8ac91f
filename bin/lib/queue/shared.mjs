// What the queue's two sides agree on: where a job's data lives in Redis, how values are
// encoded (v8's serializer: typed arrays, Maps, Dates and binary survive, and it is compact),
// and how an error travels in BullMQ's one failure string.
import { serialize, deserialize } from 'node:v8';
import { RunErrorCodes } from '../../../dist/src/core/run-errors.js';
import { CliError } from '../errors.mjs';

export { withDefaults } from '../../../dist/src/runtime/pool/pool-options.js';

export const DEFAULT_QUEUE = 'v2u-nodes';
/** The largest value that travels through Redis by default: a node's inputs or outputs, in MB. */
export const DEFAULT_MAX_MB = 64;
/** How long inputs and outputs stay in Redis when nobody collects them. */
export const PAYLOAD_TTL_MS = 24 * 3600_000;
/** BullMQ priorities: 1 is taken first. */
export const PRIORITY = { high: 1, normal: 2, low: 3 };

/** Redis connection options for BullMQ (ioredis) from a `redis://` or `rediss://` URL. */
export function redisOptions(url, extra = {}) {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^rediss?:$/.test(parsed.protocol)) throw new CliError(`not a Redis URL: ${url} (expected redis://host:port)`);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname || 'localhost',
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    ...extra,
  };
}

/** The Redis keys of a job's inputs and outputs, and the channel that carries cancellations. */
export function keysOf(queue, jobId) {
  return { input: `v2u:${queue}:in:${jobId}`, output: `v2u:${queue}:out:${jobId}`, cancelled: `v2u:${queue}:cancelled:${jobId}` };
}

export const cancelChannel = (queue) => `v2u:${queue}:cancel`;

/**
 * `value` as bytes for Redis; over `maxBytes` it throws an error that names the limit.
 * @param {string} what says what the value is, for the message ("the outputs of node \"x\"")
 */
export function encode(value, maxBytes, what) {
  const bytes = serialize(value);
  if (bytes.length > maxBytes)
    throw Object.assign(new Error(`${what} take ${mb(bytes.length)} MB, over the queue's limit of ${mb(maxBytes)} MB (--max-output-mb)`), { name: 'V2uError', code: RunErrorCodes.tooLarge });
  return bytes;
}

export const decode = (bytes) => deserialize(bytes);

const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A plain error as BullMQ's failure text (JSON, so name and code survive). */
export const errorText = (plain) => JSON.stringify({ name: plain.name, message: plain.message, ...(plain.code ? { code: plain.code } : {}) });

/** The plain error back from a failure text; BullMQ's own reasons (a stalled job) become a WorkerError. */
export function errorFrom(text, nodeId) {
  try {
    const parsed = JSON.parse(text);
    if (typeof parsed?.message === 'string') return parsed;
  } catch {}
  return { name: 'WorkerError', code: RunErrorCodes.workerCrashed, message: `the queue gave up on node "${nodeId}": ${text}` };
}
