import { onIdle } from './idle.js';

/** Milliseconds since some origin; injected so tests can move time forward. */
export type Clock = () => number;

export interface LruOptions {
  /** Most entries kept; the least recently used goes first. Default 500. */
  maxEntries?: number;
  /** Milliseconds an entry stays fresh after it was stored. Default one hour. */
  ttl?: number;
  clock?: Clock;
  /** Drop expired entries in idle time, unread (default false): a `set` schedules a sweep one `ttl` later. */
  idleSweep?: boolean;
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
  private _idleSweep: boolean;
  private _sweepPending = false;

  constructor({ maxEntries = 500, ttl = 3_600_000, clock = () => Date.now(), idleSweep = false }: LruOptions = {}) {
    this.maxEntries = Math.max(1, maxEntries);
    this.ttl = ttl;
    this._clock = clock;
    this._idleSweep = idleSweep;
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
    if (this._idleSweep && !this._sweepPending) this._scheduleSweep();
  }

  /** Drops every expired entry without reading it; returns how many went. Run in idle time (`idleSweep`). */
  sweep(): number {
    const now = this._clock();
    let dropped = 0;
    for (const [key, entry] of this._entries) if (entry.expires <= now && this._entries.delete(key)) dropped++;
    this.evictions += dropped;
    return dropped;
  }

  /**
   * Sweeps in idle time one `ttl` from now (when what was set now expires), then every `ttl`
   * while entries remain: an entry is gone at most one `ttl` after it expired, read or not.
   * The timer holds the cache weakly, so a cache nobody uses any more is collected, not kept for its TTL.
   */
  private _scheduleSweep(): void {
    this._sweepPending = true;
    const ref = new WeakRef(this);
    const timer = setTimeout(() => onIdle(() => ref.deref()?._sweepNow(), 1000), this.ttl + 1) as { unref?: () => void };
    timer.unref?.();
  }

  private _sweepNow(): void {
    this._sweepPending = false;
    this.sweep();
    if (this.size) this._scheduleSweep();
  }

  delete(key: string): boolean {
    return this._entries.delete(key);
  }

  clear(): void {
    this._entries.clear();
  }
}
