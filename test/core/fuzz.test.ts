import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isV2uError, parseDocument, serializeDocument } from '../../src/core/index.js';
import { resolveTestPorts } from './fixtures.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON values without the keys the parser refuses (those are tested on their own). */
const safeJson = fc.jsonValue({ maxDepth: 3 }).map(function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => !FORBIDDEN.has(k)).map(([k, v]) => [k, strip(v)]));
  return value;
});

/** Valid documents: nodes of known and unknown types, edges along a random DAG. */
const validDoc = fc
  .record({
    nodes: fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 8 }),
        type: fc.constantFrom('create/number', 'transform/add', 'output/log', 'acme/unknown'),
        position: fc.record({ x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), y: fc.integer({ min: -1e6, max: 1e6 }) }),
        config: fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => !FORBIDDEN.has(k)), safeJson),
        label: fc.option(fc.string(), { nil: undefined }),
      }),
      { selector: (n) => n.id, maxLength: 12 },
    ),
    wires: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 15 }),
  })
  .map(({ nodes, wires }) => {
    const ports = (type: string) => resolveTestPorts(type) ?? { inputs: { in: { type: 'any' } }, outputs: { out: { type: 'any' } } };
    const seen = new Set<string>();
    const edges = wires.flatMap(([a, b], i) => {
      const [lo, hi] = [Math.min(a, b) % Math.max(nodes.length, 1), Math.max(a, b) % Math.max(nodes.length, 1)];
      if (lo >= hi) return [];
      const from = nodes[lo];
      const to = nodes[hi];
      const out = Object.keys(ports(from.type).outputs)[0];
      const inp = Object.keys(ports(to.type).inputs)[0];
      const key = `${from.id}.${out}>${to.id}.${inp}`;
      if (!out || !inp || seen.has(key)) return [];
      seen.add(key);
      return [{ id: `e${i}`, from: { node: from.id, port: out }, to: { node: to.id, port: inp } }];
    });
    const clean = nodes.map(({ label, ...n }) => (label === undefined ? n : { ...n, label }));
    return { version: 2, nodes: clean, edges, groups: [], viewport: { x: 0, y: 0, zoom: 1 }, metadata: {} };
  });

/** Mutations that a corrupted file, a bad merge or a hostile page might produce. */
function mutate(text: string, cut: number, insert: string, kind: number): string {
  const at = text.length ? cut % text.length : 0;
  switch (kind % 4) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + (cut % 7));
    case 1:
      return text.slice(0, at) + insert + text.slice(at);
    case 2:
      return text.slice(0, at);
    default:
      return text.replace(/"(x|id|type|from|nodes|version)"/, `"${insert}"`);
  }
}

function parsesOrRejectsCleanly(input: unknown) {
  try {
    return parseDocument(input as string, { resolvePorts: resolveTestPorts });
  } catch (error) {
    expect(isV2uError(error), `only V2uError may escape, got ${(error as Error)?.name}: ${(error as Error)?.message}`).to.equal(true);
    expect((error as Error).message).to.match(/^\$/);
    return undefined;
  }
}

describe('parser fuzzing (fast-check)', () => {
  it('valid documents always round-trip', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const text = JSON.stringify(doc);
        expect(serializeDocument(parseDocument(text, { resolvePorts: resolveTestPorts }))).to.equal(text);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated documents parse or fail with the documented error, never anything else', () => {
    fc.assert(
      fc.property(validDoc, fc.nat(), fc.string({ maxLength: 12 }), fc.nat(), (doc, cut, insert, kind) => {
        parsesOrRejectsCleanly(mutate(JSON.stringify(doc), cut, insert, kind));
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON values and strings never throw anything but V2uError', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (value) => void parsesOrRejectsCleanly(value)), { numRuns: 500 });
  });
});
