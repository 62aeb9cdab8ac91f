// A flow that uses builder-made node types from a node pack (`--library <dir>` holding the
// pack's bundle.json) runs in the CLI, on worker threads and in-process alike.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { runProcess } from './lib/process.mjs';

const { addTen, lineTotal } = await import('../../dist/test/fixtures/built-types.js');
const { flow } = await import('../../dist/test/fixtures/flows.js');
const { builtEntry } = await import('../../dist/src/registry/built-cache.js');
const { splitIntoBundles } = await import('../../dist/src/registry/bundles.js');
const library = 'dist/test/fixtures/engine';
const bin = resolve('bin/v2u-editor.mjs');

/** A temporary folder with a node pack (bundle.json as exportNodePack writes it) and the flow. */
async function packAndFlow(types, doc) {
  const dir = await mkdtemp(join(tmpdir(), 'v2u-built-'));
  await mkdir(join(dir, 'pack'));
  const [bundle] = splitIntoBundles(types.map(builtEntry), 1000);
  await writeFile(join(dir, 'pack', 'bundle.json'), JSON.stringify(bundle));
  await writeFile(join(dir, 'flow.json'), JSON.stringify(doc));
  return { pack: join(dir, 'pack'), file: join(dir, 'flow.json') };
}

const outputsOf = (stdout) => Object.fromEntries(Object.entries(JSON.parse(stdout).nodes).map(([id, node]) => [id, [node.status, node.output]]));

test('v2u-editor run computes builder-made types from --library on worker threads and in-process alike', async () => {
  const doc = flow(
    [['a', 'create/number', { value: 4 }], ['b', 'create/number', { value: 3 }], ['t', 'shop/line-total', { rate: 0 }], ['s', 'shop/add-ten']],
    ['a.value>t.price', 'b.value>t.quantity', 'a.value>s.value'],
  );
  const { pack, file } = await packAndFlow([lineTotal(), addTen()], doc);
  // Other JSON in a library folder (not a pack's bundle) is not a pack: it is passed over.
  await writeFile(join(pack, 'tsconfig.json'), '{ // comments are not JSON\n}');
  const threads = await runProcess('node', [bin, 'run', file, '--library', library, '--library', pack, '--full', '--threads', '2']);
  const inProcess = await runProcess('node', [bin, 'run', file, '--library', library, '--library', pack, '--full', '--in-process']);
  assert.equal(threads.code, 0, threads.stderr);
  assert.equal(inProcess.code, 0, inProcess.stderr);
  const expected = { a: ['done', { value: 4 }], b: ['done', { value: 3 }], t: ['done', { total: 12, label: 'x3' }], s: ['done', { sum: 14 }] };
  assert.deepEqual(outputsOf(threads.stdout), expected);
  assert.deepEqual(outputsOf(inProcess.stdout), expected);
});

test('v2u-editor run refuses a node pack with a broken type, naming the file and the field', async () => {
  const broken = { ...lineTotal(), logic: { kind: 'expression', outputs: { total: 'price * (', label: '1' } } };
  const { pack, file } = await packAndFlow([broken], flow([['a', 'create/number']]));
  const { code, stderr } = await runProcess('node', [bin, 'run', file, '--library', library, '--library', pack]);
  assert.notEqual(code, 0);
  assert.match(stderr, /bundle\.json: nodes\[0\]: .*\$\.logic\.outputs\.total/);
  assert.equal(stderr.trim().split('\n').length, 1, 'one line, no stack');
  await writeFile(join(pack, 'bundle.json'), '{ "format": "v2u-bundle", ');
  const cut = await runProcess('node', [bin, 'run', file, '--library', library, '--library', pack]);
  assert.match(cut.stderr, /cannot read node pack .*bundle\.json/, 'a pack bundle that does not parse is refused');
});
