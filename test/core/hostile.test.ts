import { expect } from '@open-wc/testing';
import { CURRENT_VERSION, ErrorCodes, LIMITS, V2uError, isV2uError, parseDocument } from '../../src/core/index.js';
import { makeStore, resolveTestPorts } from './fixtures.js';

/** Hostile documents and commands (issue 21): each is refused with a code and a path, never hangs. */

function node(id: string, x: number, y = 0, extra: Record<string, unknown> = {}) {
  return { id, type: 'transform/add', position: { x, y }, config: {}, ...extra };
}

function doc(extra: Record<string, unknown> = {}) {
  return { version: CURRENT_VERSION, nodes: [node('a', 0)], edges: [], ...extra };
}

export function refusal(fn: () => unknown): V2uError {
  try {
    fn();
  } catch (error) {
    expect(isV2uError(error), `a V2uError, got ${String(error)}`).to.equal(true);
    return error as V2uError;
  }
  throw new Error('expected a refusal');
}

function expectRefused(input: unknown, code: string, path: string) {
  const error = refusal(() => parseDocument(input, { resolvePorts: resolveTestPorts }));
  expect(error.code, error.message).to.equal(code);
  expect(error.path, error.message).to.equal(path);
  expect(error.message, 'the message names the path').to.contain(path);
  return error;
}

describe('hostile coordinates and zoom', () => {
  it('refuses positions beyond ±1e6 with the path, in bounded time', () => {
    expectRefused(doc({ nodes: [node('a', 0), node('b', 1), node('c', 2), node('d', 1e19)] }), ErrorCodes.outOfRange, '$.nodes[3].position.x');
    expectRefused(doc({ nodes: [node('a', 0, -1e7)] }), ErrorCodes.outOfRange, '$.nodes[0].position.y');
    const edge = { id: 'e', from: { node: 'a', port: 'sum' }, to: { node: 'b', port: 'a' } };
    expectRefused(doc({ nodes: [node('a', 0), node('b', 1e7, 1e7)], edges: [edge] }), ErrorCodes.outOfRange, '$.nodes[1].position.x');
  });

  it('accepts the limits themselves', () => {
    const c = LIMITS.coordinate;
    const parsed = parseDocument(doc({ nodes: [node('a', c, -c)], viewport: { x: -LIMITS.viewportOffset, y: 0, zoom: LIMITS.zoomMin } }));
    expect(parsed.nodes[0].position).to.deep.equal({ x: c, y: -c });
  });

  it('refuses a zoom outside 0.01..10 and an absurd viewport offset', () => {
    expectRefused(doc({ viewport: { x: 0, y: 0, zoom: 1e-16 } }), ErrorCodes.outOfRange, '$.viewport.zoom');
    expectRefused(doc({ viewport: { x: 0, y: 0, zoom: 11 } }), ErrorCodes.outOfRange, '$.viewport.zoom');
    expectRefused(doc({ viewport: { x: 1e19, y: 0, zoom: 1 } }), ErrorCodes.outOfRange, '$.viewport.x');
  });

  it('store commands apply the same bounds: addNode, moveNodes, paste, setViewport', () => {
    const store = makeStore();
    const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
    const codes = [
      () => store.addNode({ type: 'create/number', position: { x: 1e19, y: 0 } }),
      () => store.moveNodes([{ id: a.id, position: { x: 0, y: -1e7 } }]),
      () => store.paste(store.copy([a.id]), { x: 2e6, y: 0 }),
      () => store.setViewport({ x: 0, y: 0, zoom: 1e-16 }),
      () => store.setViewport({ x: 1e19, y: 0, zoom: 1 }),
    ].map((fn) => refusal(fn).code);
    expect(codes).to.deep.equal(Array(5).fill(ErrorCodes.outOfRange));
    expect(store.state.nodeCount, 'nothing was added').to.equal(1);
  });
});

class Money {
  constructor(readonly cents: number) {}
}

/** Each value a config may not hold, a word its message must contain, and its code when not not-json. */
const NOT_JSON: Array<[string, () => unknown, RegExp, string?]> = [
  ['BigInt', () => 10n, /BigInt is not JSON/],
  ['Map', () => new Map([['a', 1]]), /Map is not JSON; use an object/],
  ['Set', () => new Set([1]), /Set is not JSON; use an array/],
  ['Date', () => new Date(0), /a Date is not JSON; use an ISO string/],
  ['function', () => () => 1, /function is not JSON/],
  ['symbol', () => Symbol('s'), /symbol is not JSON/],
  ['undefined in an array', () => [1, undefined], /undefined is not JSON; use null/],
  ['NaN', () => NaN, /NaN is not JSON/, ErrorCodes.wrongType],
  ['Infinity', () => [Infinity], /Infinity is not JSON/, ErrorCodes.wrongType],
  ['class instance', () => new Money(5), /instance of "Money" is not JSON/],
  ['typed array', () => new Uint8Array(2), /Uint8Array is not JSON/],
  ['cycle', () => { const a: Record<string, unknown> = {}; a.self = { a }; return a; }, /cycle/],
];

