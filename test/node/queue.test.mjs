// The queue on a real redis-server with real worker processes: the same results as a local
// run, a killed worker's job finished by another, Redis going away fails the run in bounded
// time, a throwing node fails only its branch, and two runs share the workers.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { Queue } from 'bullmq';
import { queueExecutor } from '../../bin/lib/queue/executor.mjs';
import { redisOptions } from '../../bin/lib/queue/shared.mjs';
import { assertOneLineError, runProcess } from './lib/process.mjs';
import { DEMO_FLOWS, withoutTimings } from './lib/flows.mjs';
import { redisServer, startRedis } from './lib/redis.mjs';
import { startWorker } from './lib/workers.mjs';

const { flow } = await import('../../dist/test/fixtures/flows.js');
const { moduleUrl } = await import('../../dist/test/fixtures/engine/index.js');
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

/** Jobs of the queue not finished yet, by state. */
async function unfinishedJobs(url, name = 'v2u-nodes') {
  const queue = new Queue(name, { connection: redisOptions(url) });
  try {
    return await queue.getJobCounts('wait', 'prioritized', 'delayed', 'active');
  } finally {
    await queue.close();
  }
}

/** Polls `check` every 100 ms until it returns true; fails with `message` after `ms`. */
async function eventually(check, message, ms = 10_000) {
  const until = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > until) assert.fail(message());
    await new Promise((r) => setTimeout(r, 100));
  }
}

const idle = (counts) => Object.values(counts).every((n) => n === 0);

test('SIGINT to a queued run cancels it: waiting jobs leave the queue, the running node stops, the worker takes the next run', { skip }, async () => {
  const worker = await startWorker(redis.url, workerArgs);
  try {
    const branches = ['s1', 's2', 's3'];
    const doc = flow([['a', 'create/number', { value: 1 }], ...branches.map((id) => [id, 'utility/spin', { ms: 20_000, steps: 200 }])], branches.map((id) => `a.value>${id}.value`));
    const run = cli([await flowFile(doc), '--redis', redis.url, '--library', fixtures, '--json']);
    await worker.waitFor(/node "s\d" \(utility\/spin\) started/);
    const waiting = await unfinishedJobs(redis.url);
    assert.equal(waiting.active, 1, 'one spin runs on the one worker');
    assert.equal(waiting.wait + waiting.prioritized, 2, `two spins wait: ${JSON.stringify(waiting)}`);
    run.child.kill('SIGINT');
    const result = await run;
    assert.equal(result.code, 130, result.stderr);
    const { status, nodes } = json(result);
    assert.equal(status, 'cancelled');
    assert.ok(branches.every((id) => nodes[id].status !== 'done'), JSON.stringify(nodes));
    await eventually(async () => idle(await unfinishedJobs(redis.url)), () => `jobs of the cancelled run left on the queue: ${worker.log}`, 5000);
    assert.match(worker.log, /job \S+ cancelled/, 'the running job was cancelled on the worker');
    const next = await cli([await flowFile(slowFlow(200)), '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']);
    assert.equal(next.code, 0, next.stderr);
    assert.deepEqual(json(next), { sum: 3 });
    assert.match(worker.log, /node "slow" done/, 'the worker took the next run\u2019s jobs');
    assert.equal((worker.log.match(/\(utility\/spin\) started/g) ?? []).length, 2, 'only one spin of the cancelled run ever started (and the next run\u2019s)');
    assert.doesNotMatch(worker.log, /node "s\d" done/, 'nothing of the cancelled run finished');
  } finally {
    await worker.stop();
  }
});

/** A spin node's task for the executor API: `ms` of work in `steps`, with its signal. */
const spinTask = (nodeId, ms, signal, events = []) => ({
  runId: 1, nodeId, type: 'utility/spin', moduleUrl: moduleUrl('spin'), inputs: { value: 1 }, config: { ms, steps: Math.ceil(ms / 100), add: 1 }, priority: 'normal', signal,
  onStart: () => events.push({ start: true }), onProgress: (fraction, message) => events.push({ fraction, message }),
});

test('the executor API: a node\u2019s progress reaches onProgress; an AbortSignal removes a waiting job and stops a running one', { skip }, async () => {
  const worker = await startWorker(redis.url, workerArgs);
  const executor = await queueExecutor({ url: redis.url });
  try {
    const events = [];
    const { outputs } = await executor.execute(spinTask('p', 1500, new AbortController().signal, events));
    assert.equal(outputs.value, 2);
    assert.deepEqual(events[0], { start: true });
    const progress = events.slice(1);
    assert.ok(progress.length >= 3, `progress events arrived: ${JSON.stringify(events)}`);
    assert.ok(progress.every((p, i) => i === 0 || p.fraction >= progress[i - 1].fraction), 'in order');
    assert.ok(progress.every((p) => /^step \d+$/.test(p.message) && p.fraction > 0 && p.fraction <= 1), JSON.stringify(progress));

    const running = new AbortController();
    const waiting = new AbortController();
    const started = [];
    const first = executor.execute(spinTask('running', 20_000, running.signal, started));
    const second = executor.execute(spinTask('waiting', 20_000, waiting.signal));
    await eventually(() => started.length > 0, () => `the first node never started: ${worker.log}`);
    waiting.abort();
    running.abort();
    for (const task of [first, second]) await assert.rejects(task, (error) => error.code === 'cancelled');
    await executor.waitForWorkers(1000);
    await eventually(async () => idle(await unfinishedJobs(redis.url)), () => `jobs left on the queue: ${worker.log}`, 5000);
    assert.match(worker.log, /job \S+ cancelled/);
    assert.doesNotMatch(worker.log, /node "waiting" \(utility\/spin\) started/, 'the waiting job never ran');
    assert.doesNotMatch(worker.log, /node "running" done/);
  } finally {
    await executor.close();
    await worker.stop();
  }
});

