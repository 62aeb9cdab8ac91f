import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { SpatialIndex, intersects, type Rect } from '../../src/core/index.js';

const small = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  width: fc.integer({ min: 0, max: 900 }),
  height: fc.integer({ min: 0, max: 900 }),
});
/** Hostile shapes: absurd coordinates (past 2^53), rectangles far bigger than the grid, infinities. */
const huge = fc.record({
  x: fc.constantFrom(1e19, -1e19, 2 ** 53, -1e6, 0, Infinity),
  y: fc.constantFrom(1e19, -1e6, 0, -Infinity),
  width: fc.constantFrom(0, 180, 1e6, 2e6, 1e19),
  height: fc.constantFrom(0, 80, 1e6, 2e6),
});
const rect = fc.oneof({ arbitrary: small, weight: 4 }, { arbitrary: huge, weight: 1 });

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

  it('hands out its rectangles as copies', () => {
    const index = new SpatialIndex(100);
    const rect = { x: 10.5, y: 20.25, width: 180, height: 54.5 };
    index.set('a', rect);
    index.set('b', { x: 500, y: 0, width: 10, height: 10 });
    rect.x = 999;
    expect(index.rectOf('a'), 'the index keeps its own numbers').to.deep.equal({ x: 10.5, y: 20.25, width: 180, height: 54.5 });
    expect(index.rectOf('missing')).to.equal(undefined);
    index.delete('a');
    index.set('c', { x: 0, y: 0, width: 5, height: 5 });
    expect([...index.entries()]).to.deep.equal([['b', { x: 500, y: 0, width: 10, height: 10 }], ['c', { x: 0, y: 0, width: 5, height: 5 }]]);
    expect([...index.query({ x: 0, y: 0, width: 20, height: 20 })]).to.deep.equal(['c']);
    index.clear();
    expect(index['_boxes'], 'clear lets go of the numbers').to.have.length(0);
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
        const inside = [...truth.values()].filter((r) => intersects(r, everything)).length;
        expect(index.query(everything).size, 'a huge query takes the sparse path').to.equal(inside);
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same after a load of inserts that grow buckets in place, then trimmed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), rect), { maxLength: 60 }), fc.array(fc.tuple(fc.nat(40), rect), { maxLength: 10 }), rect, (load, moves, area) => {
        const index = new SpatialIndex<number>(256);
        const truth = new Map<number, Rect>();
        for (const [key, r] of load) {
          index.set(key, r, true);
          truth.set(key, r);
        }
        index.trim();
        for (const [key, r] of moves) {
          index.set(key, r);
          truth.set(key, r);
        }
        const expected = [...truth].filter(([, r]) => intersects(r, area)).map(([k]) => k).sort();
        expect([...index.query(area)].sort()).to.deep.equal(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('after a load, the first query scans the new items and later ones grid them: every answer agrees with a scan (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('query' as const), area: rect }),
      fc.record({ kind: fc.constant('set' as const), key: fc.nat(40), r: rect, grow: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), rect), { maxLength: 60 }), fc.array(op, { maxLength: 30 }), fc.boolean(), (load, ops, clearFirst) => {
        const index = new SpatialIndex<number>(256);
        const truth = new Map<number, Rect>();
        if (clearFirst) {
          index.set(99, { x: 0, y: 0, width: 10, height: 10 });
          index.query({ x: 0, y: 0, width: 1, height: 1 });
          index.clear();
        }
        for (const [key, r] of load) {
          index.set(key, r, true);
          truth.set(key, r);
        }
        const check = (area: Rect) => {
          const expected = [...truth].filter(([, r]) => intersects(r, area)).map(([k]) => k).sort();
          expect([...index.query(area)].sort(), JSON.stringify(area)).to.deep.equal(expected);
        };
        for (const o of ops) {
          if (o.kind === 'query') check(o.area);
          else if (o.kind === 'set') index.set(o.key, o.r, o.grow), truth.set(o.key, o.r);
          else index.delete(o.key), truth.delete(o.key);
        }
        const everything = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
        check(everything);
        check(everything);
        expect(index.size).to.equal(truth.size);
        expect([...index.entries()].map(([k]) => k).sort()).to.deep.equal([...truth.keys()].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('keeps items at the edge of its grid apart from those inside, whatever a query reaches', () => {
    // Cells of 1 px: the grid's keys are one integer per cell up to ±2^14 cells; past it, the loose list.
    const index = new SpatialIndex<string>(1);
    const edge = 2 ** 14;
    const items: Record<string, Rect> = {
      inside: { x: edge - 2, y: -edge, width: 1, height: 1 },
      past: { x: edge, y: 0, width: 1, height: 1 },
      before: { x: -edge - 1, y: 0, width: 1, height: 1 },
      origin: { x: 0, y: 0, width: 1, height: 1 },
    };
    for (const [key, r] of Object.entries(items)) index.set(key, r);
    for (const area of [
      { x: edge - 3, y: -edge - 3, width: 10, height: 6 },
      { x: 2 * edge, y: -1, width: 3, height: 3 },
      { x: edge - 1, y: -1, width: 4, height: 4 },
      { x: -edge - 2, y: -1, width: 4, height: 4 },
      { x: -3 * edge, y: -3 * edge, width: 6 * edge, height: 6 * edge },
    ]) {
      const expected = Object.keys(items).filter((key) => intersects(items[key], area)).sort();
      expect([...index.query(area)].sort(), JSON.stringify(area)).to.deep.equal(expected);
    }
  });

  it('indexes absurd coordinates and huge rectangles in bounded time and memory', () => {
    const index = new SpatialIndex<string>(400);
    const started = performance.now();
    index.set('far', { x: 1e19, y: 0, width: 180, height: 80 });
    index.set('edge', { x: 0, y: 0, width: 1e7, height: 1e7 });
    index.set('wide', { x: -1e6, y: -1e6, width: 2e6, height: 2e6 });
    index.set('nan', { x: NaN, y: 0, width: 10, height: 10 });
    expect([...index.query({ x: 100, y: 100, width: 10, height: 10 })].sort()).to.deep.equal(['edge', 'wide']);
    expect([...index.query({ x: 1e19, y: 0, width: 1, height: 1 })]).to.deep.equal(['far']);
    index.set('edge', { x: 5e6, y: 5e6, width: 10, height: 10 });
    expect([...index.query({ x: 100, y: 100, width: 10, height: 10 })], 'the moved edge left the loose list').to.deep.equal(['wide']);
    ['far', 'edge', 'wide', 'nan'].forEach((key) => index.delete(key));
    expect(index.size).to.equal(0);
    expect(performance.now() - started, 'milliseconds').to.be.below(500);
  });
});
