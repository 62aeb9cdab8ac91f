import { loadBundleChecks, type ManifestBundle } from '../registry/bundles.js';
import type { RegistryCache, UsageEvent } from '../registry/node-registry.js';
import { Persistence, type PersistenceOptions } from './persistence.js';

/** Bump when the cached bundle shape changes: older entries are then dropped on read. */
export const BUNDLE_CACHE_VERSION = 1;
const BUNDLE_PREFIX = 'registry:bundle:';
const USAGE_KEY = 'registry:usage';

/** Per node type: how often it was used, and how often its element was (not) ready in time. */
export type UsageStats = Record<string, Partial<Record<UsageEvent, number>> & { last?: number }>;

/**
 * The registry's cache on top of `Persistence`: the manifests of every bundle seen, and
 * usage statistics. The envelope hash catches corruption; a bundle whose manifests no
 * longer validate is dropped too.
 *
 * @example
 * const registry = new NodeRegistry({ cache: new RegistryPersistence() });
 */
export class RegistryPersistence implements RegistryCache {
  readonly store: Persistence;
  private _usage: Promise<UsageStats> | undefined;
  private _writes: Promise<void> = Promise.resolve();

  constructor(storeOrOptions: Persistence | PersistenceOptions = {}) {
    this.store = storeOrOptions instanceof Persistence ? storeOrOptions : new Persistence(storeOrOptions);
  }

  /** The cached bundles, and the stored builder-made types as one more (`v2u:built`); bad entries of those are dropped with a warning on `emitter`. */
  async readBundles(emitter?: EventTarget): Promise<{ url: string; bundle: ManifestBundle }[]> {
    // On a first visit the database does not exist yet: neither the store's chunk nor the
    // checks chunk is loaded, and no empty database is created before the first paint.
    const keys = (await this.store.exists()) ? await this.store.keys() : [];
    return keys.length ? (await loadBundleChecks()).readCached(this.store, keys, BUNDLE_PREFIX, BUNDLE_CACHE_VERSION, emitter) : [];
  }

  async writeBundle(url: string, bundle: ManifestBundle): Promise<void> {
    await this.store.set(BUNDLE_PREFIX + url, BUNDLE_CACHE_VERSION, bundle);
  }

  deleteBundle(url: string): Promise<void> {
    return this.store.delete(BUNDLE_PREFIX + url);
  }

  /** The persisted usage statistics. */
  readUsage(): Promise<UsageStats> {
    this._usage ??= this.store.get<UsageStats>(USAGE_KEY, BUNDLE_CACHE_VERSION).then((u) => u ?? {});
    return this._usage;
  }

  recordUsage(type: string, event: UsageEvent): void {
    this._writes = this._writes.then(async () => {
      const usage = await this.readUsage();
      const stats = (usage[type] ??= {});
      stats[event] = (stats[event] ?? 0) + 1;
      stats.last = Date.now();
      await this.store.set(USAGE_KEY, BUNDLE_CACHE_VERSION, usage);
    });
  }

  /** Resolves when every recorded usage has been written. */
  flush(): Promise<void> {
    return this._writes;
  }
}
