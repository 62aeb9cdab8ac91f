// Worker threads behind the pool (the CLI's default): same results as in-process, and a node
// over its heap or time limit fails alone while its thread is replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threadExecutor } from '../../bin/lib/threads.mjs';
import { comparableRun, DEMO_FLOWS } from './lib/flows.mjs';

const { inProcessExecutor } = await import('../../dist/src/runtime/pool/in-process-executor.js');
const { moduleUrl } = await import('../../dist/test/fixtures/engine/index.js');

test('the demo flows give identical results in-process and on worker threads', async () => {
  const threads = threadExecutor({ size: 2 });
  try {
    for (const file of DEMO_FLOWS) {
      const expected = await comparableRun(file, inProcessExecutor());
      assert.equal(expected.report.status, 'done', `${file} runs`);
      assert.deepEqual(await comparableRun(file, threads), expected, `${file}: same report and outputs`);
    }
  } finally {
    threads.close();
  }
});

test('a node over its thread\u2019s heap limit fails clearly; the thread is replaced and the next node runs', async () => {
  const { pool, close } = threadExecutor({ size: 1, heapMb: 32 });
  try {
    const hog = pool.submit({ nodeId: 'hog', moduleUrl: moduleUrl('heap-hog'), inputs: {}, config: {} });
    await assert.rejects(hog, (error) => {
      assert.equal(error.code, 'out-of-memory', error.message);
      assert.match(error.message, /node "hog".*heap limit of 32 MB/, 'names the node and the limit');
      return true;
    });
    const next = await pool.submit({ nodeId: 'n', moduleUrl: moduleUrl('number'), inputs: {}, config: { value: 7 } });
    assert.deepEqual(next.outputs, { value: 7 });
    assert.ok(pool.metrics().workers[0].restarts >= 1, 'the thread was replaced');
  } finally {
    close();
  }
});

test('a node over its time limit fails clearly; the thread is terminated and replaced', async () => {
  const { pool, close } = threadExecutor({ size: 1, timeoutMs: 300 });
  try {
    const started = performance.now();
    await assert.rejects(pool.submit({ nodeId: 'loop', moduleUrl: moduleUrl('forever'), inputs: {}, config: {} }), (error) => {
      assert.equal(error.code, 'task-timeout');
      assert.match(error.message, /node "loop" ran longer than 300 ms/);
      return true;
    });
    assert.ok(performance.now() - started < 5000, 'fails soon after the limit');
    const next = await pool.submit({ nodeId: 'n', moduleUrl: moduleUrl('number'), inputs: {}, config: { value: 3 } });
    assert.deepEqual(next.outputs, { value: 3 });
    assert.equal(pool.metrics().workers[0].timeouts, 1);
  } finally {
    close();
  }
});
