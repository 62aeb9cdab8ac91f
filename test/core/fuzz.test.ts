import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ErrorCodes, isV2uError, parseDocument, serializeDocument } from '../../src/core/index.js';
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
    const fed = new Set<string>();
    const edges = wires.flatMap(([a, b], i) => {
      const [lo, hi] = [Math.min(a, b) % Math.max(nodes.length, 1), Math.max(a, b) % Math.max(nodes.length, 1)];
      if (lo >= hi) return [];
      const from = nodes[lo];
      const to = nodes[hi];
      const out = Object.keys(ports(from.type).outputs)[0];
      const inp = Object.keys(ports(to.type).inputs)[0];
      const key = `${from.id}.${out}>${to.id}.${inp}`;
      const single = !ports(to.type).inputs[inp]?.multiple && `${to.id}.${inp}`;
      if (!out || !inp || seen.has(key) || (single && fed.has(single))) return [];
      seen.add(key);
      if (single) fed.add(single);
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

  it('hostile shapes (issue 21) are refused with their code, quickly, never hang or throw anything else', () => {
    const hostile = fc.oneof(
      fc.record({ code: fc.constant(ErrorCodes.outOfRange), patch: fc.constantFrom(1e19, -1e7, 2 ** 53, 1e6 + 1).map((x) => (d: Doc) => void (d.nodes[0].position.x = x)) }),
      fc.record({ code: fc.constant(ErrorCodes.outOfRange), patch: fc.constantFrom(1e-16, 0, -1, 11, 1e300).map((zoom) => (d: Doc) => void (d.viewport.zoom = zoom)) }),
      fc.record({
        code: fc.constant(ErrorCodes.notJson),
        patch: fc.constantFrom<() => unknown>(() => 1n, () => new Map(), () => new Set(), () => new Date(), () => () => 0, () => Symbol('s'), () => [undefined], () => new (class Thing {})(), () => { const c: Record<string, unknown> = {}; c.c = c; return c; })
          .map((make) => (d: Doc) => void (d.nodes[0].config.v = make())),
      }),
      fc.record({ code: fc.constant(ErrorCodes.inputTaken), patch: fc.constant((d: Doc) => void d.edges.push({ id: 'twice', from: { node: 'h0', port: 'value' }, to: { node: 'h2', port: 'a' } })) }),
    );
    fc.assert(
      fc.property(validDoc, hostile, (valid, { code, patch }) => {
        const d = withHostilePair(valid);
        patch(d);
        const started = performance.now();
        let caught: unknown;
        try {
          parseDocument(d, { resolvePorts: resolveTestPorts });
        } catch (error) {
          caught = error;
        }
        expect(isV2uError(caught), `refused: ${String(caught)}`).to.equal(true);
        expect((caught as { code: string }).code, (caught as Error).message).to.equal(code);
        expect(performance.now() - started, 'milliseconds').to.be.below(1000);
      }),
      { numRuns: 200 },
    );
  });
});

type Doc = { nodes: Array<{ id: string; position: { x: number; y: number }; config: Record<string, unknown> }>; edges: unknown[]; viewport: { zoom: number } };

/** A valid document plus known nodes h0, h1 → h2.a, so an edge h0 → h2.a is a second into that input. */
function withHostilePair(valid: unknown): Doc {
  const d = structuredClone(valid) as Doc & { nodes: Array<Record<string, unknown>> };
  d.nodes.unshift({ id: 'h0', type: 'create/number', position: { x: 0, y: 90 }, config: {} }, { id: 'h1', type: 'create/number', position: { x: 0, y: 0 }, config: {} }, { id: 'h2', type: 'transform/add', position: { x: 300, y: 0 }, config: {} });
  d.nodes = d.nodes.filter((n, i) => i < 3 || !['h0', 'h1', 'h2'].includes(n.id as string));
  d.edges = [{ id: 'once', from: { node: 'h1', port: 'value' }, to: { node: 'h2', port: 'a' } }, ...d.edges.filter((e) => !JSON.stringify(e).match(/"h[012]"/)).map((e) => ({ ...(e as object), id: `v${(e as { id: string }).id}` }))];
  return d;
}