describe('values that are not JSON', () => {
  for (const [name, make, message, code = ErrorCodes.notJson] of NOT_JSON) {
    it(`${name}: refused by parse, addNode and updateConfig with the path`, () => {
      const error = refusal(() => parseDocument(doc({ nodes: [node('a', 0), node('b', 1, 0, { config: { when: make() } })] })));
      expect([error.code, error.path.slice(0, 22)], error.message).to.deep.equal([code, '$.nodes[1].config.when']);
      expect(error.message, 'the message names the path').to.contain(error.path);
      expect(error.message).to.match(message);
      const store = makeStore();
      const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
      const added = refusal(() => store.addNode({ type: 'create/number', position: { x: 0, y: 0 }, config: { when: make() } }));
      expect([added.code, added.path.slice(0, 22)]).to.deep.equal([code, '$.nodes[1].config.when']);
      const updated = refusal(() => store.updateConfig(a.id, { when: make() }));
      expect([updated.code, updated.path.slice(0, 22)]).to.deep.equal([code, '$.nodes[0].config.when']);
      expect(store.state.nodeCount, 'nothing changed').to.equal(1);
      expect(store.state.getNode(a.id)!.config).to.deep.equal({});
    });
  }

  it('the issue example reads as written', () => {
    const error = refusal(() => parseDocument(doc({ nodes: [{ ...node('a', 0), config: { when: new Date(0) } }] })));
    expect(error.message).to.equal('$.nodes[0].config.when: a Date is not JSON; use an ISO string');
  });

  it('an exponentially shared object is refused as too large, quickly', () => {
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) shared = { l: shared, r: shared };
    const started = performance.now();
    expect(refusal(() => parseDocument(doc({ metadata: { shared } }))).code).to.equal(ErrorCodes.tooLarge);
    expect(performance.now() - started, 'milliseconds').to.be.below(5000);
  });

  it('shared (not cyclic) references, undefined properties and unknown node types are fine', () => {
    const shared = { a: 1 };
    const parsed = parseDocument(doc({ nodes: [{ ...node('a', 0), type: 'acme/unknown', config: { x: shared, y: shared, gone: undefined }, vendor: { v: 1 } }] }));
    expect(parsed.nodes[0]).to.deep.equal({ id: 'a', type: 'acme/unknown', position: { x: 0, y: 0 }, config: { x: { a: 1 }, y: { a: 1 } }, vendor: { v: 1 } });
  });
});

describe('two edges into one single-value input', () => {
  const nodes = [{ ...node('x', 0), type: 'create/number' }, { ...node('y', 0, 100), type: 'create/number' }, node('sum', 300)];
  const edge = (id: string, from: string, port: string, to = 'sum') => ({ id, from: { node: from, port: 'value' }, to: { node: to, port } });

  it('is refused on import, naming both edges and the port, as the editor refuses it', () => {
    const error = expectRefused(doc({ nodes, edges: [edge('e1', 'x', 'a'), edge('e2', 'y', 'b'), edge('e3', 'y', 'a')] }), ErrorCodes.inputTaken, '$.edges[2].to');
    expect(error.message).to.contain('"e1"').and.contain('"e3"').and.contain('input "a" of node "sum"');
    const store = makeStore();
    store.load(JSON.stringify(doc({ nodes, edges: [edge('e1', 'x', 'a')] })));
    expect(refusal(() => store.connect({ node: 'y', port: 'value' }, { node: 'sum', port: 'a' })).code, 'the editor agrees').to.equal(ErrorCodes.inputTaken);
  });

  it('multi-input ports and inputs of unknown types still take many', () => {
    const log = { ...node('log', 600), type: 'output/log' };
    const mystery = { ...node('m', 600, 200), type: 'acme/unknown' };
    const edges = [edge('e1', 'x', 'value', 'log'), edge('e2', 'y', 'value', 'log'), edge('e3', 'x', 'in', 'm'), edge('e4', 'y', 'in', 'm')];
    expect(parseDocument(doc({ nodes: [...nodes, log, mystery], edges }), { resolvePorts: resolveTestPorts }).edges).to.have.length(4);
  });
});
