// `node bench/pool-ceiling.mjs [--rows=N] [--rounds=N] [--shapes=independent,shared,halves,spin]`: what two threads can gain over one on
// this machine for the heavy run's own work, with nothing of V2U's runtime in the way. The
// heavy run's flows (bench/scenarios/heavy-run.mjs) are run by calling the built node modules'
// `processLogic` (dist/src/nodes) in Node worker threads:
// - "4 sources": four chains, each a sample-data source of ¼ of the rows and its branch; one
//   thread runs all four, two threads two each (the split that balances one thread's times);
// - "one source": one thread makes the source and runs the four branches on it; with two
//   threads, the first makes the source, posts a copy of its column buffers to the second (as
//   the pool does: `ownBuffers`, transferred) and both run their branches;
// - "one source, split in halves": the bound of data-parallel running (every node split into
//   partitions): each of two threads makes half of the rows and runs all four branches on its
//   half, with no merge of the halves counted; its "balanced" figure is one thread's time on
//   all the rows over one thread's on half of them (how far halving the data halves the work);
// - "spin", the control: four parts of integer arithmetic (no memory, no allocation), as the
//   heavy run's spin branches.
// Each thread first loads the modules and reports ready; the work starts when every thread is
// ready, and each thread times its own work (thread start-up left out). No engine, no pool, no
// browser: the speedup here is a ceiling for the pool's on the same work and machine. "cold":
// modules loaded, their code never run (a fresh worker, as in each bench run); "warm": each
// thread first runs its part once on 2,000 rows. Each part's own time is kept for one and
// for two threads, so what running beside another costs each part shows.
// Writes bench/results/pool-ceiling/latest.{json,md}. Run after `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { MessageChannel, Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { summarize } from './lib/stats.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const DIST = new URL('../dist/src/', import.meta.url);
const WARM_ROWS = 2000;
/** Steps of each spin part: about a quarter of a second of one core here. */
const SPIN_STEPS = 50_000_000;
const load = async (type) => (await import(new URL(`nodes/${type}.js`, DIST))).default;
const context = (config) => ({ signal: new AbortController().signal, config, nodeId: 'ceiling', log() {} });

/** A flow's sources and, per branch, its steps (outputs left out: they pass the table on). */
function partsOf(shape, rows) {
  if (shape === 'spin') return { sources: new Map(), branches: [0, 1, 2, 3].map(() => ({ spin: SPIN_STEPS, steps: [] })) };
  const flow = orderFlow(rows, shape);
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const sources = flow.nodes.filter((n) => n.type === 'create/sample-data');
  const branches = flow.edges
    .filter((e) => byId.get(e.from.node).type === 'create/sample-data')
    .map((first) => {
      const steps = [];
      for (let id = first.to.node; id; id = flow.edges.find((e) => e.from.node === id)?.to.node) {
        const { type, config } = byId.get(id);
        if (!type.startsWith('output/')) steps.push([type, config]);
      }
      return { source: first.from.node, steps };
    });
  return { sources: new Map(sources.map((s) => [s.id, s.config])), branches };
}

async function make(config, rows) {
  return (await (await load('create/sample-data')).processLogic({}, context({ ...config, rows }), () => {})).rows;
}

function spin(steps) {
  let x = 0;
  for (let i = 0; i < steps; i++) x = (x + i * 7) % 1000003;
  return x;
}

async function steps(list, table) {
  for (const [type, config] of list) table = (await (await load(type)).processLogic({ rows: table }, context(config), () => {})).rows;
  return table;
}

/**
 * One thread's part: `branches` (each with its source's config), run on their own sources, or
 * on one shared table that this thread makes and sends (`share: 'make'`) or receives (`'receive'`).
 */
async function part({ branches, share, port, rows, source }) {
  const { ownBuffers, buffersOf } = await import(new URL('core/table/index.js', DIST));
  const times = [];
  let table;
  if (share === 'make') {
    const start = performance.now();
    table = await make(source, rows);
    times.push(performance.now() - start);
    if (port) {
      const copy = ownBuffers(table);
      port.postMessage(copy, buffersOf(copy));
    }
  }
  if (share === 'receive') table = await new Promise((resolve) => port.once('message', resolve));
  for (const branch of branches) {
    const start = performance.now();
    if (branch.spin) spin(rows === WARM_ROWS ? 1000 : branch.spin);
    else await steps(branch.steps, table ?? (await make(branch.source, rows)));
    times.push(performance.now() - start);
  }
  return times;
}

