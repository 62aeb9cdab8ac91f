/**
 * One request shared by every caller that asks for the same thing (a bundle URL), cancelled
 * once no caller waits for it any more. Each caller passes its own AbortSignal and stops
 * waiting when it aborts; a caller without one waits for good, so the request is never
 * cancelled under it. A removed editor thus cancels its registry's fetches, whose pending
 * promises would otherwise keep it alive until the network answers, without failing a
 * fetch another editor still waits for.
 *
 * @example
 * const shared = new SharedRequest((signal) => fetch(url, { signal }).then((r) => r.json()));
 * const json = await shared.wait(editorSignal);
 */
export class SharedRequest<T> {
  readonly promise: Promise<T>;
  private _controller = new AbortController();
  private _waiting = 0;
  private _settled = false;

  constructor(start: (signal: AbortSignal) => Promise<T>) {
    this.promise = start(this._controller.signal);
    const settle = () => void (this._settled = true);
    this.promise.then(settle, settle);
  }

  /** Every caller stopped waiting and the request was cancelled: ask again with a new one. */
  get cancelled(): boolean {
    return this._controller.signal.aborted;
  }

  /** The result, or the rejection of `signal` as soon as it aborts. */
  wait(signal?: AbortSignal): Promise<T> {
    if (!signal) {
      this._waiting = Infinity;
      return this.promise;
    }
    if (signal.aborted) return Promise.reject(signal.reason);
    this._waiting++;
    return new Promise<T>((resolve, reject) => {
      const stop = () => {
        if (--this._waiting === 0 && !this._settled) this._controller.abort(signal.reason);
        reject(signal.reason);
      };
      signal.addEventListener('abort', stop, { once: true });
      this.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
    });
  }
}
