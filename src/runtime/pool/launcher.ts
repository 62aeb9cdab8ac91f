import { releaseProxy, wrap, type Remote } from 'comlink';
import { RunErrorCodes } from '../../core/run-errors.js';
import type { RunnerApi } from './protocol.js';
import { createRunner } from './runner.js';
import { slicedYield } from './yield.js';

/** How tasks run: a module worker, a blob-URL module worker importing a cross-origin script, or the main thread. */
export type PoolMode = 'worker' | 'blob' | 'main';

/** A running place for tasks: a worker (or the main thread) and the runner API to reach it. */
export interface Endpoint {
  api: RunnerApi | Remote<RunnerApi>;
  /** Whether the API is remote (a comlink proxy): progress callbacks go as `proxy()`. */
  remote: boolean;
  terminate(): void;
  /** Calls `listener` when the worker dies mid-flight (an uncaught error, out of memory): why, and a code when known. */
  onCrash?(listener: (message: string, code?: string) => void): void;
}

export interface PoolWarning {
  code: 'worker-fallback';
  message: string;
  from: PoolMode;
  to: PoolMode;
}

/** What the pool needs of a launcher: the mode once known, and a new endpoint on request. */
export interface TaskLauncher {
  readonly mode?: PoolMode;
  start(): Promise<Endpoint>;
}

/**
 * Starts endpoints in the first mode that works. The first start probes: a same-origin
 * module worker, else (script from another origin) a blob-URL module worker that imports
 * it, else the main thread; each step down reports one warning with the reason.
 */
export class Launcher implements TaskLauncher {
  mode?: PoolMode;
  private _probe?: Promise<Endpoint>;

  constructor(
    readonly workerUrl: string,
    private readonly _warn: (warning: PoolWarning) => void,
    private readonly _startTimeoutMs = 10000,
    forced?: PoolMode,
  ) {
    this.mode = forced;
  }

  start(): Promise<Endpoint> {
    if (this.mode) return this.mode === 'main' ? Promise.resolve(mainEndpoint()) : this.spawn(this.mode);
    return (this._probe ??= this.probe().finally(() => (this._probe = undefined)));
  }

  private async probe(): Promise<Endpoint> {
    const sameOrigin = new URL(this.workerUrl, location.href).origin === location.origin;
    const first: PoolMode = sameOrigin ? 'worker' : 'blob';
    if (!sameOrigin)
      this._warn({
        code: 'worker-fallback',
        from: 'worker',
        to: 'blob',
        message: `the worker script is on another origin (${new URL(this.workerUrl, location.href).origin}); workers start from a blob URL that imports it (set worker-url to a copy on this origin to avoid that)`,
      });
    try {
      const endpoint = await this.spawn(first);
      this.mode = first;
      return endpoint;
    } catch (error) {
      const why = (error as Error)?.message ?? String(error);
      this._warn({ code: 'worker-fallback', from: first, to: 'main', message: `${describe(first)} could not start (${why}); node logic runs on the main thread, yielding every 40 ms` });
      this.mode = 'main';
      return mainEndpoint();
    }
  }

  private async spawn(mode: 'worker' | 'blob'): Promise<Endpoint> {
    const url = new URL(this.workerUrl, location.href).href;
    const source = mode === 'blob' ? URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' })) : url;
    let worker: Worker;
    try {
      worker = new Worker(source, { type: 'module', name: 'v2u-worker' });
    } finally {
      if (mode === 'blob') setTimeout(() => URL.revokeObjectURL(source), this._startTimeoutMs);
    }
    const api = wrap<RunnerApi>(worker);
    const terminate = () => {
      api[releaseProxy]();
      worker.terminate();
    };
    const endpoint: Endpoint = {
      api,
      remote: true,
      terminate,
      onCrash: (listener) =>
        worker.addEventListener('error', (event) => {
          // Handled here (the task fails, the worker is replaced): not the page's uncaught error.
          event.preventDefault();
          listener(event.message || 'uncaught error');
        }),
    };
    await handshake(worker, api, this._startTimeoutMs).catch((error) => {
      terminate();
      throw error;
    });
    return endpoint;
  }
}

function describe(mode: PoolMode): string {
  return mode === 'worker' ? 'the module worker' : 'the blob-URL module worker for a cross-origin script';
}

/** Resolves when the worker answers a ping; rejects on its error event or after the timeout. */
function handshake(worker: Worker, api: Remote<RunnerApi>, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      cleanup();
      reject(Object.assign(new Error(message), { code: RunErrorCodes.workerUnavailable }));
    };
    const onError = (event: ErrorEvent) => fail(event.message || 'the worker script failed to load');
    const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      worker.removeEventListener('error', onError);
    };
    worker.addEventListener('error', onError);
    api.ping().then(() => (cleanup(), resolve()), (error: Error) => fail(error.message));
  });
}

function mainEndpoint(): Endpoint {
  return { api: createRunner({ pause: slicedYield(), cloneInputs: true }), remote: false, terminate() {} };
}
