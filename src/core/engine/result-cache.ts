import type { NodePerformance } from '../manifest.js';
import type { Produced } from './flow-graph.js';

export type CacheStrategy = NonNullable<NodePerformance['cacheStrategy']>;

/** Told when the cache starts and stops keeping a result (results may hold values kept in workers). */
export interface Keeper {
  hold(produced: Produced): void;
  drop(produced: Produced): void;
}

/**
 * Finished outputs by node and cache key. `normal` keeps a node's latest result, so an edit
 * that changes nothing upstream costs nothing; `aggressive` keeps the last few per node, so
 * undo and toggling a setting back are free too; `none` keeps nothing (random, clock, I/O).
 */
export class ResultCache {
  private _byNode = new Map<string, Map<string, Produced>>();

  constructor(
    private readonly _aggressiveEntries = 8,
    private readonly _keeper?: Keeper,
  ) {}

  get(nodeId: string, key: string): Produced | undefined {
    const entries = this._byNode.get(nodeId);
    const hit = entries?.get(key);
    if (hit) {
      entries!.delete(key);
      entries!.set(key, hit);
    }
    return hit;
  }

  set(nodeId: string, key: string, produced: Produced, strategy: CacheStrategy): void {
    if (strategy === 'none') return this.forget(nodeId);
    let entries = this._byNode.get(nodeId);
    if (!entries) this._byNode.set(nodeId, (entries = new Map()));
    // Hold the new result before dropping old ones: it may be one of them (a cache hit).
    this._keeper?.hold(produced);
    const dropped = strategy === 'normal' ? [...entries.values()] : entries.has(key) ? [entries.get(key)!] : [];
    if (strategy === 'normal') entries.clear();
    entries.delete(key);
    entries.set(key, produced);
    while (entries.size > this._aggressiveEntries) {
      const oldest = entries.keys().next().value!;
      dropped.push(entries.get(oldest)!);
      entries.delete(oldest);
    }
    for (const old of dropped) this._keeper?.drop(old);
  }

  forget(nodeId: string): void {
    const entries = this._byNode.get(nodeId);
    this._byNode.delete(nodeId);
    for (const old of entries?.values() ?? []) this._keeper?.drop(old);
  }

  clear(): void {
    for (const nodeId of [...this._byNode.keys()]) this.forget(nodeId);
  }
}
