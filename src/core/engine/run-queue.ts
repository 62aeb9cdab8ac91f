import type { EngineClock, RunSummary } from './types.js';

/**
 * Runs one after another, never two at once, with a debounced auto-run on the injected
 * clock. Asking while a run is already waiting to start returns that run, so bursts of
 * edits and clicks coalesce.
 */
export class RunQueue {
  private _waiting?: Promise<RunSummary>;
  private _chain: Promise<unknown> = Promise.resolve();
  private _timer: unknown;
  private _dropped?: Promise<RunSummary>;

  constructor(
    private readonly _clock: EngineClock,
    private readonly _execute: () => Promise<RunSummary>,
    /** The answer for a run dropped by `cancel()` before it started. */
    private readonly _droppedSummary: () => RunSummary,
  ) {}

  /** Queues a run after the current one; resolves with its summary. */
  enqueue(): Promise<RunSummary> {
    this.clear();
    if (this._waiting) return this._waiting;
    const next: Promise<RunSummary> = this._chain.then(() => {
      this._waiting = undefined;
      if (this._dropped !== next) return this._execute();
      this._dropped = undefined;
      return this._droppedSummary();
    });
    this._chain = this._waiting = next;
    return next;
  }

  /** Queues a run once `delay` ms pass without another call. */
  debounce(delay: number): void {
    this.clear();
    this._timer = this._clock.setTimeout(() => {
      this._timer = undefined;
      void this.enqueue();
    }, delay);
  }

  /** Drops the debounced run and the run waiting to start (it resolves as cancelled). */
  cancel(): void {
    this.clear();
    this._dropped = this._waiting;
  }

  /** Drops a pending debounced run. */
  clear(): void {
    if (this._timer !== undefined) this._clock.clearTimeout(this._timer);
    this._timer = undefined;
  }
}
