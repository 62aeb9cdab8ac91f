// `node bench/queue.mjs`: executors compared, by hand (a few minutes). Writes
// bench/results/queue/latest.json and latest.md. Needs the build (dist/) and redis-server.
//   1. the demo flows give identical outputs in-process, on worker threads, on the queue (1 and 2 workers);
//   2. a CPU-bound flow with 4 independent branches: 2 workers vs 1, for threads and for the queue,
//      next to the same work on bare worker_threads (what this machine gives at its current load);
//      (--iterations=N work per branch, --repeats=N, --empty-nodes=N)
//   3. the queue's overhead per node on an empty node: p50 and p95 against worker threads.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import { inProcessExecutor } from '../dist/src/runtime/pool/in-process-executor.js';
import { queueExecutor } from '../bin/lib/queue/executor.mjs';
import { threadExecutor } from '../bin/lib/threads.mjs';
import { runFlow } from '../bin/lib/run-flow.mjs';
import { comparableRun, DEMO_FLOWS } from '../test/node/lib/flows.mjs';
import { redisServer, startRedis } from '../test/node/lib/redis.mjs';
import { startWorker } from '../test/node/lib/workers.mjs';
import { percentile, summarize } from './lib/stats.mjs';

const { flow } = await import('../dist/test/fixtures/flows.js');
const { moduleUrl } = await import('../dist/test/fixtures/engine/index.js');
const fixtures = 'dist/test/fixtures/engine';
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ITERATIONS = arg('iterations', 60_000_000);
const REPEATS = arg('repeats', 3);
const EMPTY_NODES = arg('empty-nodes', 200);
const OUT = 'bench/results/queue';

const { path, skip } = redisServer();
if (skip) throw new Error(skip);
const redis = await startRedis(path);
const results = { date: new Date().toISOString(), machine: { cpus: availableParallelism(), model: cpus()[0]?.model, loadavg: loadavg() }, settings: { ITERATIONS, REPEATS, EMPTY_NODES } };
try {
  results.identical = await identicalOutputs();
  results.throughput = await throughput();
  results.overhead = await overhead();
} finally {
  await redis.stop();
}
results.machine.loadavgAfter = loadavg();
await mkdir(OUT, { recursive: true });
await writeFile(`${OUT}/latest.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${OUT}/latest.md`, markdown(results));
console.log(markdown(results));

/** With `count` worker processes of one job each, runs `fn(executor)` on the queue. */
async function onQueue(count, fn, libraries = []) {
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(redis.url, ['--concurrency', '1', ...libraries.flatMap((l) => ['--library', l])])));
  const executor = await queueExecutor({ url: redis.url, timeoutMs: 600_000 });
  try {
    return await fn(executor);
  } finally {
    await executor.close();
    await Promise.all(workers.map((w) => w.stop()));
  }
}

async function onThreads(size, fn) {
  const executor = threadExecutor({ size, timeoutMs: 600_000 });
  try {
    return await fn(executor);
  } finally {
    executor.close();
  }
}

async function identicalOutputs() {
  const rows = [];
  for (const file of DEMO_FLOWS) {
    const expected = await comparableRun(file, inProcessExecutor());
    const same = async (executor) => isDeepStrictEqual(await comparableRun(file, executor), expected);
    rows.push({
      flow: file, status: expected.report.status,
      threads: await onThreads(2, same), queue1: await onQueue(1, same), queue2: await onQueue(2, same),
    });
  }
  return rows;
}

/** 4 independent branches of fixed CPU work (`ITERATIONS` steps each, not a wall-clock wait) into one sum. */
function wideWork() {
  return flow(
    [['sum', 'transform/sum'], ...[0, 1, 2, 3].flatMap((i) => [[`n${i}`, 'create/number', { value: i }], [`w${i}`, 'utility/work', { iterations: ITERATIONS }]])],
    [0, 1, 2, 3].flatMap((i) => [`n${i}.value>w${i}.value`, `w${i}.value>sum.values`]),
  );
}

/**
 * The wide flow `REPEATS` times. Each run's work nodes are traced (started on a worker, done, in
 * ms from the run's start) and so is the most of them that ran at once: 2 workers should show 2.
 */
async function timeWide(executor) {
  const times = [];
  const traces = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    const trace = {};
    const onEvent = (event) => {
      if (event.type !== 'node-status' || !event.nodeId.startsWith('w')) return;
      const at = Math.round(performance.now() - started);
      if (event.state.status === 'running') trace[event.nodeId] = [at];
      else if (event.state.status === 'done') trace[event.nodeId]?.push(at);
    };
    const { summary } = await runFlow(JSON.stringify(wideWork()), { libraries: [fixtures], executor, onEvent });
    if (summary.status !== 'done') throw new Error(`the wide flow ended ${summary.status}`);
    times.push(performance.now() - started);
    traces.push({ nodes: trace, atOnce: averageAtOnce(Object.values(trace)) });
  }
  return { ...summarize(times), traces };
}

/** Work nodes running at once on average while any ran: their summed durations over the span from the first start to the last end. */
function averageAtOnce(intervals) {
  const busy = intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
  const span = Math.max(...intervals.map(([, end]) => end)) - Math.min(...intervals.map(([start]) => start));
  return Math.round((busy / span) * 100) / 100;
}

