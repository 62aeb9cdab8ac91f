// The engine is core: it must schedule a graph in Node, with no DOM and no timers of its own.
// The executor here is the pool's own runner, called in-process (it imports node modules by URL).
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { FlowEngine } = await import('../../dist/src/core/engine/index.js');
const { inProcessExecutor } = await import('../../dist/src/runtime/pool/in-process-executor.js');
const { resolveFixture } = await import('../../dist/test/fixtures/engine/index.js');
const { diamond, withConfig } = await import('../../dist/test/fixtures/flows.js');

const executor = inProcessExecutor();
const clock = { now: () => performance.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h) };

test('the engine runs a diamond in Node and re-runs only what an edit dirtied', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const engine = new FlowEngine({ resolve: resolveFixture, executor, clock, autoRun: false });
  const doc = diamond();
  engine.setDocument(doc);
  const first = await engine.run();
  assert.equal(first.status, 'done');
  assert.equal(engine.state('total').output.sum, 16);
  engine.setDocument(withConfig(doc, 'left', { plus: 1 }));
  const second = await engine.run();
  assert.deepEqual([...second.executed].sort(), ['left', 'total']);
  assert.equal(engine.state('total').output.sum, 17);
  engine.dispose();
});
