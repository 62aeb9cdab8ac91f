import type { PersistenceOptions, PersistenceStore, PersistenceUsage } from './persistence-store.js';

export type { Envelope, PersistenceOptions, PersistenceUsage } from './persistence-store.js';

/**
 * A small keyed store over IndexedDB (idb-keyval, its own database). Every value is
 * wrapped as `{ version, hash, data }` and checked on read: a wrong version or hash is
 * deleted and reported as missing, never trusted. When IndexedDB is unavailable or blocked,
 * it switches to memory, emits one `v2u-warning`, and keeps working. Over quota, it stays
 * on IndexedDB: the refused value is kept in memory for this session, `set()` says so
 * (`'memory'`), one `v2u-warning` is sent, and every later write tries IndexedDB again.
 * The store itself is a chunk of its own, requested by the first call that needs it, so it
 * adds nothing to what a page loads before the editor's first paint.
 *
 * @example
 * const store = new Persistence();
 * await store.set('autosave:flow-1', 1, graph);
 * const draft = await store.get<GraphDocument>('autosave:flow-1', 1);
 */
export class Persistence {
  readonly usage: PersistenceUsage = { mode: 'indexeddb', reads: 0, hits: 0, drops: 0, writes: 0 };
  private _loaded: Promise<PersistenceStore> | undefined;

  constructor(private readonly _options: PersistenceOptions = {}) {}

  /** The store's chunk, requested by the first call that needs it. */
  private get _store(): Promise<PersistenceStore> {
    return (this._loaded ??= import('./persistence-store.js').then((m) => new m.PersistenceStore(this._options, this.usage)));
  }

  /**
   * Whether the database may hold data: false only when the browser lists its databases
   * without this one (a first visit), found without loading the store or creating the
   * database. True when it cannot tell (no IndexedDB, or no list): the store then decides.
   */
  async exists(): Promise<boolean> {
    try {
      return (await indexedDB.databases()).some((d) => d.name === (this._options.dbName ?? 'v2u'));
    } catch {
      return true;
    }
  }

  /** `indexeddb`, or `memory` once IndexedDB proved unusable. */
  get mode(): PersistenceUsage['mode'] {
    return this.usage.mode;
  }

  /** The data under `key` if it has this `version` and an intact hash; otherwise undefined (and the entry is dropped). */
  async get<T>(key: string, version: number): Promise<T | undefined> {
    return (await this._store).get<T>(key, version);
  }

  /**
   * Stores JSON-safe `data` under `key` with its version and content hash. Resolves with
   * where it went: `'saved'`, or `'memory'` when IndexedDB is over quota (or unusable), so
   * a caller that must not lose it can tell the person and try again.
   */
  async set<T>(key: string, version: number, data: T): Promise<'saved' | 'memory'> {
    return (await this._store).set(key, version, data);
  }

  async delete(key: string): Promise<void> {
    return (await this._store).delete(key);
  }

  /** Keys starting with `prefix` (all keys by default). */
  async keys(prefix = ''): Promise<string[]> {
    return (await this._store).keys(prefix);
  }
}
