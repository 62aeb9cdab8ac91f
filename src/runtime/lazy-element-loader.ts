import { retryUrl } from './retry-url.js';
import { elementNameFor, ErrorCodes, V2uError } from '../core/index.js';
import { rate } from '../registry/metrics.js';
import { Samples, type DurationSummary } from '../registry/samples.js';
import { cancelIdle, onIdle } from '../registry/idle.js';
import { currentConnection, prefersLessData, type ConnectionInfo } from './lazy-connection.js';

/**
 * Why an element is wanted. `hover` and `idle` are speculative and skipped on Save-Data or 2G;
 * `eager` is a type whose manifest says `performance.lazyLoad: false` (defined with the palette).
 */
export type IntentKind = 'hover' | 'focus' | 'viewport' | 'idle' | 'eager';
export type ElementState = 'none' | 'idle' | 'loading' | 'defined' | 'error';

const SPECULATIVE = new Set<IntentKind>(['hover', 'idle']);

export interface LazyElementLoaderOptions {
  /** A static map `type → () => import('./x.element.js')`, so a bundler can split each one. */
  imports?: Record<string, () => Promise<unknown>>;
  /** Where element URLs come from when not in `imports` (the node registry). */
  registry?: { entry(type: string): { element?: string } | undefined };
  /** Imports a module by URL (default: native dynamic import). */
  importModule?: (url: string) => Promise<unknown>;
  /** Attempts before giving up (default 3) and the first backoff delay in ms, doubled each time (default 250). */
  attempts?: number;
  backoff?: number;
  customElements?: CustomElementRegistry;
  connection?: () => ConnectionInfo | undefined;
  now?: () => number;
  /** Told of prefetch hits and misses (once per type, when first needed), e.g. `registry.recordUsage`. */
  onUsage?: (type: string, event: 'prefetch-hit' | 'prefetch-miss') => void;
}

/** `editor.metrics.lazy`. */
export interface LazyMetrics {
  chunksLoaded: number;
  failures: number;
  /** Node elements already defined when the editor first needed them (to show a body, or to place a node). */
  prefetchHits: number;
  /** Node elements not yet defined when first needed. */
  prefetchMisses: number;
  /** prefetchHits / (prefetchHits + prefetchMisses): each type counts once. */
  prefetchHitRate: number;
  skippedForSaveData: number;
  intentToDefined: DurationSummary;
}

/** `state` event detail: an element's loading state changed. */
export interface ElementStateDetail {
  type: string;
  tag: string;
  state: ElementState;
  error?: string;
}

const defaultImport = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Defines each node's element (`v2u-node-<type>`) only when a person shows intent. Imports
 * are deduplicated and retried with exponential backoff; a final failure leaves the type in
 * the `error` state with the message "Unable to load <tag> from <url>" until `retry(type)`.
 * Fires `state` events (detail: ElementStateDetail).
 *
 * @example
 * const loader = new LazyElementLoader({ registry });
 * loader.intent('transform/filter', 'hover');   // after the hover delay
 * await loader.use('transform/filter');          // on drop: the first need counts a prefetch hit or miss
 */
export class LazyElementLoader extends EventTarget {
  private _states = new Map<string, ElementState>();
  private _errors = new Map<string, string>();
  private _pending = new Map<string, Promise<CustomElementConstructor | undefined>>();
  private _intentAt = new Map<string, number>();
  private _tries = new Map<string, number>();
  private _timing = new Samples();
  private _counts = { chunksLoaded: 0, failures: 0, prefetchHits: 0, prefetchMisses: 0, skippedForSaveData: 0 };
  private _observer: IntersectionObserver | undefined;
  private _observed = new WeakMap<Element, string>();
  private _idle = new Set<number>();
  private _needed = new Set<string>();

  constructor(private readonly _options: LazyElementLoaderOptions = {}) {
    super();
  }

  /** The element name of a node type. */
  tagFor(type: string): string {
    return elementNameFor(type);
  }

  state(type: string): ElementState {
    return this._states.get(type) ?? (this._importerFor(type) ? 'idle' : 'none');
  }

  /** The error message of a type in the `error` state. */
  error(type: string): string | undefined {
    return this._errors.get(type);
  }

  /** Intent to use `type`'s element; speculative kinds are skipped when the connection asks to save data. */
  intent(type: string, kind: IntentKind): Promise<CustomElementConstructor | undefined> {
    if (SPECULATIVE.has(kind) && prefersLessData((this._options.connection ?? currentConnection)())) {
      this._counts.skippedForSaveData++;
      return Promise.resolve(undefined);
    }
    if (!this._intentAt.has(type) && this.state(type) === 'idle') this._intentAt.set(type, this._now());
    return this.define(type).catch(() => undefined);
  }

  /**
   * The editor needs `type`'s element now (to show a node's body). The first need of each
   * type counts a prefetch hit when the element is already defined, else a miss.
   */
  need(type: string): ElementState {
    const state = this.state(type);
    if (state === 'none' || this._needed.has(type)) return state;
    this._needed.add(type);
    const hit = state === 'defined';
    this._counts[hit ? 'prefetchHits' : 'prefetchMisses']++;
    this._options.onUsage?.(type, hit ? 'prefetch-hit' : 'prefetch-miss');
    return state;
  }