test('SIGTERM with a short --grace hands a long node back; another worker finishes it with the same result', { skip }, async () => {
  const first = await startWorker(redis.url, [...workerArgs, '--grace', '300']);
  let second;
  try {
    const run = cli([await flowFile(slowFlow(3000)), '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']);
    await first.waitFor(/node "slow" \(utility\/spin\) started/);
    second = await startWorker(redis.url, workerArgs);
    assert.equal(await first.stop(), 0, first.log);
    assert.match(first.log, /node "slow" handed back to the queue/);
    const result = await run;
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(json(result), { sum: 3 }, 'the same result as an undisturbed run');
    assert.match(second.log, /node "slow" done/, 'the second worker ran the node');
    assert.doesNotMatch(first.log, /node "slow" done/);
  } finally {
    await first.stop();
    await second?.stop();
  }
});

test('SIGTERM with a long --grace: the worker finishes its running node, then stops', { skip }, async () => {
  const worker = await startWorker(redis.url, [...workerArgs, '--grace', '20000']);
  const run = cli([await flowFile(slowFlow(1500)), '--redis', redis.url, '--library', fixtures, '--node', 'total', '--json']);
  await worker.waitFor(/node "slow" \(utility\/spin\) started/);
  assert.equal(await worker.stop(), 0, worker.log);
  assert.match(worker.log, /node "slow" done[\s\S]*stopped/, 'finished, then stopped');
  assert.doesNotMatch(worker.log, /handed back/);
  // The run's last node (total) needs a worker: a new one takes it.
  const next = await startWorker(redis.url, workerArgs);
  try {
    const result = await run;
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(json(result), { sum: 3 });
    assert.doesNotMatch(next.log, /node "slow" (started|done)/, 'the node was not run again');
  } finally {
    await next.stop();
  }
});

test('no worker on the queue: the run fails after --wait-for-workers with one clear line', { skip }, async () => {
  const started = performance.now();
  const result = await cli([await flowFile(slowFlow(10)), '--redis', redis.url, '--queue', 'nobody-here', '--library', fixtures, '--wait-for-workers', '600', '--json']);
  assert.ok(performance.now() - started < 8000, 'in bounded time');
  assertOneLineError(result, 'no worker took jobs from queue \\"nobody-here\\"', 'no worker');
  assert.equal(result.code, 1);
  const told = await cli([await flowFile(slowFlow(10)), '--redis', redis.url, '--queue', 'nobody-here', '--library', fixtures, '--wait-for-workers', '300']);
  assert.match(told.stderr, /^v2u-editor: no worker is taking jobs from the queue yet, waiting up to 300 ms \(--wait-for-workers\); start one with: v2u-editor worker --redis redis:\/\/\S+\nv2u-editor: no worker took jobs from queue "nobody-here" at redis:\/\/\S+ within 300 ms/);
});

test('every worker gone mid-run: the nodes still out fail after --wait-for-workers, the run ends', { skip }, async () => {
  const worker = await startWorker(redis.url, workerArgs);
  const run = cli([await flowFile(slowFlow(30_000)), '--redis', redis.url, '--library', fixtures, '--wait-for-workers', '1000', '--json']);
  await worker.waitFor(/node "slow" \(utility\/spin\) started/);
  const killedAt = performance.now();
  await worker.kill();
  const result = await run;
  assert.ok(performance.now() - killedAt < 8000, `the run ended ${Math.round(performance.now() - killedAt)} ms after the last worker went`);
  assert.equal(result.code, 1, result.stderr);
  const { status, nodes } = json(result);
  assert.equal(status, 'error');
  assert.match(nodes.slow.error, /^no worker took jobs from queue "v2u-nodes" at redis:\/\/\S+ within 1000 ms \(--wait-for-workers\)/);
  assert.equal(nodes.total.blockedBy, 'slow');
  // The killed worker's job comes back once its lock lapses: cancelled, it is not run again.
  const next = await startWorker(redis.url, workerArgs);
  try {
    await eventually(async () => idle(await unfinishedJobs(redis.url)), () => `the orphaned job stayed on the queue: ${next.log}`, 8000);
    assert.doesNotMatch(next.log, /node "slow" \(utility\/spin\) started/);
  } finally {
    await next.stop();
  }
});
