// The package as users get it: `npm pack` of the build, installed from the tarball into a
// fresh project, the CLI run through `npx`. Slow (one pack, one install: about a minute),
// so every check shares them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertOneLineError, runProcess } from './lib/process.mjs';

const flows = readdirSync('demo/flows')
  .map((name) => resolve('demo/flows', name))
  .filter((path) => Array.isArray(JSON.parse(readFileSync(path, 'utf8')).nodes));
// A test, a fixture or a benchmark has no place in what users install.
const NOT_SHIPPED = [/(^|\/)(test|tests|__tests__|fixtures|bench|benchmarks?)\//, /\.(test|spec)\.[cm]?[jt]s$/, /(^|\/)bench[-.]/];

async function npm(args, options) {
  const result = await runProcess('npm', args, options);
  assert.equal(result.code, 0, `npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

describe('the package as users get it', { timeout: 300_000 }, () => {
  let dir;
  let packed;
  const v2u = (args, input) => runProcess('npx', ['--no', '--', 'v2u-editor', ...args], { cwd: join(dir, 'project'), input });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'v2u-package-'));
    [packed] = JSON.parse(await npm(['pack', '--json', '--pack-destination', dir]));
    const project = join(dir, 'project');
    await mkdir(project);
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'uses-v2u', version: '1.0.0', private: true }));
    await npm(['install', join(dir, packed.filename), '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project });
  });

  after(() => dir && rm(dir, { recursive: true, force: true }));

  it('ships no test, fixture or benchmark code', () => {
    const paths = packed.files.map((file) => file.path);
    assert.ok(paths.includes('bin/v2u-editor.mjs'), 'the bin is in the package');
    const strays = paths.filter((path) => NOT_SHIPPED.some((pattern) => pattern.test(path)));
    assert.deepEqual(strays, [], 'test or bench files in the tarball');
  });

  it('--help exits 0 and prints the usage', async () => {
    const { stdout, code } = await v2u(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: v2u-editor run/);
  });

  it('runs every demo flow and prints a small summary with every node done', async () => {
    assert.ok(flows.length >= 3, 'the demo flows are found');
    for (const flow of flows) {
      const { stdout, stderr, code } = await v2u(['run', flow]);
      assert.equal(code, 0, `${flow}: exit 0 (${stderr})`);
      assert.equal(stderr, '', `${flow}: nothing on stderr`);
      assert.ok(stdout.length < 16_000, `${flow}: the summary is small (${stdout.length} characters)`);
      const result = JSON.parse(stdout);
      assert.equal(result.status, 'done', flow);
      for (const [id, node] of Object.entries(result.nodes)) assert.equal(node.status, 'done', `${flow}: ${id} is done`);
    }
  });

  it('--full prints every row', async () => {
    const { stdout, code } = await v2u(['run', resolve('demo/flows/order-analytics.json'), '--full', '--compact']);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).nodes.orders.output.rows.length, 20_000);
  });

  it('reads the flow from stdin', async () => {
    const { stdout, code } = await v2u(['run', '-', '--node', 'clean', '--compact'], readFileSync('demo/flows/customer-cleanup.json'));
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).rows.map((r) => r.customerId), ['C-0000001', 'C-0000004', 'C-0000006']);
  });

  it('a malformed flow exits non-zero with one line and no stack', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "version": 2, "nodes": [ ');
    assertOneLineError(await v2u(['run', bad]), `${bad}: $: not valid JSON`, 'bad JSON');
    assertOneLineError(await v2u(['run', join(dir, 'missing.json')]), 'missing.json', 'missing file');
  });
});