/**
 * The machine's own figure, without any of our code: the work node's loop, 4 times, on 1 and
 * on 2 bare worker_threads. What 2 workers can gain here at this load.
 */
async function bareThreads() {
  // The loop in a function, as in the node (top-level script code is optimized less well).
  const loop = `const { workerData, parentPort } = require('node:worker_threads');
    const work = (iterations) => { let x = 0; for (let i = 0; i < iterations; i++) x = (x * 1103515245 + 12345) % 2147483647; return x; };
    parentPort.postMessage(work(workerData));`;
  const once = () => new Promise((resolve, reject) => new Worker(loop, { eval: true, workerData: ITERATIONS }).once('message', resolve).once('error', reject));
  const time = async (size) => {
    const times = [];
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      for (let batch = 0; batch < 4; batch += size) await Promise.all(Array.from({ length: size }, once));
      times.push(performance.now() - started);
    }
    return summarize(times);
  };
  const one = await time(1);
  const two = await time(2);
  return { one, two, speedup: Math.round((one.median / two.median) * 100) / 100 };
}

async function throughput() {
  const threads = { one: await onThreads(1, timeWide), two: await onThreads(2, timeWide) };
  const queue = { one: await onQueue(1, timeWide, [fixtures]), two: await onQueue(2, timeWide, [fixtures]) };
  const speedup = (r) => Math.round((r.one.median / r.two.median) * 100) / 100;
  return { bare: await bareThreads(), threads: { ...threads, speedup: speedup(threads) }, queue: { ...queue, speedup: speedup(queue) } };
}

/** Latency of one empty node (create/number) sent alone, `EMPTY_NODES` times in a row. */
async function latencies(executor) {
  const times = [];
  for (let i = 0; i < EMPTY_NODES; i++) {
    const started = performance.now();
    await executor.execute({ runId: 1, nodeId: `n${i}`, type: 'create/number', moduleUrl: moduleUrl('number'), inputs: {}, config: { value: i }, priority: 'normal', signal: new AbortController().signal, onStart() {}, onProgress() {} });
    times.push(performance.now() - started);
  }
  const kept = times.slice(Math.min(10, times.length - 1));
  const round = (v) => Math.round(v * 100) / 100;
  return { nodes: kept.length, p50: round(percentile(kept, 50)), p95: round(percentile(kept, 95)) };
}

async function overhead() {
  return { threads: await onThreads(1, latencies), queue: await onQueue(1, latencies, [fixtures]) };
}

function loads(l) {
  return l.map((v) => v.toFixed(2)).join(' / ');
}

function atOnce(s) {
  return s.traces.map((t) => t.atOnce).join(', ');
}

function markdown(r) {
  const yes = (ok) => (ok ? 'identical' : '**differs**');
  const ms = (s) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
  return `# Executors: in-process, worker threads, queue (BullMQ on Redis)

${r.date}, ${r.machine.cpus} cores (${r.machine.model}), load average (1 / 5 / 15 min) ${loads(r.machine.loadavg)} at the start, ${loads(r.machine.loadavgAfter)} at the end.
The machine is shared: with a load average over its core count, other processes take CPU time from the workers and a speedup measured here understates what 2 free cores give.
Workers of the queue are \`v2u-editor worker --concurrency 1\` processes on this machine, Redis local.

## Identical outputs (report without timings, and every node's complete outputs)

| flow | in-process | worker threads (2) | queue, 1 worker | queue, 2 workers |
|---|---|---|---|---|
${r.identical.map((row) => `| ${row.flow} | ${row.status} | ${yes(row.threads)} | ${yes(row.queue1)} | ${yes(row.queue2)} |`).join('\n')}

## CPU-bound flow, 4 independent branches of ${r.settings.ITERATIONS.toLocaleString('en')} steps of work each (median of ${r.settings.REPEATS}, min–max)

| executor | 1 worker | 2 workers | speedup (target ≥ 1.8×) |
|---|---:|---:|---:|
| bare worker_threads, no V2U code (the machine's own figure) | ${ms(r.throughput.bare.one)} | ${ms(r.throughput.bare.two)} | ${r.throughput.bare.speedup}× |
| worker threads | ${ms(r.throughput.threads.one)} | ${ms(r.throughput.threads.two)} | ${r.throughput.threads.speedup}× |
| queue | ${ms(r.throughput.queue.one)} | ${ms(r.throughput.queue.two)} | ${r.throughput.queue.speedup}× |

Work nodes running at once with 2 workers, on average over the span they ran (per repeat; from the engine's running/done events; 2 is the most): worker threads ${atOnce(r.throughput.threads.two)}, queue ${atOnce(r.throughput.queue.two)}.

## Time per empty node (create/number), sent one at a time (${r.overhead.queue.nodes} nodes after 10 warm-up)

| executor | p50 | p95 |
|---|---:|---:|
| worker threads | ${r.overhead.threads.p50} ms | ${r.overhead.threads.p95} ms |
| queue | ${r.overhead.queue.p50} ms | ${r.overhead.queue.p95} ms |
`;
}
