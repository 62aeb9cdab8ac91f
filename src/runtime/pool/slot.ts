import type { Endpoint } from './launcher.js';

/** Per-worker counters, as `editor.metrics.pool.workers[i]`. */
export interface WorkerMetrics {
  id: number;
  state: 'stopped' | 'starting' | 'idle' | 'busy';
  /** Outputs kept in this worker (`OutputRef` handles point at them). */
  kept: number;
  /** Kept values this worker received from another worker (copies). */
  copies: number;
  /** Kept values this worker made again from the job that made them, cheaper than a copy. */
  rebuilds: number;
  /** Tasks finished here (ok or not). */
  tasks: number;
  /** Messages sent to the worker: a batch of small tasks is one. */
  batches: number;
  busyMs: number;
  failures: number;
  timeouts: number;
  /** Times this slot's worker was terminated and replaced (timeout, stuck cancel, failed ping). */
  restarts: number;
  /** Times a worker started here (lazily, after idle termination, or as a replacement). */
  starts: number;
}

/** What a slot needs of the tasks in its batch (the pool's `PendingTask` is one). */
export interface BatchTask {
  readonly settled: boolean;
}

/** One place in the pool: holds at most one worker at a time and the batch it works on. */
export class Slot<T extends BatchTask = BatchTask> {
  endpoint?: Endpoint;
  starting?: Promise<void>;
  batch: T[] = [];
  busySince = 0;
  watchdog?: ReturnType<typeof setTimeout>;
  /** Ids of outputs kept in this slot's worker (made there, or copies it received). */
  readonly held = new Set<string>();
  /** Node modules this slot's worker was asked to import ahead (`WorkerPool.prepare`). */
  readonly preloaded = new Set<string>();
  readonly metrics: WorkerMetrics;

  constructor(id: number) {
    this.metrics = { id, state: 'stopped', kept: 0, copies: 0, rebuilds: 0, tasks: 0, batches: 0, busyMs: 0, failures: 0, timeouts: 0, restarts: 0, starts: 0 };
  }

  /** It has a worker (running, or started and waiting for work). */
  get live(): boolean {
    return !!this.endpoint;
  }

  get idle(): boolean {
    return !!this.endpoint && this.batch.length === 0 && !this.starting;
  }

  /** The first task of the batch that has not settled: the one the worker is on. */
  get current(): T | undefined {
    return this.batch.find((t) => !t.settled);
  }

  /** Its batch has settled, but the worker has not been handed the next one yet. */
  get finishing(): boolean {
    return this.batch.length > 0 && !this.current;
  }

  snapshot(): WorkerMetrics {
    const state = this.starting ? 'starting' : !this.endpoint ? 'stopped' : this.batch.length ? 'busy' : 'idle';
    const busyMs = this.metrics.busyMs + (this.batch.length ? performance.now() - this.busySince : 0);
    return { ...this.metrics, state, kept: this.held.size, busyMs: Math.round(busyMs) };
  }

  /** Terminates the worker and forgets it; late messages from it are ignored by identity. */
  stop(): void {
    clearTimeout(this.watchdog);
    if (this.batch.length) this.metrics.busyMs += performance.now() - this.busySince;
    this.endpoint?.terminate();
    this.endpoint = undefined;
    this.batch = [];
    this.held.clear();
    this.preloaded.clear();
  }
}
