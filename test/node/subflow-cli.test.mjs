// A flow with a subflow runs in the CLI (worker threads and in-process) with the results the browser engine gives.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { runProcess } from './lib/process.mjs';

const { withSubflow } = await import('../../dist/test/fixtures/flows.js');
const library = 'dist/test/fixtures/engine';
const bin = resolve('bin/v2u-editor.mjs');

async function flowFile(doc) {
  const file = join(await mkdtemp(join(tmpdir(), 'v2u-subflow-')), 'flow.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

const outputsOf = (stdout) => Object.fromEntries(Object.entries(JSON.parse(stdout).nodes).map(([id, node]) => [id, [node.status, node.output]]));

test('v2u-editor run computes a flow with subflows on worker threads and in-process alike', async () => {
  const file = await flowFile(withSubflow());
  const threads = await runProcess('node', [bin, 'run', file, '--library', library, '--full', '--threads', '2']);
  const inProcess = await runProcess('node', [bin, 'run', file, '--library', library, '--full', '--in-process']);
  assert.equal(threads.code, 0, threads.stderr);
  assert.equal(inProcess.code, 0, inProcess.stderr);
  const expected = { a: ['done', { value: 1 }], b: ['done', { value: 2 }], twice: ['done', { value: 9 }], again: ['done', { value: 6 }], total: ['done', { sum: 15 }] };
  assert.deepEqual(outputsOf(threads.stdout), expected);
  assert.deepEqual(outputsOf(inProcess.stdout), expected);
});

test('v2u-editor run refuses a subflow that contains itself and names the chain', async () => {
  const doc = withSubflow();
  doc.subflows[0].nodes.push({ id: 'back', type: 'subflow/sf1', position: { x: 0, y: 0 }, config: {} });
  const { code, stderr } = await runProcess('node', [bin, 'run', await flowFile(doc), '--library', library]);
  assert.notEqual(code, 0);
  assert.match(stderr, /"sf1" → "sf1"/);
});
