// The CLI runs a flow designed in the browser, headless, in Node: from a file and from stdin.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const { diamond } = await import('../../dist/test/fixtures/flows.js');
const library = 'dist/test/fixtures/engine';
const run = promisify(execFile);

test('v2u-editor run <file> prints every node\u2019s result as JSON', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'v2u-')), 'flow.json');
  await writeFile(file, JSON.stringify(diamond()));
  const { stdout } = await run('node', ['bin/v2u-editor.mjs', 'run', file, '--library', library]);
  const result = JSON.parse(stdout);
  assert.equal(result.status, 'done');
  assert.equal(result.nodes.total.output.sum, 16);
  assert.equal(result.nodes.total.status, 'done');
});

/** Runs the CLI with `input` on stdin; resolves with its exit code and output. */
function cli(args, input) {
  const child = spawn('node', ['bin/v2u-editor.mjs', ...args]);
  child.stdin.end(input);
  const collect = async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  };
  return Promise.all([collect(child.stdout), collect(child.stderr), new Promise((r) => child.on('close', r))]).then(([stdout, stderr, code]) => ({ stdout, stderr, code }));
}

test('v2u-editor run - reads stdin, --node prints one node, errors name the path', async () => {
  const one = await cli(['run', '-', '--library', library, '--node', 'total', '--compact'], JSON.stringify(diamond()));
  assert.equal(one.stdout.trim(), '{"sum":16}');
  const bad = await cli(['run', '-', '--library', library], '{}');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\$\.version/);
});

test('the CLI runs a demo flow with the built-in library and prints the expected result', async () => {
  const { stdout } = await run('node', ['bin/v2u-editor.mjs', 'run', 'demo/flows/customer-cleanup.json', '--node', 'clean', '--compact']);
  assert.deepEqual(JSON.parse(stdout).rows.map((r) => r.customerId), ['C-0000001', 'C-0000004', 'C-0000006']);
});

test('a third-party node pack runs from its own folder', async () => {
  const flow = {
    version: 2,
    nodes: [
      { id: 'in', type: 'create/table-from-text', position: { x: 0, y: 0 }, config: { text: 'total\n100' } },
      { id: 'fx', type: 'acme/convert-currency', position: { x: 200, y: 0 }, config: { to: 'JPY' } },
    ],
    edges: [{ id: 'e', from: { node: 'in', port: 'rows' }, to: { node: 'fx', port: 'rows' } }],
  };
  const file = join(await mkdtemp(join(tmpdir(), 'v2u-')), 'pack.json');
  await writeFile(file, JSON.stringify(flow));
  const { stdout } = await run('node', ['bin/v2u-editor.mjs', 'run', file, '--library', 'dist/src/nodes', '--library', 'demo/node-pack/nodes', '--node', 'fx', '--compact']);
  assert.deepEqual(JSON.parse(stdout).rows, [{ total: 100, total_JPY: 15130 }]);
});
