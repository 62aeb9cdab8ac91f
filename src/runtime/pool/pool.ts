import { proxy, transfer, type Remote } from 'comlink';
import { refsIn, type OutputRef } from '../../core/engine/output-ref.js';
import type { ExecutionResult, ItemRange } from '../../core/engine/types.js';
import { RunErrorCodes } from '../../core/run-errors.js';
import { Launcher, type PoolMode, type PoolWarning, type TaskLauncher } from './launcher.js';
import { KeptValues } from './kept-values.js';
import { abortError, type PendingTask, type SubmitOptions, type TaskSlot } from './pending-task.js';
import { fit, rank } from './placement.js';
import { poolSize, resolveOptions, type PoolOptions, type ResolvedPoolOptions } from './pool-options.js';
import { toTaskError, type Job, type ReportMessage, type RunnerApi, type TaskError } from './protocol.js';
import { Slot, type WorkerMetrics } from './slot.js';
import { TaskQueue } from './task-queue.js';

export type { PoolOptions } from './pool-options.js';

export interface PoolMetrics {
  mode: PoolMode | 'unstarted';
  size: number;
  queued: number;
  users: number;
  workers: WorkerMetrics[];
}

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
  readonly options: ResolvedPoolOptions;
  private _slots: TaskSlot[] = [];
  private _queue = new TaskQueue<PendingTask>();
  private _launcher: TaskLauncher;
  private _kept: KeptValues;
  private _ids = 0;
  private _users = 0;
  /** Bumped by shutdown, so a worker that finishes starting afterwards is terminated at once. */
  private _generation = 0;
  private _idleTimer?: ReturnType<typeof setTimeout>;
  private _healthTimer?: ReturnType<typeof setInterval>;
  private _warnings: PoolWarning[] = [];
  private _warningListeners = new Set<(warning: PoolWarning) => void>();
  private _unusedListeners = new Set<() => void>();
  private _wakeTimer?: ReturnType<typeof setTimeout>;
  private _wakeTime = 0;
  /** Workers the current run will use (`prepare`). */
  private plannedWorkers = 0;
  /** Node modules the current run will import (`prepare`): idle workers import them ahead. */
  private _plannedModules = new Set<string>();

  constructor(options: PoolOptions = {}) {
    this.size = poolSize(options);
    this.options = resolveOptions(options);
    this._launcher = options.launcher ?? new Launcher(this.options.workerUrl, (w) => this.warn(w), this.options.startTimeoutMs, options.mode);
    for (let i = 0; i < this.size; i++) this._slots.push(new Slot<PendingTask>(i));
    this._kept = new KeptValues(this._slots, this.options.keepOver);
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

  /**
   * A run is starting that can keep `width` workers busy at once: up to that many workers (at
   * most `size`) start now rather than when tasks queue for them, so the run's parallel part
   * finds them started. Lasts until the pool is next idle. Also called ahead of a likely run
   * (a person about to press Run): the workers then stop after the idle period if none comes.
   */
  prepare(width: number, modules: readonly string[] = []): void {
    // Another editor's run on this shared pool may have planned more.
    this.plannedWorkers = Math.max(this.plannedWorkers, Math.min(width, this.size));
    for (const url of modules) this._plannedModules.add(url);
    this.pump();
  }

  /** Whether a worker still holds the value behind a handle. */
  available(ref: OutputRef): boolean {
    return this._kept.available(ref);
  }

  /** Copies a kept value (or a range of its items) to the page; rejects with `result-lost` when no worker holds it any more. */
  fetch(ref: OutputRef, range?: ItemRange): Promise<unknown> {
    return this._kept.fetch(ref, range);
  }

  /** Frees kept values in every worker that holds them. */
  release(refs: OutputRef[]): void {
    this._kept.release(refs);
    this.checkIdle();
  }

  metrics(): PoolMetrics {
    return { mode: this.mode, size: this.size, queued: this._queue.size, users: this._users, workers: this._slots.map((s) => s.snapshot()) };
  }

  /** Stops every worker now; queued and running tasks reject as cancelled. */
  shutdown(): void {
    for (const task of this._queue.drain()) this.settle(task, abortError(task.job));
    this._generation++;
    this.plannedWorkers = 0;
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
    // First every idle worker takes tasks that move no data (inputs it holds, or none), then the rest is shared out.
    for (const localOnly of [true, false])
      for (const slot of this._slots) {
        const batch = slot.idle && this._queue.size ? this._queue.takeBatch(this.options.batchSize, (task) => this.rankFor(slot, task, localOnly)) : [];
        if (batch.length) this.runBatch(slot, batch);
      }
    // A worker with nothing to do imports the run's node modules; a busy one would only be slowed.
    for (const slot of this._slots) if (slot.idle && slot.endpoint!.remote) this.preload(slot);
    const capacity = this._launcher.mode === 'main' ? 1 : this.size;
    const starting = this._slots.filter((s) => s.starting).length;
    const probing = !this._launcher.mode && starting > 0;
    // Workers for queued tasks, and those a prepared run will use (see `prepare`).
    const live = this._slots.filter((s) => s.endpoint).length;
    const demand = Math.max(this._queue.size - starting, this.plannedWorkers - live - starting);
    let wanted = Math.min(demand, probing ? 0 : this._launcher.mode ? Infinity : 1);
    for (const slot of this._slots.slice(0, capacity)) if (wanted > 0 && !slot.endpoint && !slot.starting) this.startSlot(slot), wanted--;
    if (wanted > 0 && !starting) this.growIfStuck();
    this.checkIdle();
  }

  /**
   * Every worker has been on one task for `stuckAfterMs` and tasks wait: an extra worker
   * starts (up to `extraWorkers`), and stops again once idle. Until then, the queue is looked
   * at again when the last-started task would count as stuck too.
   */
  private growIfStuck() {
    if (this._launcher.mode !== 'worker' && this._launcher.mode !== 'blob') return;
    const now = performance.now();
    const since = this._slots.map((s) => (s.current ? s.busySince : Infinity));
    const stuckAt = Math.max(...since) + this.options.stuckAfterMs;
    if (stuckAt === Infinity || this._slots.length >= this.size + this.options.extraWorkers) return;
    if (stuckAt > now) return this.wakeAt(stuckAt);
    const extra = new Slot<PendingTask>(this._slots.length);
    this._slots.push(extra);
    this.startSlot(extra);
  }

  /** Extra workers stop as soon as they have nothing to do (and keep no outputs). */
  private retireExtras() {
    for (let i = this._slots.length - 1; i >= this.size; i--) {
      const slot = this._slots[i];
      if (slot.idle && !slot.held.size) slot.stop();
      // Spliced in place: the kept-value bookkeeping shares this array.
      if (!slot.live && !slot.starting) this._slots.splice(i, 1);
    }
  }

  private startSlot(slot: TaskSlot) {
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

  private preload(slot: TaskSlot) {
    const urls = [...this._plannedModules].filter((url) => !slot.preloaded.has(url));
    if (!urls.length) return;
    for (const url of urls) slot.preloaded.add(url);
    void (slot.endpoint!.api as Remote<RunnerApi>).preload(urls).catch(() => {});
  }

  private runBatch(slot: TaskSlot, batch: PendingTask[]) {
    const endpoint = slot.endpoint!;
    slot.batch = batch;
    slot.busySince = performance.now();
    slot.metrics.batches++;
    for (const task of batch) task.slot = slot;
    this.arm(slot);
    const report = (message: ReportMessage) => slot.endpoint === endpoint && this.onReport(slot, message);
    const ports: MessagePort[] = [];
    const jobs = batch.map((task) => this._kept.jobFor(slot, task, ports));
    const done = endpoint.remote ? (endpoint.api as Remote<RunnerApi>).run(transfer(jobs, ports), proxy(report)) : (endpoint.api as RunnerApi).run(jobs, report);
    done.then(() => undefined, (error: unknown) => error).then((error) => {
      if (slot.endpoint !== endpoint) return;
      // A rejected call is a message that could not be sent (say, inputs that do not clone): final.
      const failure = error ? toTaskError(error) : { name: 'WorkerError', code: RunErrorCodes.workerCrashed, message: 'the worker stopped mid-task', retryable: true };
      for (const task of slot.batch) if (!task.settled) this.failed(slot, task, failure);
      this.releaseSlot(slot);
    });
  }

  /** The task's rank for this slot in the queue (see `placement.ts`); a task told to wait until a time is looked at again then. */
  private rankFor(slot: TaskSlot, task: PendingTask, localOnly: boolean): number {
    const placed = fit(slot, { refs: refsIn(task.job.inputs), queuedAt: task.queuedAt }, this._slots, this._kept.recipes, performance.now());
    if (placed.kind === 'wait' && placed.until !== undefined) this.wakeAt(placed.until);
    return rank(placed, localOnly, task.options.pathMs);
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

  private onReport(slot: TaskSlot, message: ReportMessage) {
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
      this._kept.noteRecipes(task, message.outputs);
      this.settle(task, undefined, { outputs: message.outputs, portHashes: message.portHashes });
    }
    else this.failed(slot, task, message.error);
    this.arm(slot);
  }

  /** A failed attempt: retried after a backoff when marked retryable and attempts are left. */
  private failed(slot: TaskSlot, task: PendingTask, error: TaskError) {
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
  private arm(slot: TaskSlot) {
    clearTimeout(slot.watchdog);
    const task = slot.current;
    if (task) slot.watchdog = setTimeout(() => this.timedOut(slot, task), task.timeoutMs);
  }

  private timedOut(slot: TaskSlot, task: PendingTask) {
    slot.metrics.tasks++;
    slot.metrics.failures++;
    slot.metrics.timeouts++;
    this.settle(task, { name: 'TimeoutError', code: RunErrorCodes.taskTimeout, message: `node "${task.job.nodeId}" ran longer than ${task.timeoutMs} ms; its worker was replaced` });
    this.replace(slot);
  }

  /** A worker died of an uncaught error: its running tasks fail with the reason, the rest go back in the queue. */
  private crashed(slot: TaskSlot, message: string, code: string = RunErrorCodes.workerCrashed) {
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
  private replace(slot: TaskSlot) {
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

  private releaseSlot(slot: TaskSlot) {
    clearTimeout(slot.watchdog);
    slot.metrics.busyMs += performance.now() - slot.busySince;
    slot.batch = [];
    this.pump();
    this.retireExtras();
  }

  /**
   * After the idle period, workers stop; those that keep outputs the engine still holds stay
   * (stopping them would make the next run compute those outputs again) until released.
   */
  private checkIdle() {
    const busy = this._queue.size > 0 || this._slots.some((s) => s.batch.length || s.starting);
    if (!busy) {
      this.plannedWorkers = 0;
      this._plannedModules.clear();
    }
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
