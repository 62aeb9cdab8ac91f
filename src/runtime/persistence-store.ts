import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { contentHash } from '../registry/hash.js';
import { warn } from '../registry/metrics.js';
import { withTimeout } from './timeout.js';

/** What is stored under every key: the data, its format version and its content hash. */
export interface Envelope<T = unknown> {
  version: number;
  hash: string;
  data: T;
}

export interface PersistenceOptions {
  /** IndexedDB database and object store (default `v2u` / `keyval`). One store per database: idb-keyval cannot add a second. */
  dbName?: string;
  storeName?: string;
  /** Receives the one `v2u-warning` when IndexedDB is unavailable and memory takes over. */
  emitter?: EventTarget;
  /** Milliseconds to wait for IndexedDB before treating it as blocked (default 3000). */
  openTimeout?: number;
}

/** Counters for `metrics`: how often reads found valid data, and how much was dropped. */
export interface PersistenceUsage {
  mode: 'indexeddb' | 'memory';
  reads: number;
  hits: number;
  /** Entries dropped on read: corrupt, stale version, or wrong hash. */
  drops: number;
  writes: number;
}

interface Backend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

function idbBackend(store: UseStore): Backend {
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    keys: () => keys<string>(store),
  };
}

/**
 * One connection per database and store for the whole page, however many editors come and
 * go: an IndexedDB connection is never closed by the garbage collector, so one opened per
 * editor would stay for the life of the page.
 */
const stores = new Map<string, UseStore>();

function sharedStore(dbName: string, storeName: string): UseStore {
  const key = `${dbName}\u0000${storeName}`;
  let store = stores.get(key);
  if (!store) stores.set(key, (store = createStore(dbName, storeName)));
  return store;
}

function memoryBackend(map = new Map<string, unknown>()): Backend {
  return {
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    del: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
  };
}

/** The IndexedDB (or memory) store behind `Persistence`, in a chunk of its own, loaded on first use. */
export class PersistenceStore {
  private _backend: Backend;
  private _proven = false;
  /** Values IndexedDB refused for lack of space, kept for this session until a write succeeds. */
  private _overQuota = new Map<string, Envelope>();

  constructor(
    private readonly _options: PersistenceOptions,
    readonly usage: PersistenceUsage,
  ) {
    this._backend = this._open();
  }

  /** The data under `key` if it has this `version` and an intact hash; otherwise undefined (and the entry is dropped). */
  async get<T>(key: string, version: number): Promise<T | undefined> {
    this.usage.reads++;
    const stored = (this._overQuota.get(key) ?? (await this._run((b) => b.get(key)))) as Envelope<T> | undefined;
    if (stored === undefined) return undefined;
    if (!isEnvelope(stored) || stored.version !== version || stored.hash !== contentHash(stored.data)) {
      this.usage.drops++;
      await this.delete(key);
      return undefined;
    }
    this.usage.hits++;
    return stored.data;
  }

  /**
   * Stores JSON-safe `data` under `key` with its version and content hash. Resolves with
   * where it went: `'saved'`, or `'memory'` when IndexedDB is over quota (or unusable), so
   * a caller that must not lose it can tell the person and try again.
   */
  async set<T>(key: string, version: number, data: T): Promise<'saved' | 'memory'> {
    this.usage.writes++;
    const envelope: Envelope<T> = { version, hash: contentHash(data), data };
    try {
      await this._run((b) => b.set(key, envelope));
    } catch (error) {
      if ((error as Error)?.name !== 'QuotaExceededError') throw error;
      if (this._overQuota.size === 0) warn(this._options.emitter, { code: 'storage-full', message: 'IndexedDB is over quota: changes are kept in memory for this session until space frees up' });
      this._overQuota.set(key, envelope);
      return 'memory';
    }
    this._overQuota.delete(key);
    return this.usage.mode === 'memory' ? 'memory' : 'saved';
  }

  async delete(key: string): Promise<void> {
    this._overQuota.delete(key);
    await this._run((b) => b.del(key));
  }

  /** Keys starting with `prefix` (all keys by default). */
  async keys(prefix = ''): Promise<string[]> {
    const all = await this._run((b) => b.keys());
    return all.filter((k) => typeof k === 'string' && k.startsWith(prefix));
  }

  private _open(): Backend {
    try {
      if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available here');
      return idbBackend(sharedStore(this._options.dbName ?? 'v2u', this._options.storeName ?? 'keyval'));
    } catch (error) {
      return this._fallback(error);
    }
  }

  /** Runs an operation on the current backend; the first IndexedDB failure (or hang) moves everything to memory. */
  private async _run<R>(op: (backend: Backend) => Promise<R>): Promise<R> {
    const backend = this._backend;
    if (this.usage.mode === 'memory') return op(backend);
    try {
      const result = await (this._proven ? op(backend) : withTimeout(op(backend), this._options.openTimeout ?? 3000, 'IndexedDB is blocked (no answer)'));
      this._proven = true;
      return result;
    } catch (error) {
      // Data that cannot be cloned is the caller's bug, and a full disk may free up: neither
      // is a reason to leave IndexedDB.
      const name = (error as Error)?.name;
      if (name === 'DataCloneError' || name === 'QuotaExceededError') throw error;
      if (this._backend === backend) this._fallback(error);
      return op(this._backend);
    }
  }

  private _fallback(error: unknown): Backend {
    this.usage.mode = 'memory';
    this._backend = memoryBackend();
    const reason = String((error as Error)?.message ?? error);
    warn(this._options.emitter, { code: 'storage-fallback', message: `IndexedDB unusable (${reason}); keeping data in memory for this session` });
    return this._backend;
  }
}

function isEnvelope(value: unknown): value is Envelope {
  const v = value as Envelope | null;
  return typeof v === 'object' && v !== null && typeof v.version === 'number' && typeof v.hash === 'string' && 'data' in v;
}
