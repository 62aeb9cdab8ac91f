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
