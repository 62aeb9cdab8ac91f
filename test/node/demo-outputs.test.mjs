// The demo flows' outputs against test/fixtures/demo-outputs.json (a SHA-256 per node): an
// in-process run here, the browser's worker pool in test/demo/demo-flows.test.ts. Worker
// threads and the queue are compared with in-process in full (threads.test.mjs, queue.test.mjs),
// so all four executors agree. UPDATE_DEMO_OUTPUTS=1 rewrites the file after a deliberate change.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { test } from 'node:test';
import { comparableRun, DEMO_FLOWS } from './lib/flows.mjs';

const { inProcessExecutor } = await import('../../dist/src/runtime/pool/in-process-executor.js');
const { outputDigests } = await import('../../dist/test/fixtures/output-digest.js');
const FILE = 'test/fixtures/demo-outputs.json';

test('in-process, the demo flows give the outputs recorded in test/fixtures/demo-outputs.json', async () => {
  const digests = {};
  for (const file of DEMO_FLOWS) {
    const { report, outputs } = await comparableRun(file, inProcessExecutor());
    assert.equal(report.status, 'done', file);
    digests[basename(file, '.json')] = await outputDigests(Object.entries(outputs));
  }
  if (process.env.UPDATE_DEMO_OUTPUTS) await writeFile(FILE, `${JSON.stringify(digests, null, 2)}\n`);
  assert.deepEqual(digests, JSON.parse(await readFile(FILE, 'utf8')), `outputs changed; if on purpose, UPDATE_DEMO_OUTPUTS=1 node --test ${process.argv[1] ?? ''}`);
});