  /** The node was placed or clicked: counts its need (`need`), then defines the element. */
  use(type: string): Promise<CustomElementConstructor | undefined> {
    if (this.need(type) === 'none') return Promise.resolve(undefined);
    return this.define(type);
  }

  /** Imports and defines `type`'s element (once; concurrent calls share the work). Rejects after the last attempt fails. */
  define(type: string): Promise<CustomElementConstructor | undefined> {
    const state = this.state(type);
    if (state === 'none') return Promise.resolve(undefined);
    if (state === 'error') return Promise.reject(new V2uError(ErrorCodes.loadFailed, this._errors.get(type)!, this.tagFor(type)));
    let pending = this._pending.get(type);
    if (!pending) {
      pending = this._load(type);
      this._pending.set(type, pending);
    }
    return pending;
  }

  /** Leaves the `error` state and tries again. */
  retry(type: string): Promise<CustomElementConstructor | undefined> {
    this._errors.delete(type);
    this._pending.delete(type);
    this._setState(type, 'idle');
    return this.define(type);
  }

  /** Defines the given types' elements when the browser is idle (the types of the open graph). */
  prefetchIdle(types: Iterable<string>): void {
    for (const type of types) {
      const handle = onIdle(() => {
        this._idle.delete(handle);
        void this.intent(type, 'idle');
      }, 2000);
      this._idle.add(handle);
    }
  }

  /** Defines `type`'s element when `element` (its node shell) enters the viewport. */
  observe(element: Element, type: string): void {
    this._observer ??= new IntersectionObserver((entries) => this._handleIntersect(entries));
    this._observed.set(element, type);
    this._observer.observe(element);
  }

  unobserve(element: Element): void {
    this._observer?.unobserve(element);
  }

  get metrics(): LazyMetrics {
    const { prefetchHits, prefetchMisses } = this._counts;
    return { ...this._counts, prefetchHitRate: rate(prefetchHits, prefetchMisses), intentToDefined: this._timing.summary() };
  }

  /** Stops observers and pending idle callbacks; loads already started still finish. */
  destroy(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    for (const handle of this._idle) cancelIdle(handle);
    this._idle.clear();
  }

  private _handleIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this._observer?.unobserve(entry.target);
      const type = this._observed.get(entry.target);
      if (type) void this.intent(type, 'viewport');
    }
  }

  private _importerFor(type: string): ((attempt: number) => Promise<unknown>) | undefined {
    const fromMap = this._options.imports?.[type];
    if (fromMap) return () => fromMap();
    const url = this._options.registry?.entry(type)?.element;
    if (!url) return undefined;
    const load = this._options.importModule ?? defaultImport;
    // A failed module fetch stays in the module map, so retries need a distinct URL.
    return (attempt) => load(attempt === 0 ? url : retryUrl(url));
  }

  private async _load(type: string): Promise<CustomElementConstructor | undefined> {
    const importer = this._importerFor(type)!;
    const tag = this.tagFor(type);
    this._setState(type, 'loading');
    const { attempts = 3, backoff = 250 } = this._options;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(backoff * 2 ** (attempt - 1));
      try {
        const tries = this._tries.get(type) ?? 0;
        this._tries.set(type, tries + 1);
        const module = await importer(tries);
        this._counts.chunksLoaded++;
        return this._defineFrom(type, tag, module);
      } catch (error) {
        lastError = error;
        if ((error as V2uError).code === ErrorCodes.elementClash) break;
      }
    }
    this._counts.failures++;
    const message = (lastError as V2uError).code === ErrorCodes.elementClash ? (lastError as Error).message : `Unable to load ${tag} from ${this._urlOf(type)}`;
    this._errors.set(type, message);
    this._setState(type, 'error', message);
    throw new V2uError(ErrorCodes.loadFailed, message, tag);
  }

  private _defineFrom(type: string, tag: string, module: unknown): CustomElementConstructor {
    const registry = this._options.customElements ?? customElements;
    const cls = (module as { default?: unknown }).default;
    if (typeof cls !== 'function') throw new Error(`${this._urlOf(type)} has no default export class`);
    const existing = registry.get(tag);
    if (existing && existing !== cls)
      throw new V2uError(ErrorCodes.elementClash, `<${tag}> is already defined by another class; the element of "${type}" cannot take its name`, tag);
    if (!existing) registry.define(tag, cls as CustomElementConstructor);
    const since = this._intentAt.get(type);
    if (since !== undefined) this._timing.add(this._now() - since);
    this._setState(type, 'defined');
    return cls as CustomElementConstructor;
  }

  private _urlOf(type: string): string {
    return this._options.registry?.entry(type)?.element ?? `the import map entry of "${type}"`;
  }

  private _setState(type: string, state: ElementState, error?: string): void {
    this._states.set(type, state);
    const detail: ElementStateDetail = { type, tag: this.tagFor(type), state, ...(error ? { error } : {}) };
    this.dispatchEvent(new CustomEvent('state', { detail }));
  }

  private _now(): number {
    return (this._options.now ?? (() => performance.now()))();
  }
}

