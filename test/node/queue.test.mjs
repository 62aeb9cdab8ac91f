// The queue on a real redis-server with real worker processes: the same results as a local
// run, a killed worker's job finished by another, Redis going away fails the run in bounded
// time, a throwing node fails only its branch, and two runs share the workers.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { runProcess } from './lib/process.mjs';
import { DEMO_FLOWS, withoutTimings } from './lib/flows.mjs';
import { redisServer, startRedis } from './lib/redis.mjs';
import { startWorker } from './lib/workers.mjs';

const { flow } = await import('../../dist/test/fixtures/flows.js');
const fixtures = 'dist/test/fixtures/engine';
const bin = resolve('bin/v2u-editor.mjs');
const { path: redisPath, skip } = redisServer();
// A killed worker's job goes to another once its lock lapses: short here, to keep the test short.
const workerArgs = ['--library', fixtures, '--concurrency', '1', '--lock-ms', '1500'];
let redis;

const cli = (args) => runProcess('node', [bin, 'run', ...args]);
const json = (result) => JSON.parse(result.stdout);

async function flowFile(doc) {
  const file = join(await mkdtemp(join(tmpdir(), 'v2u-queue-')), 'flow.json');
  await writeFile(file, JSON.stringify(doc));
  return file;
}

/** a → slow (spin `ms`) → total = slow + a */
const slowFlow = (ms, id = 'slow') =>
  flow([['a', 'create/number', { value: 1 }], [id, 'utility/spin', { ms, steps: Math.ceil(ms / 100) }], ['total', 'transform/add']], [`a.value>${id}.value`, `${id}.value>total.a`, 'a.value>total.b']);

before(async () => {
  if (!skip) redis = await startRedis(redisPath);
});
after(() => redis?.stop());

test('the demo flows print the same result in-process and on the queue (two workers)', { skip }, async () => {
  const workers = [await startWorker(redis.url, ['--concurrency', '1']), await startWorker(redis.url, ['--concurrency', '1'])];
  try {
    for (const file of DEMO_FLOWS) {
      const local = await cli([file, '--in-process', '--full', '--json']);
      const queued = await cli([file, '--redis', redis.url, '--full', '--json']);
      assert.equal(queued.code, 0, `${file}: ${queued.stderr}`);
      assert.deepEqual(withoutTimings(json(queued)), withoutTimings(json(local)), `${file}: same result`);
    }
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
});

test('a worker killed mid-node (SIGKILL): another worker runs the job again and the run finishes', { skip }, async () => {
  const file = await flowFile(slowFlow(2500));
  const first = await startWorker(redis.url, workerArgs);
  const run = cli([file, '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']);
  await first.waitFor(/node "slow" \(utility\/spin\) started/);
  const second = await startWorker(redis.url, workerArgs);
  await first.kill();
  const result = await run;
  await second.stop();
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(json(result), { sum: 3 }, 'the same result as an undisturbed run');
  assert.match(second.log, /node "slow" done/, 'the second worker ran the node');
});

test('Redis stopping mid-run fails the run with a clear error in bounded time', { skip }, async () => {
  const own = await startRedis(redisPath);
  const worker = await startWorker(own.url, workerArgs);
  try {
    const file = await flowFile(slowFlow(30_000));
    const run = cli([file, '--redis', own.url, '--library', fixtures, '--json']);
    await worker.waitFor(/node "slow" \(utility\/spin\) started/);
    const stoppedAt = performance.now();
    await own.stop();
    const result = await run;
    const waited = performance.now() - stoppedAt;
    assert.equal(result.code, 1);
    assert.ok(waited < 15_000, `the run ended ${Math.round(waited)} ms after Redis stopped`);
    const { status, nodes } = json(result);
    assert.equal(status, 'error');
    assert.match(nodes.slow.error, /lost the queue: Redis at redis:\/\/127\.0\.0\.1:\d+ did not answer/);
    assert.equal(nodes.total.blockedBy, 'slow');
  } finally {
    await worker.kill();
    await own.stop();
  }
});

test('a node that throws fails only its branch; the rest of the flow finishes', { skip }, async () => {
  const worker = await startWorker(redis.url, ['--library', fixtures]);
  try {
    const doc = flow(
      [['a', 'create/number', { value: 1 }], ['bad', 'utility/fail'], ['below', 'transform/add'], ['good', 'transform/add', { plus: 5 }]],
      ['a.value>bad.value', 'bad.value>below.a', 'a.value>good.a'],
    );
    const result = await cli([await flowFile(doc), '--redis', redis.url, '--library', fixtures, '--full', '--json']);
    assert.equal(result.code, 1);
    const { nodes } = json(result);
    assert.equal(nodes.bad.status, 'error');
    assert.equal(nodes.bad.error, 'boom on call 1', 'the node\u2019s own message, thrown once (not retried)');
    assert.equal(nodes.below.blockedBy, 'bad');
    assert.deepEqual(nodes.good.output, { sum: 6 });
  } finally {
    await worker.stop();
  }
});

test('two runs of different flows at once share the workers and both finish', { skip }, async () => {
  const workers = [await startWorker(redis.url, workerArgs), await startWorker(redis.url, workerArgs)];
  try {
    const [one, two] = await Promise.all([
      cli([await flowFile(slowFlow(600, 'first')), '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']),
      cli([await flowFile(slowFlow(600, 'second')), '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']),
    ]);
    assert.deepEqual([one.code, two.code], [0, 0], one.stderr + two.stderr);
    assert.deepEqual([json(one), json(two)], [{ sum: 3 }, { sum: 3 }]);
    const log = workers.map((w) => w.log).join('');
    assert.match(log, /node "first" done/);
    assert.match(log, /node "second" done/);
    assert.ok(workers.every((w) => /done in/.test(w.log)), 'both workers took jobs');
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
});

test('an output over the queue\u2019s size limit fails its node with an error naming the limit', { skip }, async () => {
  const worker = await startWorker(redis.url, ['--library', fixtures]);
  try {
    const doc = flow([['big', 'create/range', { rows: 100_000 }]]);
    const result = await cli([await flowFile(doc), '--redis', redis.url, '--library', fixtures, '--max-output-mb', '1', '--json']);
    assert.equal(result.code, 1);
    assert.match(json(result).nodes.big.error, /the outputs of node "big" take [\d.]+ MB, over the queue's limit of 1 MB \(--max-output-mb\)/);
  } finally {
    await worker.stop();
  }
});
