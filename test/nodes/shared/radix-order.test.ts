import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { radixOrder } from '../../../src/nodes/shared/radix-order.js';

/** The order Sort had before the radix sort: a comparator over the key columns, then the index (stable). */
function comparatorOrder(length: number, columns: Float64Array[]): number[] {
  return Array.from({ length }, (_, i) => i).sort((a, b) => {
    for (const column of columns) {
      const difference = column[a] - column[b];
      if (difference) return difference;
    }
    return a - b;
  });
}

describe('nodes/shared/radix-order', () => {
  it('orders as the comparator did: several columns, ties by index, -0 equal to 0, equal infinities equal (property)', () => {
    const key = fc.oneof(fc.constantFrom(0, -0, Infinity, -Infinity, 1, -1, 5e-324, -5e-324, 1e308), fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 }));
    const columns = fc.integer({ min: 0, max: 60 }).chain((n) => fc.array(fc.array(key, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 3 }).map((cols) => [n, cols] as const));
    fc.assert(
      fc.property(columns, ([n, cols]) => {
        const keys = cols.map((c) => Float64Array.from(c));
        expect([...radixOrder(n, keys)]).to.deep.equal(comparatorOrder(n, keys));
      }),
      { numRuns: 300 },
    );
  });

  it('orders a million rows keyed by cents (the heavy run’s sort)', () => {
    const n = 1_000_000;
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = -Math.round(((i * 7919) % 100_003) * 9.99) / 100;
    const order = radixOrder(n, [key]);
    for (let i = 1; i < n; i++) if (key[order[i - 1]] > key[order[i]] || (key[order[i - 1]] === key[order[i]] && order[i - 1] > order[i])) expect.fail(`rows ${i - 1} and ${i} out of order`);
  });
});
