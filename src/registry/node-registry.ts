import { ErrorCodes, V2uError, type ManifestSource, type NodeDefinition, type NodeManifest, type NodePorts, type PortResolver } from '../core/index.js';
import { loadBundleChecks, loadedBundleChecks, type BundleIndex, type ManifestBundle, type NodeEntry } from './bundles.js';
import type { DefinitionLoader } from './definition-loader.js';
import { onIdle } from './idle.js';
import { SharedRequest } from './shared-request.js';
import { LruCache } from './lru-cache.js';
import { rate, warn } from './metrics.js';
import type { Samples } from './samples.js';
import type { NodeRecord, NodeRegistration, NodeRegistryOptions, RegistryMetrics, UsageEvent } from './registry-types.js';

export type { NodeRecord, NodeRegistration, NodeRegistryOptions, RegistryCache, RegistryMetrics, UsageEvent } from './registry-types.js';

const defaultBase = (): string | undefined => (globalThis as { location?: { href: string } }).location?.href;

/**
 * The node registry: knows every node type by manifest before any of its code loads,
 * answers every lookup the editor makes (manifest, element URL, run recipe) from an L1 LRU +
 * TTL cache of resolved records, counted in `metrics` as hits and misses, and loads a type's
 * logic module by URL only when asked (`load`). Expired records are swept in idle time.
 * DOM-free: persistence, fetch and the clock are injected, so it runs in Node.
 * Fires `change` when the set of known types changes. Slow operations count in `metrics`;
 * a `v2u-warning` says so once an operation is persistently slow (or at each one with `debug`).
 *
 * @example
 * const registry = new NodeRegistry({ cache: await RegistryPersistence.open() });
 * await registry.restore();                      // palette can render now
 * await registry.registerIndex(new URL('./nodes/bundles/index.json', import.meta.url));
 * const filter = await registry.load('transform/filter');
 */
export class NodeRegistry extends EventTarget implements ManifestSource {
  private _entries = new Map<string, NodeEntry>();
  /** Loads definitions (L1 cache, shared imports): a lazy chunk, made on the first `load()`. */
  private _loader: DefinitionLoader | undefined;
  private _loading: Promise<DefinitionLoader> | undefined;
  private _bundles = new Map<string, SharedRequest<NodeManifest[]>>();
  /** L1: resolved records of recently looked-up types. `_entries` behind it holds every known type. */
  private _l1: LruCache<NodeRecord | null>;
  private _hits = 0;
  private _misses = 0;
  private _slowCount = 0;
  private _counts = { bundlesFetched: 0, bundlesFromCache: 0, restoredTypes: 0 };
  private _cachedHashes = new Map<string, string>();
  private _restoring: Promise<number> | undefined;
  private _now: () => number;
  private _fetch: typeof fetch;

  constructor(private readonly _options: NodeRegistryOptions = {}) {
    super();
    this._now = _options.now ?? (() => performance.now());
    this._fetch = _options.fetch ?? ((...args) => fetch(...args));
    this._l1 = new LruCache({ maxEntries: _options.maxEntries, ttl: _options.ttl, clock: _options.clock, idleSweep: true });
  }

  /**
   * The resolved record of `type`: an L1 hit, or (a miss) built from the known types and
   * cached. An unknown type is cached as unknown (`null`) until a registration makes it known.
   * Every lookup below goes through here, so `metrics` counts what the editor does.
   */
  record(type: string): NodeRecord | undefined {
    const hit = this._l1.get(type);
    if (hit !== undefined) {
      this._hits++;
      return hit ?? undefined;
    }
    this._misses++;
    const entry = this._entries.get(type);
    const record = entry ? { entry, recipe: { manifest: entry, moduleUrl: entry.module } } : null;
    this._l1.set(type, record);
    return record ?? undefined;
  }

  /** The manifest of `type` from what is known now; never waits for the network. */
  get(type: string): NodeManifest | undefined {
    return this.record(type)?.entry;
  }

  /** The manifest plus module URLs of `type`. */
  entry(type: string): NodeEntry | undefined {
    return this.record(type)?.entry;
  }

  /** URL of the type's element module, when it has one. */
  elementUrl(type: string): string | undefined {
    return this.record(type)?.entry.element;
  }

  /** What the engine needs to run `type` (manifest and logic module URL): the editor's run recipe. */
  recipe(type: string): NodeRecord['recipe'] | undefined {
    return this.record(type)?.recipe;
  }

  /** Every known manifest, in registration order. */
  list(): NodeEntry[] {
    return [...this._entries.values()];
  }

  /** A port resolver for the core, reading this registry. */
  get resolvePorts(): PortResolver {
    return (type: string): NodePorts | undefined => this.get(type);
  }

  /**
   * Makes a node type known by manifest and module URLs, without loading any code. Throws a
   * V2uError naming the field of an invalid manifest. Called before the manifest checks (a
   * chunk the registry requests when it is made) have arrived, it registers the type at once
   * and checks it on their arrival: an invalid one is then dropped with a `v2u-warning`.
   */
  register(registration: NodeRegistration): void {
    const checks = loadedBundleChecks();
    checks?.validateManifest(registration);
    const entry = this._resolve(registration, this._options.baseUrl ?? defaultBase());
    this._add([entry]);
    if (!checks) this._checkLater(entry);
  }

