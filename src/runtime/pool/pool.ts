import { proxy, transfer, type Remote } from 'comlink';
import { isOutputRef, LONG_OUTPUT, refsIn, type OutputRef } from '../../core/engine/output-ref.js';
import type { ExecutionResult, ItemRange } from '../../core/engine/types.js';
import { RunErrorCodes } from '../../core/errors.js';
import { Launcher, type PoolMode, type PoolWarning, type TaskLauncher } from './launcher.js';
import { abortError, type PendingTask, type SubmitOptions } from './pending-task.js';
import { toTaskError, type Job, type Recipe, type ReportMessage, type RunnerApi, type TaskError } from './protocol.js';
import { Slot, type WorkerMetrics } from './slot.js';
import { TaskQueue } from './task-queue.js';
import { defaultWorkerUrl } from './worker-url.js';

export interface PoolOptions {
  /** Workers at most; default `min(8, navigator.hardwareConcurrency)`. */
  size?: number;
  /** The worker entry; default the `worker.js` shipped next to this module. */
  workerUrl?: string;
  /** Force a mode (benchmarks, tests); by default the first that starts. */
  mode?: PoolMode;
  idleTimeoutMs?: number;
  taskTimeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
  healthIntervalMs?: number;
  pingTimeoutMs?: number;
  /** How long a cancelled task may take to stop before its worker is terminated. */
  cancelGraceMs?: number;
  batchSize?: number;
  startTimeoutMs?: number;
  /**
   * Output arrays at least this long (default 10,000) stay in the worker that made them and
   * reach the page as `OutputRef` handles, so big tables never load the main thread; 0 = never.
   */
  keepOver?: number;
  /**
   * Starts the places tasks run; default a `Launcher` for browser module workers. Node
   * passes one that starts `worker_threads` (the CLI), so the same queue, timeouts, retries
   * and crash recovery serve both.
   */
  launcher?: TaskLauncher;
}

export interface PoolMetrics {
  mode: PoolMode | 'unstarted';
  size: number;
  queued: number;
  users: number;
  workers: WorkerMetrics[];
}

const DEFAULTS = { idleTimeoutMs: 30000, taskTimeoutMs: 60000, retries: 2, retryDelayMs: 100, healthIntervalMs: 10000, pingTimeoutMs: 3000, cancelGraceMs: 300, batchSize: 8, startTimeoutMs: 10000, keepOver: LONG_OUTPUT };
/** How well a slot suits a task: its worker holds every kept input, the task has none, or it must fetch some. */
const LOCAL = 0, NO_INPUTS = 1, REMOTE = 2;
/**
 * Worker time to copy one kept item (a row) to another worker, serialising and
 * deserialising: a million order rows took about 7 s here. A task waits for the worker
 * holding its inputs at most that long, and a value is made again instead when its job
 * took less.
 */
const COPY_MS_PER_ITEM = 0.007;

/**
 * Runs node logic off the main thread: a lazily started set of module workers with a
 * priority queue (high, normal, low; FIFO within), per-task timeouts that replace the
 * worker, retries with backoff, health pings, batching of small tasks, progress and
 * cancellation. Idle workers are terminated; so is everything when the last user leaves.
 * Large outputs stay in their worker (see `keepOver`): a task goes preferably to the worker
 * holding its inputs, and otherwise receives them worker to worker over a `MessagePort`.
 *
 * @example
 * const pool = sharedPool();
 * const release = pool.acquire();
 * const out = await pool.submit({ nodeId: 'n1', moduleUrl, inputs: {}, config: {} }, { priority: 'high' });
 * release();
 */
