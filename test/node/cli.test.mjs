// The CLI runs a flow designed in the browser, headless, in Node: from a file and from stdin.
import assert from 'node:assert/strict';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { assertOneLineError, runProcess } from './lib/process.mjs';

const { diamond } = await import('../../dist/test/fixtures/flows.js');
const library = 'dist/test/fixtures/engine';
const bin = resolve('bin/v2u-editor.mjs');

/** Runs `node <script> ...args` with `input` on stdin. */
const cli = (args, input = '', script = bin) => runProcess('node', [script, ...args], { input });

async function tempFile(name, text) {
  const file = join(await mkdtemp(join(tmpdir(), 'v2u-')), name);
  await writeFile(file, text);
  return file;
}

test('v2u-editor run <file> --full prints every node\u2019s result as JSON', async () => {
  const file = await tempFile('flow.json', JSON.stringify(diamond()));
  const { stdout, stderr, code } = await cli(['run', file, '--library', library, '--full']);
  const result = JSON.parse(stdout);
  assert.equal(code, 0);
  assert.equal(stderr, '', 'nothing on stderr when it is not a terminal');
  assert.equal(result.status, 'done');
  assert.equal(result.nodes.total.output.sum, 16);
  assert.equal(result.nodes.total.status, 'done');
});

test('v2u-editor run prints a bounded summary by default: status, duration and a preview per node', async () => {
  const { stdout, code } = await cli(['run', 'demo/flows/order-analytics.json']);
  assert.equal(code, 0);
  assert.ok(stdout.length < 16_000, `summary of 20,000 rows is small, got ${stdout.length} characters`);
  const { status, nodes } = JSON.parse(stdout);
  assert.equal(status, 'done');
  for (const [id, node] of Object.entries(nodes)) {
    assert.equal(node.status, 'done', `${id} is done`);
    assert.equal(typeof node.durationMs, 'number', `${id} has a duration`);
  }
  const orders = nodes.orders.preview.rows;
  assert.equal(orders.rows, 20_000, 'the row count is the real one');
  assert.equal(orders.head.length, 3, 'only the first rows');
  assert.ok(orders.columns.includes('region'), 'the columns are listed');
});

test('--help and -h print the usage and exit 0; no arguments prints it on stderr and exits 2', async () => {
  for (const flag of ['--help', '-h']) {
    const { stdout, code } = await cli([flag]);
    assert.equal(code, 0, `${flag} exits 0`);
    assert.match(stdout, /^Usage: v2u-editor run/, `${flag} prints the usage`);
  }
  const none = await cli([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^Usage: v2u-editor run/);
});

test('the bin runs when started through a symlink, as npm installs it in node_modules/.bin', async () => {
  const link = join(await mkdtemp(join(tmpdir(), 'v2u-bin-')), 'v2u-editor');
  await symlink(bin, link);
  const { stdout, code } = await cli(['--help'], '', link);
  assert.equal(code, 0);
  assert.match(stdout, /^Usage: v2u-editor run/);
});

test('unknown options, commands and missing values exit 2 with one line and a hint', async () => {
  for (const args of [['run', 'flow.json', '--bogus'], ['frobnicate'], ['run', 'flow.json', '--node']]) {
    const result = await cli(args);
    assertOneLineError(result, args.at(-1), args.join(' '));
    assert.equal(result.code, 2, `${args.join(' ')} exits 2`);
    assert.match(result.stderr, /--help/, 'points at --help');
  }
});

test('a malformed flow exits non-zero with one line naming the file and the place', async () => {
  const bad = await tempFile('bad.json', '{\n  "version": 2,\n  "nodes": [\n');
  assertOneLineError(await cli(['run', bad]), `${bad}: $: not valid JSON`, 'bad JSON');
  const invalid = await tempFile('invalid.json', JSON.stringify({ version: 2, nodes: [{ id: 'a' }] }));
  assertOneLineError(await cli(['run', invalid]), `${invalid}: $.nodes[0]`, 'invalid document');
  assertOneLineError(await cli(['run', 'no/such/flow.json']), 'cannot read no/such/flow.json', 'missing file');
  assertOneLineError(await cli(['run', 'demo/flows/pricing-rules.json', '--library', 'no/such/dir']), 'no/such/dir', 'missing library');
});

test('v2u-editor run - reads stdin, --node prints one node, errors name the path', async () => {
  const one = await cli(['run', '-', '--library', library, '--node', 'total', '--compact'], JSON.stringify(diamond()));
  assert.equal(one.stdout.trim(), '{"sum":16}');
  const bad = await cli(['run', '-', '--library', library], '{}');
  assert.equal(bad.code, 2);
  assertOneLineError(bad, 'stdin: $.version', 'bad document on stdin');
  const missing = await cli(['run', '-', '--library', library, '--node', 'nope'], JSON.stringify(diamond()));
  assertOneLineError(missing, '"nope"', 'unknown node');
});

test('the CLI runs a demo flow with the built-in library and prints the expected result', async () => {
  const { stdout } = await cli(['run', 'demo/flows/customer-cleanup.json', '--node', 'clean', '--compact']);
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
  const file = await tempFile('pack.json', JSON.stringify(flow));
  const { stdout } = await cli(['run', file, '--library', 'dist/src/nodes', '--library', 'demo/node-pack/nodes', '--node', 'fx', '--compact']);
  assert.deepEqual(JSON.parse(stdout).rows, [{ total: 100, total_JPY: 15130 }]);
});

test('a runaway expression fails its node within seconds, naming the limit; no hang, no native stack', async () => {
  const runaways = {
    '( $f := function($x){ $f($x) + 1 }; $f(1) )': 'recursion deeper than 500 calls',
    '( $f := function(){ $f() }; $f() )': /exceeded 100,000 evaluation steps|ran longer than 1 s/,
    '$map([1..1e9], function($v){ $v })': 'made a list longer than 1,000,000 items',
  };
  for (const [expression, limit] of Object.entries(runaways)) {
    const flow = { version: 2, nodes: [{ id: 'f', type: 'transform/formula', position: { x: 0, y: 0 }, config: { expression } }], edges: [] };
    const started = Date.now();
    const { stdout, stderr, code } = await cli(['run', '-', '--compact'], JSON.stringify(flow));
    assert.equal(code, 1, `${expression}: exit 1 (a node failed), got ${code}: ${stderr}`);
    assert.ok(Date.now() - started < 15_000, `${expression}: ended within seconds`);
    assert.equal(stderr, '', `${expression}: nothing on stderr (no native stack)`);
    const [line] = JSON.parse(stdout).nodes.f.error.split('\n');
    if (typeof limit === 'string') assert.ok(line.includes(limit), `${expression}: the node's error names "${limit}": ${line}`);
    else assert.match(line, limit, `${expression}: the node's error names the limit`);
  }
});