  /** `register()` before the manifest checks arrived: drops `entry` with a warning if it proves invalid. */
  private _checkLater(entry: NodeEntry): void {
    loadBundleChecks().then(
      ({ validateManifest }) => validateManifest(entry),
      () => {},
    ).catch((error: V2uError) => {
      if (this._entries.get(entry.type) !== entry) return;
      this.unregister(entry.type);
      warn(this._emitter, { code: error.code, message: error.message, source: 'registry' });
    });
  }

  /** Forgets `type` (a deleted builder-made type); fires `change` when it was known. */
  unregister(type: string): void {
    this._l1.delete(type);
    if (this._entries.delete(type)) this.dispatchEvent(new Event('change'));
  }

  /** Where the registry keeps what it learns between visits (the editor's IndexedDB cache), if anywhere. */
  get cache(): NodeRegistryOptions['cache'] {
    return this._options.cache;
  }

  /**
   * Fetches a bundle (JSON list of manifests, module URLs relative to the bundle) and
   * registers its types. The same URL is fetched once; the bundle is persisted for the next visit.
   * With `signal`, the caller stops waiting when it aborts, and the fetch is cancelled once
   * no caller waits for it any more.
   */
  registerBundle(url: URL | string, { signal }: { signal?: AbortSignal } = {}): Promise<NodeManifest[]> {
    const href = this._absolute(url);
    let pending = this._bundles.get(href);
    if (!pending || pending.cancelled) {
      const request = (pending = new SharedRequest((shared) => this._fetchBundle(href, shared)));
      request.promise.catch(() => this._bundles.get(href) === request && this._bundles.delete(href));
      this._bundles.set(href, request);
    }
    return pending.wait(signal);
  }

  /**
   * Fetches a bundle index and registers its bundles, critical ones first: priority
   * `high` and any holding a type of `graphTypes` (the open graph). Manifests the index
   * carries itself (a compact index, as the built-in library's) are registered at once,
   * without waiting for the cache, then checked and written to it in idle time; a bundle whose hash matches
   * the restored copy is neither fetched nor written again; cached bundles the index dropped are forgotten.
   * `signal` cancels the fetches (an editor passes it when it is removed); it then rejects with its reason.
   */
  async registerIndex(url: URL | string, graphTypes: Iterable<string> = [], { signal }: { signal?: AbortSignal } = {}): Promise<void> {
    const href = this._absolute(url);
    const index = (await this._json(href, signal)) as BundleIndex;
    if (!Array.isArray(index?.bundles)) throw new V2uError(ErrorCodes.badBundle, `${href} is not a bundle index`, href);
    const listed = index.bundles.map((b) => ({ ...b, url: new URL(b.url, href).href }));
    const carried = listed.filter((b) => Array.isArray(b.nodes));
    /** Not in the cache as the index has it (read again at each use: the restore may land meanwhile). */
    const stale = (b: { url: string; hash: string }) => this._cachedHashes.get(b.url) !== b.hash;
    // Registered before the manifest checks (a chunk, one more round trip) arrive, as `register()`
    // does, in one registration (one `change`: each redraws the graph): a preloaded index draws the
    // graph with its types in its first render. An index with an invalid manifest then takes them back.
    const early = carried.flatMap((b) => (stale(b) ? b.nodes!.map((n) => this._resolve(n, b.url)) : []));
    this._add(early);
    // They are drawn now: their checks (a chunk and its two imports) and the cache's update
    // wait for an idle moment after that render, off a first visit's path to its first paint.
    if (early.length) await new Promise((idle) => onIdle(idle as () => void, 1e3));
    // The rest lives in that chunk, so it adds nothing to what loads before first paint.
    await (await loadBundleChecks()).settleIndex({
      href,
      listed,
      carried,
      stale,
      resolve: (bundle, base) => this._resolveBundle(bundle, base),
      takeBack: () => early.forEach((entry) => this._entries.get(entry.type) === entry && this.unregister(entry.type)),
      restoring: this._restoring,
      counts: this._counts,
      hashes: this._cachedHashes,
      registry: this,
      graphTypes,
      signal,
    });
  }

  /**
   * Registers the bundles the cache remembers (those of `libraryIndex` alone, when given;
   * with `null`, none: an editor without a library) and the builder-made types; resolves
   * with the number of types restored.
   */
  restore(libraryIndex?: URL | string | null): Promise<number> {
    this._restoring ??= this._restore(libraryIndex === undefined ? '' : libraryIndex === null ? 'v2u:built' : new URL('.', this._absolute(libraryIndex)).href);
    return this._restoring;
  }