if (!isMainThread) {
  const { branches, warm, share } = workerData;
  await Promise.all(['create/sample-data', ...branches.flatMap((b) => b.steps.map(([type]) => type))].map(load));
  if (warm) await part({ ...workerData, share: share && 'make', port: undefined, rows: WARM_ROWS });
  parentPort.postMessage('ready');
  await new Promise((go) => parentPort.once('message', go));
  const start = performance.now();
  const times = await part(workerData);
  parentPort.postMessage({ times, total: performance.now() - start });
} else {
  const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const rows = arg('rows', 1_000_000);
  const rounds = arg('rounds', 5);
  const sum = (list) => list.reduce((s, t) => s + t, 0);
  const message = (worker) =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a ceiling thread exited (${code}) before it answered`)));
    });

  /** Starts a thread per part; once all are ready, lets them go; resolves with each one's times. */
  const threads = async (parts) => {
    const workers = parts.map(({ transfer = [], ...data }) => {
      // A million rows' tables need more than Node's default old space per thread, as in the CLI.
      const worker = new Worker(new URL(import.meta.url), { workerData: data, transferList: transfer, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
      return { worker, ready: message(worker), exited: new Promise((resolve) => worker.once('exit', resolve)) };
    });
    await Promise.all(workers.map((w) => w.ready));
    const done = workers.map(({ worker }) => message(worker));
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (const { worker } of workers) worker.postMessage('go');
    const answers = await Promise.all(done);
    // Cores kept busy while the parts ran: the threads' own work and V8's helper threads (GC,
    // freeing buffers, optimizing compiles) for them; this thread only waits.
    const used = process.cpuUsage(cpu);
    answers.cores = (used.user + used.system) / 1000 / (performance.now() - start);
    // The next start finds no thread of this one still tearing its heap down.
    await Promise.all(workers.map((w) => w.exited));
    return answers;
  };

  /** Indexes of `times` in two lists whose sums are closest, longest first to the lighter side. */
  const split = (times) => {
    const halves = [[], []];
    const loads = [0, 0];
    for (const i of times.map((_, i) => i).sort((a, b) => times[b] - times[a])) {
      const h = loads[0] <= loads[1] ? 0 : 1;
      halves[h].push(i);
      loads[h] += times[i];
    }
    return halves;
  };

  const SHAPES = [
    ['independent', '4 sources of ¼ of the rows, 1 branch each'],
    ['shared', 'one source, 4 branches'],
    ['halves', 'one source, 4 branches, split in halves (data-parallel, no merge)'],
    ['spin', '4 parts of integer arithmetic (the control)'],
  ];
  const before = loadavg();
  const results = [];
  const only = process.argv.find((a) => a.startsWith('--shapes='))?.split('=')[1].split(',');
  for (const [shape, label] of SHAPES.filter(([shape]) => !only || only.includes(shape))) {
    const halved = shape === 'halves';
    const shared = shape === 'shared' || halved;
    const { sources, branches: list } = partsOf(halved ? 'shared' : shape, rows);
    const partRows = shared ? rows : Math.round(rows / list.length);
    const branches = list.map((b) => ({ ...b, source: sources.get(b.source) }));
    for (const warm of shape === 'spin' ? [false] : [false, true]) {
      const one = [];
      const two = [];
      const perPart = [];
      const beside = [];
      const halfOne = [];
      const cores = { one: [], two: [] };
      for (let round = 0; round < rounds; round++) {
        const base = { warm, rows: partRows, source: branches[0].source };
        const singles = await threads([{ ...base, branches, share: shared ? 'make' : undefined }]);
        const [single] = singles;
        one.push(single.total);
        cores.one.push(singles.cores);
        if (halved) {
          const half = { ...base, rows: Math.round(rows / 2), branches, share: 'make' };
          const [alone] = await threads([half]);
          const pair = await threads([half, half]);
          two.push(Math.max(...pair.map((p) => p.total)));
          cores.two.push(pair.cores);
          perPart.push(alone.times);
          beside.push(pair[0].times);
          halfOne.push(alone.total);
          continue;
        }
        perPart.push(single.times);
        // Both threads start their branches once the shared source is made: balance the branches alone.
        const halves = split(shared ? single.times.slice(1) : single.times);
        let parts = halves.map((h) => ({ ...base, branches: h.map((i) => branches[i]) }));
        if (shared) {
          const { port1, port2 } = new MessageChannel();
          parts = [{ ...parts[0], share: 'make', port: port1, transfer: [port1] }, { ...parts[1], share: 'receive', port: port2, transfer: [port2] }];
        }
        const pair = await threads(parts);
        two.push(Math.max(...pair.map((p) => p.total)));
        cores.two.push(pair.cores);
        // Each part's time beside the other thread, in the one-thread order (one source: the source first).
        const times = [];
        halves.forEach((h, k) => {
          const own = shared && k === 0 ? pair[k].times.slice(1) : pair[k].times;
          h.forEach((i, j) => (times[(shared ? 1 : 0) + i] = own[j]));
        });
        if (shared) times[0] = pair[0].times[0];
        beside.push(times);
      }
      const medians = perPart[0].map((_, i) => summarize(perPart.map((t) => t[i])).median);
      const besideMedians = medians.map((_, i) => summarize(beside.map((t) => t[i])).median);
      const branchMedians = shared ? medians.slice(1) : medians;
      // The source first (one source: nothing runs beside it), then the branches split as evenly as they allow.
      const ideal = halved ? summarize(one).median / summarize(halfOne).median : sum(medians) / ((shared ? medians[0] : 0) + Math.max(...split(branchMedians).map((h) => sum(h.map((i) => branchMedians[i])))));
      results.push({ shape, label, warm, one: summarize(one), two: summarize(two), speedup: summarize(one.map((t, i) => t / two[i])), cores: { one: summarize(cores.one).median, two: summarize(cores.two).median }, parts: medians, beside: besideMedians, ideal });
    }
  }
  const after = loadavg();
  const out = { date: new Date().toISOString(), cores: cpus().length, cpu: cpus()[0]?.model, node: process.version, rows, rounds, loadavg: { before, after }, results };
  const dir = new URL('./results/pool-ceiling/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('latest.json', dir), JSON.stringify(out, null, 1) + '\n');
  const fmt = (s) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
  const md = [
    '# Pool ceiling: two threads over one on the heavy run’s own work, with nothing else',
    '',
    `${out.date}, ${out.cores} cores (${out.cpu}), Node ${out.node}, ${rows.toLocaleString('en')} rows, ${rounds} rounds alternating; load average (1 / 5 / 15 min) ${before.map((l) => l.toFixed(2)).join(' / ')} before, ${after.map((l) => l.toFixed(2)).join(' / ')} after.`,
    '',
    'The heavy run’s flows (and a control of pure arithmetic) with their node modules called directly in Node worker threads (`node bench/pool-ceiling.mjs`): no engine, no pool, no browser. Times are the threads’ own, from the moment every thread had its modules loaded; two threads’ time is the slower one’s (for one source: the first makes the source and posts a copy of its buffers to the second). Speedup: one thread’s time over two threads’, per round. “Balanced, no contention”: the one-thread times of the parts, split as evenly as they allow over two threads, as if running together slowed nothing down and the copy cost nothing (for one source: the source, then the branches split; this is Amdahl’s bound for the flow; split in halves: one thread’s time on all the rows over its time on half of them).',
    '',
    'Cores busy: the process’s CPU time over the wall time while the parts ran (medians). One thread of V2U’s work keeps more than one core busy: V8 collects garbage, frees buffers and optimizes code on helper threads, on the core the second thread would take. Two threads over one can gain at most 2 ÷ that figure on 2 cores.',
    '',
    'Per part (ms, medians; one source: the source first): each part’s own time alone in one thread, and the same part’s time with the other thread running beside it (split in halves: both on half of the rows).',
    '',
    '| flow | code | one thread | two threads | speedup | balanced, no contention | cores busy: one thread / two | per part, alone | per part, beside another |',
    '|---|---|---:|---:|---:|---:|---:|---|---|',
    ...results.map((r) => `| ${r.label} | ${r.warm ? 'warm' : 'cold'} | ${fmt(r.one)} | ${fmt(r.two)} | ${r.speedup.median.toFixed(2)}× (${r.speedup.min.toFixed(2)}–${r.speedup.max.toFixed(2)}) | ${r.ideal.toFixed(2)}× | ${r.cores.one.toFixed(2)} / ${r.cores.two.toFixed(2)} | ${r.parts.map((t) => Math.round(t)).join(' / ')} | ${r.beside.map((t) => Math.round(t)).join(' / ')} |`),
    '',
  ].join('\n');
  writeFileSync(new URL('latest.md', dir), md);
  console.log(md);
}
