/** Milliseconds since some origin; injected so tests can move time forward. */
export type Clock = () => number;

export interface LruOptions {
  /** Most entries kept; the least recently used goes first. Default 500. */
  maxEntries?: number;
  /** Milliseconds an entry stays fresh after it was stored. Default one hour. */
  ttl?: number;
  clock?: Clock;
}

/**
 * A least-recently-used cache with a time to live. A Map keeps insertion order, so
 * re-inserting on every hit makes its first key the least recently used one.
 */
export class LruCache<V> {
  readonly maxEntries: number;
  readonly ttl: number;
  /** Entries dropped for room or age since creation. */
  evictions = 0;
  private _clock: Clock;
  private _entries = new Map<string, { value: V; expires: number }>();

  constructor({ maxEntries = 500, ttl = 3_600_000, clock = () => Date.now() }: LruOptions = {}) {
    this.maxEntries = Math.max(1, maxEntries);
    this.ttl = ttl;
    this._clock = clock;
  }

  get size(): number {
    return this._entries.size;
  }

  /** The fresh value for `key`, marked most recently used; expired entries are dropped. */
  get(key: string): V | undefined {
    const entry = this._entries.get(key);
    if (!entry) return undefined;
    this._entries.delete(key);
    if (entry.expires <= this._clock()) {
      this.evictions++;
      return undefined;
    }
    this._entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this._entries.delete(key);
    this._entries.set(key, { value, expires: this._clock() + this.ttl });
    while (this._entries.size > this.maxEntries) {
      this._entries.delete(this._entries.keys().next().value as string);
      this.evictions++;
    }
  }

  delete(key: string): boolean {
    return this._entries.delete(key);
  }

  clear(): void {
    this._entries.clear();
  }
}