  /** Cached bundles, only those under `folder` when given: a page never runs another library's code. */
  private async _restore(folder: string): Promise<number> {
    const start = this._now();
    // Builder-made types (`v2u:built`) are data, not another library's code: every editor restores them.
    const cached = ((await this._options.cache?.readBundles(this._emitter)) ?? []).filter(({ url }) => url.startsWith(folder) || url === 'v2u:built');
    for (const { url, bundle } of cached) this._cachedHashes.set(url, bundle.hash);
    const fresh = cached.flatMap(({ bundle }) => bundle.nodes.filter((n) => !this._entries.has(n.type)));
    this._add(fresh);
    this._counts.restoredTypes += fresh.length;
    this._timed('restore', start);
    return fresh.length;
  }

  /**
   * The definition of `type`: from the L1 cache, or by importing its logic module.
   * Concurrent loads of one type share a single import. Rejects with a V2uError
   * (`unknown-node-type`, `load-failed`) naming the type and URL.
   */
  load(type: string): Promise<NodeDefinition> {
    const record = this.record(type);
    if (this._loader) return this._loader.load(type, record);
    return this._definitions().then(
      (loader) => loader.load(type, record),
      (error: unknown) => {
        throw new V2uError(ErrorCodes.loadFailed, `Unable to load node "${type}": ${(error as Error)?.message ?? error}`, record?.entry.module ?? type);
      },
    );
  }

  /**
   * Loads the definitions of critical types (priority high, and `graphTypes`) on this thread;
   * failures become warnings. For hosts that run nodes in-process: the editor does not call it,
   * since its runs import node modules in workers.
   */
  async preload(graphTypes: Iterable<string> = []): Promise<void> {
    await (await this._definitions()).preload(this, graphTypes, this._emitter);
  }

  /**
   * The definition loader (L1 cache, shared imports, load timings), a chunk of its own imported
   * on the first `load()`, so it stays out of the first paint. A failed import is tried again next time.
   */
  private _definitions(): Promise<DefinitionLoader> {
    return (this._loading ??= import('./definition-loader.js').then(
      ({ DefinitionLoader }) => (this._loader = new DefinitionLoader({
        importModule: this._options.importModule,
        now: this._now,
        timed: (operation, start, samples) => this._timed(operation, start, samples),
      })),
      (error: unknown) => {
        this._loading = undefined;
        throw error;
      },
    ));
  }

  /** Counts a use of `type` (placed on the canvas, run) in the persisted usage statistics. */
  recordUsage(type: string, event: UsageEvent = 'use'): void {
    this._options.cache?.recordUsage(type, event);
  }

  get metrics(): RegistryMetrics {
    const { _hits: hits, _misses: misses, _l1: l1 } = this;
    return {
      hits, misses, hitRate: rate(hits, misses), evictions: l1.evictions,
      loads: this._loader?.loads.summary() ?? { count: 0, p50: 0, p95: 0 },
      types: this._entries.size, cached: l1.size, ...this._counts, slowOperations: this._slowCount,
    };
  }

  private get _emitter(): EventTarget {
    return this._options.emitter ?? this;
  }

  private async _fetchBundle(href: string, signal: AbortSignal): Promise<NodeManifest[]> {
    const start = this._now();
    const [json, { parseBundle }] = await Promise.all([this._json(href, signal), loadBundleChecks()]);
    const resolved = this._resolveBundle(parseBundle(json, href), href);
    this._counts.bundlesFetched++;
    this._add(resolved.nodes);
    await this._options.cache?.writeBundle(href, resolved);
    this._timed(`bundle ${href}`, start);
    return resolved.nodes;
  }

  /** The bundle with its module URLs made absolute against `href`, where the bundle lives. */
  private _resolveBundle(bundle: ManifestBundle, href: string): ManifestBundle {
    return { ...bundle, nodes: bundle.nodes.map((node) => this._resolve(node, href)) };
  }

  private async _json(href: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this._fetch(href, signal ? { signal } : undefined);
    if (!response.ok) throw new V2uError(ErrorCodes.badBundle, `${href} answered HTTP ${response.status}`, href);
    return response.json();
  }

  private _absolute(url: URL | string): string {
    return new URL(String(url), this._options.baseUrl ?? defaultBase()).href;
  }

  private _resolve(registration: NodeRegistration | NodeEntry, base: string | undefined): NodeEntry {
    const { module, element, ...manifest } = registration;
    const absolute = (url: URL | string) => new URL(String(url), base).href;
    return { ...manifest, module: absolute(module), ...(element ? { element: absolute(element) } : {}) };
  }

  private _add(entries: NodeEntry[]): void {
    for (const entry of entries) {
      // The record holds the old entry (and its definition): the next lookup builds a fresh one.
      this._l1.delete(entry.type);
      this._entries.set(entry.type, entry);
    }
    if (entries.length) this.dispatchEvent(new Event('change'));
  }

  private _timed(operation: string, start: number, samples?: Samples): void {
    const end = this._now();
    const duration = end - start;
    samples?.add(duration);
    const { slowThreshold: threshold = 100, debug = false } = this._options;
    if (duration <= threshold) return;
    this._slowCount++;
    if (debug) warn(this._emitter, { code: 'slow-operation', message: `registry ${operation} took ${Math.round(duration)} ms (over ${threshold} ms)`, duration });
  }
}