export class WorkerPool {
  readonly size: number;
  readonly options: Required<Omit<PoolOptions, 'mode' | 'size' | 'launcher'>>;
  private _slots: Slot[] = [];
  private _queue = new TaskQueue<PendingTask>();
  private _launcher: TaskLauncher;
  private _ids = 0;
  private _users = 0;
  /** Bumped by shutdown, so a worker that finishes starting afterwards is terminated at once. */
  private _generation = 0;
  private _idleTimer?: ReturnType<typeof setTimeout>;
  private _healthTimer?: ReturnType<typeof setInterval>;
  private _warnings: PoolWarning[] = [];
  private _warningListeners = new Set<(warning: PoolWarning) => void>();
  private _unusedListeners = new Set<() => void>();
  /** Kept values that may be made again rather than copied: the job that made each, and how long it took. */
  private _recipes = new Map<string, { recipe: Recipe; ms: number }>();
  private _wakeTimer?: ReturnType<typeof setTimeout>;
  private _wakeTime = 0;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? Math.min(8, globalThis.navigator?.hardwareConcurrency || 4));
    this.options = { ...DEFAULTS, workerUrl: defaultWorkerUrl(), ...stripUndefined(options) } as WorkerPool['options'];
    this._launcher = options.launcher ?? new Launcher(this.options.workerUrl, (w) => this.warn(w), this.options.startTimeoutMs, options.mode);
    for (let i = 0; i < this.size; i++) this._slots.push(new Slot(i));
  }

  /** How tasks run now: `worker`, `blob`, `main`, or `unstarted` before the first task. */
  get mode(): PoolMode | 'unstarted' {
    return this._launcher.mode ?? 'unstarted';
  }

  /** Fallback warnings so far (a user that subscribes late still sees them). */
  get warnings(): readonly PoolWarning[] {
    return this._warnings;
  }

  onWarning(listener: (warning: PoolWarning) => void): () => void {
    this._warningListeners.add(listener);
    return () => this._warningListeners.delete(listener);
  }

  /** Registers a user (an editor); the returned function releases it. The last release stops every worker. */
  acquire(): () => void {
    this._users++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this._users > 0) return;
      this.shutdown();
      for (const listener of [...this._unusedListeners]) listener();
    };
  }

  /** Called when the last user releases the pool. */
  onUnused(listener: () => void): () => void {
    this._unusedListeners.add(listener);
    return () => this._unusedListeners.delete(listener);
  }

  /** Queues a node job; resolves with its outputs (and port hashes from a worker) or rejects with a plain `TaskError`. */
  submit(job: Omit<Job, 'id'>, options: SubmitOptions = {}): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      const task: PendingTask = {
        job: { ...job, moduleUrl: new URL(job.moduleUrl, globalThis.location?.href).href, id: `t${++this._ids}` },
        priority: options.priority ?? 'normal', small: !!options.small, options, settled: false, attempt: 0,
        timeoutMs: options.timeoutMs ?? this.options.taskTimeoutMs, retriesLeft: options.retries ?? this.options.retries,
        resolve, reject,
      };
      const onAbort = () => this.abortTask(task);
      if (options.signal?.aborted) return this.settle(task, abortError(task.job));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      task.resolve = (value) => (options.signal?.removeEventListener('abort', onAbort), resolve(value));
      task.reject = (error) => (options.signal?.removeEventListener('abort', onAbort), reject(error));
      if (!options.dependsOn?.length) return this.enqueue(task);
      Promise.all(options.dependsOn).then(
        () => this.enqueue(task),
        (error) => this.settle(task, { name: 'DependencyError', code: RunErrorCodes.dependencyFailed, message: `task "${task.job.nodeId}" depends on a task that failed: ${error?.message ?? error}` }),
      );
    });
  }

  /** Whether a worker still holds the value behind a handle. */
  available(ref: OutputRef): boolean {
    return !!this.holderOf(ref.$v2uRef);
  }

  /** Copies a kept value (or a range of its items) to the page; rejects with `result-lost` when no worker holds it any more. */
  async fetch(ref: OutputRef, range?: ItemRange): Promise<unknown> {
    const holder = this.holderOf(ref.$v2uRef);
    if (!holder) throw lostError(ref.$v2uRef);
    return holder.endpoint!.api.fetch(ref.$v2uRef, range?.from, range?.to);
  }

  /** Frees kept values in every worker that holds them. */
  release(refs: OutputRef[]): void {
    const ids = new Set(refs.map((r) => r.$v2uRef));
    for (const id of ids) this._recipes.delete(id);
    for (const slot of this._slots) {
      const held = [...ids].filter((id) => slot.held.delete(id));
      if (held.length && slot.endpoint) void Promise.resolve(slot.endpoint.api.release(held)).catch(() => undefined);
    }
    this.checkIdle();
  }

  metrics(): PoolMetrics {
    return { mode: this.mode, size: this.size, queued: this._queue.size, users: this._users, workers: this._slots.map((s) => s.snapshot()) };
  }

  /** Stops every worker now; queued and running tasks reject as cancelled. */
  shutdown(): void {
    for (const task of this._queue.drain()) this.settle(task, abortError(task.job));
    this._generation++;
    for (const slot of this._slots) {
      for (const task of slot.batch) this.settle(task, abortError(task.job));
      slot.stop();
      slot.starting = undefined;
    }
    clearTimeout(this._idleTimer);
    clearTimeout(this._wakeTimer);
    clearInterval(this._healthTimer);
    this._healthTimer = this._idleTimer = this._wakeTimer = undefined;
  }

  private enqueue(task: PendingTask) {
    if (task.settled) return;
    task.queuedAt ??= performance.now();
    this._queue.push(task);
    this.pump();
  }

  private pump() {
    // First every idle worker takes tasks whose kept inputs it holds, then the rest is shared out.
    for (const localOnly of [true, false])
      for (const slot of this._slots) {
        const rank = (task: PendingTask) => {
          const fit = this.fit(slot, task);
          return localOnly && fit !== LOCAL ? Infinity : fit;
        };
        const batch = slot.idle && this._queue.size ? this._queue.takeBatch(this.options.batchSize, rank) : [];
        if (batch.length) this.runBatch(slot, batch);
      }
    const capacity = this._launcher.mode === 'main' ? 1 : this.size;
    const starting = this._slots.filter((s) => s.starting).length;
    const probing = !this._launcher.mode && starting > 0;
    let wanted = Math.min(this._queue.size - starting, probing ? 0 : this._launcher.mode ? Infinity : 1);
    for (const slot of this._slots.slice(0, capacity)) if (wanted > 0 && !slot.endpoint && !slot.starting) this.startSlot(slot), wanted--;
    this.checkIdle();
  }

  private startSlot(slot: Slot) {
    const generation = this._generation;
    const starting = this._launcher.start().then(
      (endpoint) => {
        if (generation !== this._generation) return endpoint.terminate();
        slot.endpoint = endpoint;
        slot.metrics.starts++;
        endpoint.onCrash?.((message, code) => slot.endpoint === endpoint && this.crashed(slot, message, code));
        this._healthTimer ??= setInterval(() => this.checkHealth(), this.options.healthIntervalMs);
      },
      (error: Error) => {
        const failure = { name: 'WorkerError', code: RunErrorCodes.workerUnavailable, message: `no worker could start: ${error.message}` };
        for (const task of this._queue.drain()) this.settle(task, failure);
      },
    );
    slot.starting = starting;
    void starting.finally(() => {
      if (generation !== this._generation) return;
      slot.starting = undefined;
      this.pump();
    });
  }

  private runBatch(slot: Slot, batch: PendingTask[]) {
    const endpoint = slot.endpoint!;
    slot.batch = batch;
    slot.busySince = performance.now();
    slot.metrics.batches++;
    for (const task of batch) task.slot = slot;
    this.arm(slot);
    const report = (message: ReportMessage) => slot.endpoint === endpoint && this.onReport(slot, message);
    const ports: MessagePort[] = [];
    const jobs = batch.map((task) => this.jobFor(slot, task, ports));
    const done = endpoint.remote ? (endpoint.api as Remote<RunnerApi>).run(transfer(jobs, ports), proxy(report)) : (endpoint.api as RunnerApi).run(jobs, report);
    done.then(() => undefined, (error: unknown) => error).then((error) => {
      if (slot.endpoint !== endpoint) return;
      // A rejected call is a message that could not be sent (say, inputs that do not clone): final.
      const failure = error ? toTaskError(error) : { name: 'WorkerError', code: RunErrorCodes.workerCrashed, message: 'the worker stopped mid-task', retryable: true };
      for (const task of slot.batch) if (!task.settled) this.failed(slot, task, failure);
      this.releaseSlot(slot);
    });
  }

  /**
   * The job as it goes to this slot: kept outputs are allowed when it is a worker, and every
   * kept input held elsewhere gets a port on which its holder sends it (a missing one makes
   * the worker fail the task as `result-lost`, so the engine runs the upstream node again).
   */
  private jobFor(slot: Slot, task: PendingTask, ports: MessagePort[]): Job {
    if (!slot.endpoint?.remote) return task.job;
    const job: Job = { ...task.job, keepOver: this.options.keepOver || undefined };
    task.fetching = [];
    task.rebuilding = 0;
    for (const ref of refsIn(task.job.inputs)) {
      if (slot.held.has(ref.$v2uRef)) continue;
      if (this.cheapRecipe(ref)) {
        (job.recipes ??= {})[ref.$v2uRef] = this._recipes.get(ref.$v2uRef)!.recipe;
        task.rebuilding++;
        continue;
      }
      const holder = this.holderOf(ref.$v2uRef);
      if (!holder) continue;
      const channel = new MessageChannel();
      void Promise.resolve(holder.endpoint!.api.serve(ref.$v2uRef, transfer(channel.port1, [channel.port1]))).catch(() => undefined);
      (job.ports ??= {})[ref.$v2uRef] = channel.port2;
      task.fetching.push({ from: holder.endpoint!, id: ref.$v2uRef });
      ports.push(channel.port2);
    }
    return job;
  }

  /** A live worker holding a kept value, an idle one first (it can send it at once). */
  private holderOf(id: string): Slot | undefined {
    const holders = this._slots.filter((s) => s.endpoint && s.held.has(id));
    return holders.find((s) => s.idle) ?? holders[0];
  }

  /**
   * How well a slot suits a task. A task whose kept inputs are elsewhere waits for their
   * worker if that one has just finished its batch (it is about to take the task itself):
   * copying a million rows to another worker costs more than that wait.
   */
  private fit(slot: Slot, task: PendingTask): number {
    const refs = refsIn(task.job.inputs);
    if (!refs.length) return NO_INPUTS;
    const elsewhere = refs.filter((r) => !slot.held.has(r.$v2uRef));
    if (!elsewhere.length) return LOCAL;
    const finishing = elsewhere.some((r) => this._slots.some((s) => s !== slot && s.endpoint && s.held.has(r.$v2uRef) && s.batch.length > 0 && !s.current));
    if (finishing) return Infinity;
    const copies = elsewhere.filter((r) => !this.cheapRecipe(r));
    if (!copies.length) return REMOTE;
    // Wait for the holder as long as copying would take, then copy.
    const deadline = (task.queuedAt ?? 0) + copies.reduce((ms, r) => ms + r.length * COPY_MS_PER_ITEM, 0);
    if (performance.now() >= deadline || !copies.every((r) => this.holderOf(r.$v2uRef))) return REMOTE;
    this.wakeAt(deadline);
    return Infinity;
  }

  /** A recorded job that made this value in less time than copying it would take. */
  private cheapRecipe(ref: OutputRef): boolean {
    const entry = this._recipes.get(ref.$v2uRef);
    return !!entry && entry.ms < ref.length * COPY_MS_PER_ITEM;
  }

  /**
   * Looks at the queue again at `time` (a task that waits for its inputs' worker may be
   * taken by another then); the earliest such time wins.
   */
  private wakeAt(time: number) {
    if (this._wakeTimer !== undefined && this._wakeTime <= time) return;
    clearTimeout(this._wakeTimer);
    this._wakeTime = time;
    this._wakeTimer = setTimeout(() => {
      this._wakeTimer = undefined;
      this.pump();
    }, Math.max(0, time - performance.now()) + 1);
  }

  private onReport(slot: Slot, message: ReportMessage) {
    const task = slot.batch.find((t) => t.job.id === message.id);
    if (!task || task.settled) return;
    if (message.kind === 'start') return (task.startedAt = performance.now()), task.options.onStart?.();
    if (message.kind === 'progress') return task.options.onProgress?.(message.fraction, message.message);
    slot.metrics.tasks++;
    if (task.options.signal?.aborted) this.settle(task, abortError(task.job));
    else if (message.ok) {
      // The worker now keeps the outputs it made and copies of the inputs it received.
      for (const ref of [...refsIn(message.outputs), ...refsIn(task.job.inputs)]) slot.held.add(ref.$v2uRef);
      slot.metrics.copies += task.fetching?.length ?? 0;
      slot.metrics.rebuilds += task.rebuilding ?? 0;
      this.noteRecipes(task, message.outputs);
      this.settle(task, undefined, { outputs: message.outputs, portHashes: message.portHashes });
    }
    else this.failed(slot, task, message.error);
    this.arm(slot);
  }

  /** A repeatable job with no kept inputs can make its kept outputs again, in the time it took. */
  private noteRecipes(task: PendingTask, outputs: Record<string, unknown>) {
    if (!task.options.repeatable || refsIn(task.job.inputs).length) return;
    const ms = performance.now() - (task.startedAt ?? task.queuedAt ?? performance.now());
    for (const [port, value] of Object.entries(outputs)) if (isOutputRef(value)) this._recipes.set(value.$v2uRef, { recipe: { job: task.job, port }, ms });
  }

  /** A failed attempt: retried after a backoff when marked retryable and attempts are left. */
  private failed(slot: Slot, task: PendingTask, error: TaskError) {
    slot.metrics.failures++;
    if (!error.retryable || task.retriesLeft <= 0 || task.options.signal?.aborted) return this.settle(task, error);
    task.retriesLeft--;
    task.slot = undefined;
    const delay = this.options.retryDelayMs * 2 ** task.attempt++;
    setTimeout(() => this.enqueue(task), delay);
    slot.batch = slot.batch.filter((t) => t !== task);
  }

  private settle(task: PendingTask, error?: TaskError, result?: ExecutionResult) {
    if (task.settled) return;
    task.settled = true;
    if (error) task.reject(error);
    else task.resolve(result ?? { outputs: {} });
  }

  /** The watchdog: the task a worker is on must finish within its timeout. */
  private arm(slot: Slot) {
    clearTimeout(slot.watchdog);
    const task = slot.current;
    if (task) slot.watchdog = setTimeout(() => this.timedOut(slot, task), task.timeoutMs);
  }

  private timedOut(slot: Slot, task: PendingTask) {
    slot.metrics.tasks++;
    slot.metrics.failures++;
    slot.metrics.timeouts++;
    this.settle(task, { name: 'TimeoutError', code: RunErrorCodes.taskTimeout, message: `node "${task.job.nodeId}" ran longer than ${task.timeoutMs} ms; its worker was replaced` });
    this.replace(slot);
  }

  /** A worker died of an uncaught error: its running tasks fail with the reason, the rest go back in the queue. */
  private crashed(slot: Slot, message: string, code: string = RunErrorCodes.workerCrashed) {
    const running = slot.batch.filter((t) => !t.settled && t === slot.current);
    for (const task of running) {
      slot.metrics.tasks++;
      slot.metrics.failures++;
      this.settle(task, { name: 'WorkerError', code, message: `the worker crashed while running node "${task.job.nodeId}": ${message}; it was replaced` });
    }
    this.replace(slot);
  }

  private abortTask(task: PendingTask) {
    if (task.settled) return;
    const slot = task.slot;
    if (this._queue.remove(task) || !slot) return this.settle(task, abortError(task.job));
    const endpoint = slot.endpoint;
    void Promise.resolve(endpoint?.api.abort(task.job.id)).catch(() => undefined);
    setTimeout(() => {
      if (task.settled || slot.endpoint !== endpoint) return;
      this.settle(task, abortError(task.job));
      this.replace(slot);
    }, this.options.cancelGraceMs);
  }

  /**
   * Terminates a slot's worker, puts its other tasks back at the front and starts a new one.
   * Workers waiting for kept values it was to send are told, so those tasks fail as
   * `result-lost` (and the engine runs the upstream node again) instead of hanging.
   */
  private replace(slot: Slot) {
    const others = slot.batch.filter((t) => !t.settled);
    const dead = slot.endpoint;
    for (const other of this._slots) {
      const ids = other.batch.flatMap((t) => (t.settled ? [] : (t.fetching ?? []).filter((f) => f.from === dead).map((f) => f.id)));
      if (ids.length && other.endpoint) void Promise.resolve(other.endpoint.api.abandon(ids)).catch(() => undefined);
    }
    slot.stop();
    slot.metrics.restarts++;
    for (const task of others.reverse()) (task.slot = undefined), this._queue.push(task, true);
    this.startSlot(slot);
  }

  private releaseSlot(slot: Slot) {
    clearTimeout(slot.watchdog);
    slot.metrics.busyMs += performance.now() - slot.busySince;
    slot.batch = [];
    this.pump();
  }

  /**
   * After the idle period, workers stop; those that keep outputs the engine still holds stay
   * (stopping them would make the next run compute those outputs again) until released.
   */
  private checkIdle() {
    const busy = this._queue.size > 0 || this._slots.some((s) => s.batch.length || s.starting);
    clearTimeout(this._idleTimer);
    this._idleTimer = busy ? undefined : setTimeout(() => this.stopIdle(), this.options.idleTimeoutMs);
  }

  private stopIdle() {
    if (this._slots.every((s) => !s.held.size)) return this.shutdown();
    for (const slot of this._slots) if (slot.idle && !slot.held.size) slot.stop();
  }

  private checkHealth() {
    for (const slot of this._slots) {
      const endpoint = slot.endpoint;
      if (!endpoint || !slot.idle) continue;
      const timer = setTimeout(() => slot.endpoint === endpoint && slot.idle && this.replace(slot), this.options.pingTimeoutMs);
      void Promise.resolve(endpoint.api.ping()).then(() => clearTimeout(timer), () => undefined);
    }
  }

  private warn(warning: PoolWarning) {
    this._warnings.push(warning);
    for (const listener of this._warningListeners) listener(warning);
  }
}

function lostError(id: string): TaskError {
  return { name: 'V2uError', code: RunErrorCodes.resultLost, message: `the kept output ${id} is no longer in the worker pool (its worker was replaced)` };
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
