// The core must run in Node with no DOM: import it through the package's own exports.
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('v2u-editor/core imports and works without a DOM', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const core = await import('v2u-editor/core');
  const store = new core.GraphStore();
  const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
  const b = store.addNode({ type: 'output/log', position: { x: 200, y: 0 } });
  store.connect({ node: a.id, port: 'value' }, { node: b.id, port: 'in' });
  const text = core.serializeDocument(store.document);
  assert.equal(core.serializeDocument(core.parseDocument(text)), text);
  store.undo();
  assert.equal(store.state.edgeCount, 0);
});

test('bad input throws the documented V2uError in Node too', async () => {
  const { parseDocument, isV2uError } = await import('v2u-editor/core');
  assert.throws(() => parseDocument('{"version": 2, "nodes": 5}'), (error) => isV2uError(error) && error.path === '$.nodes');
});

test('node modules and the engine are importable by package path in Node', async () => {
  const { default: filter } = await import('v2u-editor/nodes/transform/filter');
  const out = await filter.processLogic({ rows: [{ amount: 50 }, { amount: 150 }] }, { signal: new AbortController().signal, config: { expression: 'amount > 100' }, nodeId: 'f', log() {} }, () => {});
  // Heavy nodes answer with columnar tables; a caller of processLogic builds rows at its edge.
  const { rowsAtEdge } = await import('v2u-editor/core');
  assert.deepEqual(rowsAtEdge(out).rows, [{ amount: 150 }]);
  const { FlowEngine } = await import('v2u-editor/engine');
  assert.equal(typeof FlowEngine, 'function');
});

test('importing the package entry without a DOM does not throw (SSR-safe)', async () => {
  await assert.doesNotReject(import('v2u-editor/core'));
  const entry = await import('v2u-editor').then(() => 'loaded', (error) => error);
  assert.ok(entry === 'loaded', `the entry threw in Node: ${entry?.message}`);
});
