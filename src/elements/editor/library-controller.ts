import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GraphStore } from '../../core/index.js';
import { defaultLibraryUrl } from '../../library-url.js';
import type { NodeRegistry } from '../../registry/node-registry.js';

/** What library start-up needs from its editor. */
export interface LibraryHost extends ReactiveControllerHost {
  readonly registry: NodeRegistry;
  readonly store: GraphStore;
  readonly library?: string;
  readonly noLibrary: boolean;
  reportError(error: unknown, source: string): void;
  /** The registry learned or changed types: manifests, ports and elements may differ now. */
  typesChanged(): void;
}

/**
 * Why a removed editor's work stops. Made once, at module load: an abort reason made in
 * `hostDisconnected` would carry a stack holding the editor, and pending requests that
 * keep the signal would keep the editor with it.
 */
const REMOVED = new DOMException('editor removed', 'AbortError');

/**
 * Library start-up: the registry's IndexedDB cache and the library's index, both at once. No
 * node logic is imported here: runs import it in workers. Follows a replaced `registry`, and stops
 * waiting (letting go of the editor) as soon as the editor is removed.
 */
export class LibraryController implements ReactiveController {
  /** Aborted on disconnect: cancels the library fetches started while connected. */
  private _connection = new AbortController();
  private _started: NodeRegistry | undefined;
  private _ready: Promise<void> = Promise.resolve();
  /** Why the library could not be loaded, until a retry succeeds. */
  failure: string | undefined;
  private _listening: NodeRegistry | undefined;
  private _onChange = () => this._host.typesChanged();

  constructor(private readonly _host: LibraryHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (this._connection.signal.aborted) this._connection = new AbortController();
    this.follow();
  }

  hostDisconnected(): void {
    this._connection.abort(REMOVED);
    this._started = undefined;
    this._listening?.removeEventListener('change', this._onChange);
    this._listening = undefined;
  }

  /** Listens to the host's registry (again, when it was replaced) and starts its library. */
  follow(): void {
    const registry = this._host.registry;
    if (this._listening !== registry) {
      this._listening?.removeEventListener('change', this._onChange);
      registry.addEventListener('change', this._onChange);
      this._listening = registry;
    }
    if (this._started === registry) return;
    this._started = registry;
    this._ready = this._launch(registry);
  }

  /**
   * Resolves when the library's index is in (from the cache or the network) and the graph's
   * types are known, or when that failed (already reported): what a run waits for.
   */
  get ready(): Promise<void> {
    return this._ready;
  }

  /**
   * Whether the page preloads the library's index (`<link rel="preload">`, as the README advises):
   * its types then arrive within a task or so, so the graph's first render waits for them.
   */
  get preloaded(): boolean {
    const url = new URL(this._host.library ?? defaultLibraryUrl(), document.baseURI).href;
    return [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload]')].some((link) => link.href === url);
  }

  /** Loads the library again after a failure (the notice's Retry). */
  retry(): void {
    this.failure = undefined;
    this._started = undefined;
    this.follow();
    this._host.requestUpdate();
  }

  /**
   * Restores from IndexedDB and fetches the index at the same time: whichever answers first
   * draws the graph's types (the cache on a second visit, the network on a first), and the
   * index then corrects a stale cache. Resolves when both are done. Without a library
   * (`no-library`), restores the builder-made types alone.
   */
  private async _launch(registry: NodeRegistry): Promise<void> {
    const { noLibrary, library = defaultLibraryUrl() } = this._host;
    const { signal } = this._connection;
    try {
      // Awaits race the connection: a removed editor stops waiting (and lets go of the
      // element) at once, not when the registry's IndexedDB reads complete. Without a
      // library, only the builder-made types come back (a person's own work).
      const restored = registry.restore(noLibrary ? null : library);
      await orAbort(Promise.all([restored, noLibrary || registry.registerIndex(library, this._host.store.state.nodeTypes(), { signal })]), signal);
    } catch (error) {
      this._failed(error, signal);
    }
  }

  /** An editor removed meanwhile stops quietly (and starts over if it comes back). */
  private _failed(error: unknown, signal: AbortSignal) {
    if (signal.aborted) return;
    this.failure = error instanceof Error ? error.message : String(error);
    this._host.reportError(error, 'library');
    this._host.requestUpdate();
  }
}

/** The promise, or a rejection as soon as `signal` aborts (the promise itself runs on). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    promise.then((value) => (settle(), resolve(value)), (error: unknown) => (settle(), reject(error)));
  });
}
