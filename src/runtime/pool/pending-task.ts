import type { ExecutionResult, TaskPriority } from '../../core/engine/types.js';
import type { Job, TaskError } from './protocol.js';
import type { Slot } from './slot.js';
import type { Endpoint } from './launcher.js';

/** What a caller hands the pool with a job. */
export interface SubmitOptions {
  priority?: TaskPriority;
  /** Fails the task (and replaces its worker) after this long on a worker. */
  timeoutMs?: number;
  /** Attempts after the first for failures marked `retryable` (exponential backoff). */
  retries?: number;
  signal?: AbortSignal;
  /** Tasks that must succeed before this one is queued; a failure fails this one too. */
  dependsOn?: Promise<unknown>[];
  /** Small tasks may travel together in one message to a worker. */
  small?: boolean;
  /** Running the job again gives the same outputs: another worker may redo it rather than copy what it kept. */
  repeatable?: boolean;
  /** Expected work (ms) behind this task in its run: within a priority, the pool starts the heaviest first. */
  pathMs?: number;
  onStart?: () => void;
  onProgress?: (fraction: number, message?: string) => void;
}

/** A task in the pool's hands, from submit to its settled promise. */
export interface PendingTask {
  job: Job;
  priority: TaskPriority;
  small: boolean;
  timeoutMs: number;
  retriesLeft: number;
  attempt: number;
  options: SubmitOptions;
  slot?: TaskSlot;
  /** When it entered the queue, and when a worker started it (performance.now()). */
  queuedAt?: number;
  startedAt?: number;
  /** Kept inputs this task receives from other workers: the sending endpoint and value id. */
  fetching?: { from: Endpoint; id: string }[];
  /** Kept inputs this task's worker makes again from their recipes. */
  rebuilding?: number;
  settled: boolean;
  resolve(result: ExecutionResult): void;
  reject(error: TaskError): void;
}

/** A pool slot whose batch holds pending tasks. */
export type TaskSlot = Slot<PendingTask>;

export function abortError(job: Job): TaskError {
  return { name: 'AbortError', code: 'cancelled', message: `node "${job.nodeId}" was cancelled` };
}
