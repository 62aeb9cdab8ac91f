import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SpatialIndex, intersects, type Rect } from '../../src/core/index.js';

const rect = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  width: fc.integer({ min: 0, max: 900 }),
  height: fc.integer({ min: 0, max: 900 }),
});

describe('SpatialIndex', () => {
  it('finds what meets an area, after moves and deletes', () => {
    const index = new SpatialIndex(100);
    index.set('a', { x: 0, y: 0, width: 50, height: 50 });
    index.set('b', { x: 1000, y: 1000, width: 50, height: 50 });
    expect([...index.query({ x: -10, y: -10, width: 100, height: 100 })]).to.deep.equal(['a']);
    index.set('a', { x: 990, y: 990, width: 20, height: 20 });
    expect([...index.query({ x: 980, y: 980, width: 40, height: 40 })].sort()).to.deep.equal(['a', 'b']);
    index.delete('b');
    expect([...index.query({ x: 980, y: 980, width: 40, height: 40 })]).to.deep.equal(['a']);
    expect(index.bounds()).to.deep.equal({ x: 990, y: 990, width: 20, height: 20 });
  });

  it('agrees with a brute-force scan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(30), rect), { maxLength: 60 }), rect, (ops, area) => {
        const index = new SpatialIndex<number>(256);
        const truth = new Map<number, Rect>();
        for (const [key, r] of ops) {
          if (r.width === 0 && truth.has(key)) {
            index.delete(key);
            truth.delete(key);
          } else {
            index.set(key, r);
            truth.set(key, r);
          }
        }
        const expected = [...truth].filter(([, r]) => intersects(r, area)).map(([k]) => k).sort();
        expect([...index.query(area)].sort()).to.deep.equal(expected);
        const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
        expect(index.query(everything).size, 'a huge query takes the sparse path').to.equal(truth.size);
      }),
      { numRuns: 200 },
    );
  });
});
