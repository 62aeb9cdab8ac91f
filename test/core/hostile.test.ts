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
