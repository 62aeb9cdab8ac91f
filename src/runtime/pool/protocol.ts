import type { HostPolicy } from '../../core/define-node.js';
import { toPlainError } from '../../core/engine/plain-error.js';
import type { PlainError } from '../../core/engine/types.js';

/** One node execution as it crosses to a worker: plain structured-clone data, no functions. */
export interface Job {
  id: string;
  nodeId: string;
  /** Absolute URL of a `defineNode` module; the worker `import()`s it. */
  moduleUrl: string;
  inputs: Record<string, unknown>;
  config: Record<string, unknown>;
  /** The host page's policy (allowed origins), passed to the node as `context.host`. */
  host?: HostPolicy;
  /** Output arrays at least this long stay in the worker and come back as `OutputRef` handles. */
  keepOver?: number;
  /** For input handles kept in another worker: a port on which that worker sends the value. */
  ports?: Record<string, MessagePort>;
  /** For input handles cheaper to make again than to copy: the job that made the value, and its port. */
  recipes?: Record<string, Recipe>;
}

/** How to make a kept value again: the job (with no kept inputs) that made it, and which output port it is. */
export interface Recipe {
  job: Job;
  port: string;
}

/** A failure as it crosses the worker boundary. `retryable` asks the pool to try again. */
export interface TaskError extends PlainError {
  retryable?: boolean;
}

/** What a runner reports while it works through a batch, in order. */
export type ReportMessage =
  | { kind: 'start'; id: string }
  | { kind: 'progress'; id: string; fraction: number; message?: string }
  | { kind: 'result'; id: string; ok: true; outputs: Record<string, unknown>; portHashes?: Record<string, string> }
  | { kind: 'result'; id: string; ok: false; error: TaskError };

export type Report = (message: ReportMessage) => unknown;

/** The one worker API: `expose()`d in the worker, `wrap()`ped in the pool, called directly on the main thread. */
export interface RunnerApi {
  ping(): string;
  /** Runs the jobs one after another, reporting start, progress and each result. */
  run(jobs: Job[], report: Report): Promise<void>;
  /** Aborts a job's signal; the node should stop soon (the pool terminates it otherwise). */
  abort(id: string): void;
  /** Sends the kept value `id` to another worker over `port`. */
  serve(id: string, port: MessagePort): void;
  /** A copy of the kept value `id` (or of its items `from` to `to`), for the page. */
  fetch(id: string, from?: number, to?: number): unknown;
  /** The worker that was to send these values died: tasks waiting for them fail as `result-lost`. */
  abandon(ids: string[]): void;
  /** Forgets kept values nobody needs any more. */
  release(ids: string[]): void;
  /** Imports node modules ahead of their first job (failures are left for that job to report). */
  preload(urls: string[]): void;
}

/** Any thrown value as plain `{ name, message, stack, code, retryable }` data. */
export function toTaskError(error: unknown): TaskError {
  const out: TaskError = toPlainError(error);
  if ((error as Partial<TaskError> | null)?.retryable === true) out.retryable = true;
  return out;
}

/** The ArrayBuffers inside a result (typed arrays and bare buffers), each once, for transfer. */
export function transferablesOf(value: unknown, found = new Set<ArrayBuffer>(), seen = new Set<object>()): ArrayBuffer[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return [...found];
  seen.add(value);
  if (value instanceof ArrayBuffer) found.add(value);
  else if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value) || value instanceof Set) for (const v of value) transferablesOf(v, found, seen);
  else if (value instanceof Map) for (const [k, v] of value) transferablesOf(k, found, seen), transferablesOf(v, found, seen);
  else for (const v of Object.values(value)) transferablesOf(v, found, seen);
  return [...found];
}
