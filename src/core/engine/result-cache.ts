import type { NodePerformance } from '../manifest.js';
import type { Produced } from './flow-graph.js';

export type CacheStrategy = NonNullable<NodePerformance['cacheStrategy']>;

/**
 * Finished outputs by node and cache key. `normal` keeps a node's latest result, so an edit
 * that changes nothing upstream costs nothing; `aggressive` keeps the last few per node, so
 * undo and toggling a setting back are free too; `none` keeps nothing (random, clock, I/O).
 */
export class ResultCache {
  private _byNode = new Map<string, Map<string, Produced>>();

  constructor(private readonly _aggressiveEntries = 8) {}

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
    if (strategy === 'normal') entries.clear();
    entries.set(key, produced);
    while (entries.size > this._aggressiveEntries) entries.delete(entries.keys().next().value!);
  }

  forget(nodeId: string): void {
    this._byNode.delete(nodeId);
  }

  clear(): void {
    this._byNode.clear();
  }
}
