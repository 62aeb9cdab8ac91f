import type { NodeDefinition, NodeManifest } from '../core/index.js';
import type { ManifestBundle, NodeEntry } from './bundles.js';
import type { Clock } from './lru-cache.js';
import type { DurationSummary } from './samples.js';

/** Where the registry keeps what it learned between visits; `runtime/persistence-registry.ts` backs it with IndexedDB. */
export interface RegistryCache {
  /**
   * Every bundle seen before, validated; corrupt or stale entries are already dropped. Stored
   * builder-made types come as one more bundle, at URL `v2u:built`; warnings go to `emitter`.
   */
  readBundles(emitter?: EventTarget): Promise<{ url: string; bundle: ManifestBundle }[]>;
  /** Remembers a bundle, its module URLs already absolute and its `hash` the one of the bundle as served. */
  writeBundle(url: string, bundle: ManifestBundle): Promise<void>;
  /** Forgets a bundle its index no longer lists. */
  deleteBundle(url: string): Promise<void>;
  /** Counts one use of a node type (placed, run, prefetched in time). */
  recordUsage(type: string, event: UsageEvent): void;
}

export type UsageEvent = 'use' | 'prefetch-hit' | 'prefetch-miss';

export interface NodeRegistryOptions {
  /** L1 cache of resolved records: most entries (default 500) and time to live in ms (default 1 h); expired ones are swept in idle time. */
  maxEntries?: number;
  ttl?: number;
  /** Wall clock for TTLs (default Date.now); tests inject their own. */
  clock?: Clock;
  /** High-resolution timer for durations (default performance.now). */
  now?: () => number;
  /**
   * Operations slower than this many ms (default 100) count as slow in `metrics.slowOperations`.
   * They warn only with `debug`: a cold page load's burst of concurrent fetches and imports is
   * slow by nature, and a page's console is no place for it.
   */
  slowThreshold?: number;
  /** Warn (console and `v2u-warning`) at every slow operation. */
  debug?: boolean;
  /** Receives `v2u-warning` events; the registry itself by default. */
  emitter?: EventTarget;
  /** Persistence for bundles and usage; none means memory only. */
  cache?: RegistryCache;
  fetch?: typeof fetch;
  /** Imports a module by URL (default: native dynamic import). */
  importModule?: (url: string) => Promise<unknown>;
  /** Resolves relative module URLs given to `register` (default: the page URL). */
  baseUrl?: string;
}

/** What `register` accepts: a manifest plus its module URLs. */
export type NodeRegistration = NodeManifest & { module: URL | string; element?: URL | string };

/** What the L1 cache holds for one node type: everything a lookup answers, resolved once. */
export interface NodeRecord {
  /** The manifest plus absolute module URLs. */
  entry: NodeEntry;
  /** What a run needs: the manifest and the logic module's URL. */
  recipe: { manifest: NodeManifest; moduleUrl: string };
  /** The definition, once `load()` imported it on this thread. */
  definition?: NodeDefinition;
}

/** `editor.metrics.registry`. */
export interface RegistryMetrics {
  /** Lookups (manifest, element URL, run recipe, definition) the L1 cache answered. */
  hits: number;
  /** Lookups it could not: the type was not looked up before, its record expired or was evicted, or it is unknown. */
  misses: number;
  hitRate: number;
  /** Records dropped for room or age (the idle sweep included). */
  evictions: number;
  /** Logic module imports on this thread (`load()`): the editor itself makes none. */
  loads: DurationSummary;
  types: number;
  /** Records in the L1 cache now. */
  cached: number;
  bundlesFetched: number;
  /** Bundles an index listed with the hash already cached, so they were not fetched again. */
  bundlesFromCache: number;
  restoredTypes: number;
  /** Operations slower than `slowThreshold` so far. */
  slowOperations: number;
}
