import { SpatialIndex } from '../../../src/core/index.js';

/** Counts `SpatialIndex.set` calls (nodes and edges put in an index) until `restore()`. */
export function countInserts() {
  const original = SpatialIndex.prototype.set;
  const counter = { count: 0, restore: () => void (SpatialIndex.prototype.set = original) };
  SpatialIndex.prototype.set = function (this: SpatialIndex<unknown>, ...args: Parameters<SpatialIndex<unknown>['set']>) {
    counter.count++;
    return original.apply(this, args);
  };
  return counter;
}
