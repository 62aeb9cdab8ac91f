import type { Produced } from './flow-graph.js';
import { refsIn, type OutputRef } from './output-ref.js';
import type { Keeper } from './result-cache.js';

/**
 * Counts who keeps each result that holds `OutputRef` handles (the cache, the latest output
 * of a node) and releases the handles when nobody does, so workers free the values.
 */
export class RefKeeper implements Keeper {
  private _held = new Map<Produced, { count: number; refs: OutputRef[] }>();

  constructor(private readonly _release: (refs: OutputRef[]) => void) {}

  hold(produced: Produced): void {
    const entry = this._held.get(produced);
    if (entry) entry.count++;
    else {
      const refs = refsIn(produced.outputs);
      if (refs.length) this._held.set(produced, { count: 1, refs });
    }
  }

  drop(produced: Produced): void {
    const entry = this._held.get(produced);
    if (!entry || --entry.count > 0) return;
    this._held.delete(produced);
    this._release(entry.refs);
  }
}
