// V2U only: the order analytics flow on 1,000,000 rows with four branches, run in the
// worker pool, in one worker and on the main thread, with the main thread's long tasks.
// Needs `editor.run()`, `editor.metrics.pool` and the order nodes of the built-in library;
// one worker / main thread also need a `poolSize` property (0 = main thread).
import { openProbeFlow } from '../lib/probe-flow.mjs';
import { loadavg } from 'node:os';
import { withTimeout } from '../lib/browser.mjs';
import { cpuBetween, threadTimes } from '../lib/proc-cpu.mjs';
import { summarize } from '../lib/stats.mjs';
import { notBuilt, probe } from './probe.mjs';

export const id = 'heavy-run';
export const title = 'Heavy run: order analytics, 4 branches (1,000,000 rows; 200,000 in --quick)';
const ROWS = 1_000_000;
/**
 * Two shapes of the flow: four branches on one source (the rows must reach both workers: a
 * copy, or the source made again), and four independent branches, each with its own source
 * of a quarter of the rows (nothing to move).
 */
const SHAPES = [
  ['shared', 'one source, 4 branches', 1.6],
  ['independent', '4 sources of ¼ of the rows, 1 branch each', 1.6],
  ['spin', '4 independent CPU-bound branches (bench/spin, no data)', 1.8],
];
const TARGETS = { longTask: 'no long task > 50 ms', runMs: 2800 };
/** Steps of each bench/spin node, whatever the row count: about half a second of one core here. */
const SPIN_STEPS = 500_000_000;

/** sample-data → four branches (filter and/or group) → a table each; `independent`: a source per branch. */
export function orderFlow(rows = ROWS, shape = 'shared') {
  const node = (id, type, x, y, config = {}) => ({ id, type, position: { x, y }, config });
  const branches = [
    [['transform/filter', { expression: 'total > 100' }], ['transform/group', { groupBy: 'region', aggregations: 'orders = count()\nrevenue = sum(total)' }]],
    [['transform/sort', { keys: 'total desc' }]],
    [['transform/filter', { expression: "status = 'returned'" }], ['transform/group', { groupBy: 'product', aggregations: 'returns = count()' }]],
    [['transform/group', { groupBy: 'customerId', aggregations: 'spent = sum(total)' }]],
  ];
  const source = (id, y, count, seed) => node(id, 'create/sample-data', 40, y, { dataset: 'orders', rows: count, seed });
  const nodes = shape === 'shared' ? [source('orders', 300, rows, 42)] : [];
  const edges = [];
  branches.forEach((steps, b) => {
    let previous = 'orders';
    if (shape !== 'shared') nodes.push(source((previous = `orders${b}`), 40 + b * 160, Math.round(rows / branches.length), 42 + b));
    [...steps, ['output/table', {}]].forEach(([type, config], s) => {
      const nodeId = `b${b}s${s}`;
      nodes.push(node(nodeId, type, 300 + s * 260, 40 + b * 160, config));
      edges.push({ id: `e-${nodeId}`, from: { node: previous, port: 'rows' }, to: { node: nodeId, port: 'rows' } });
      previous = nodeId;
    });
  });
  return { version: 2, nodes, edges, groups: [], viewport: { x: 0, y: 0, zoom: 1 }, metadata: {} };
}

/** Four bench/spin nodes, no edges: the branches share nothing. */
export function spinFlow() {
  const nodes = [0, 1, 2, 3].map((b) => ({ id: `spin${b}`, type: 'bench/spin', position: { x: 40, y: 40 + b * 160 }, config: { steps: SPIN_STEPS } }));
  return { version: 2, nodes, edges: [], groups: [], viewport: { x: 0, y: 0, zoom: 1 }, metadata: {} };
}

const flowOf = (shape, rows) => (shape === 'spin' ? spinFlow() : orderFlow(rows, shape));
const cpuText = (c) => `${c.all} ms (workers ${c.workers.join(' + ') || 0}, V8/Blink thread pool ${c.gcPool}, main threads ${c.main}, other ${c.other})`;

export async function run(context) {
  const features = await probe(context);
  const figures = SHAPES.flatMap(([, label]) => [[`Run time, ${label}: pool / one worker / main thread`], [`Longest main-thread task during the pool runs, ${label}`, TARGETS.longTask], [`Pool speedup over one worker, ${label}`, TARGETS.speedup]]);
  if (!features.run) return notBuilt(figures, 'no editor.run()');
  if (!features.pool) return notBuilt(figures, 'no editor.metrics.pool');
  if (features.orderNodes.length < 4) return notBuilt(figures, 'order nodes missing from the built-in library');
  if (!features.poolSizeProperty) return notBuilt(figures, 'no poolSize property');
  const rows = [];
  for (const [shape, label, target] of SHAPES) {
    // A spin node never yields: on the main thread it would be one long task, so it runs in workers only.
    const modes = [['pool', undefined], ['one worker', 1], ...(shape === 'spin' ? [] : [['main thread', 0]])];
    const results = Object.fromEntries(modes.map(([name]) => [name, []]));
    const load = [loadavg()[0]];
    // Modes interleaved run by run, so a slow spell of the shared machine hits all alike.
    for (let r = 0; r < (context.config.heavyRuns ?? 1); r++) for (const [name, size] of modes) results[name].push(await runOnce(context, size, shape));
    load.push(loadavg()[0]);
    const ms = Object.fromEntries(modes.map(([name]) => [name, summarize(results[name].map((x) => x.ms))]));
    const pool = results.pool;
    const longest = Math.max(...pool.map((x) => x.longest));
    const count = Math.max(...pool.map((x) => x.count));
    const speedup = ms['one worker'].median / ms.pool.median;
    const cores = pool[0].cores;
    const workers = Number.isFinite(pool[0].poolSize) ? Math.min(cores, pool[0].poolSize) : cores;
    const fmt = (s) => `${Math.round(s.median)} ms${s.runs > 1 ? ` (${Math.round(s.min)}–${Math.round(s.max)})` : ''}`;
    const full = (context.config.heavyRows ?? ROWS) === ROWS;
    const median = (list, key) => list.map((x) => x.cpu).sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
    rows.push(
      {
        figure: `Run time, ${label}: ${modes.map(([name]) => name).join(' / ')}`,
        value: `${modes.map(([name]) => fmt(ms[name])).join(' / ')}; load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
        ...(shape === 'shared' ? { target: `${full ? (ms.pool.median <= TARGETS.runMs ? 'met' : 'not met') : 'n/a at this row count'} (pool ≤ ${TARGETS.runMs} ms at 1,000,000 rows)` } : {}),
      },
      ...['pool', 'one worker'].map((name) => ({ figure: `CPU time in Chromium during the run (median run), ${label}: ${name}`, value: cpuText(median(results[name], 'all')) })),
      { figure: `Longest main-thread task during the pool runs, ${label}`, value: `${longest.toFixed(0)} ms (at most ${count} long tasks in a run)`, target: `${longest <= 50 ? 'met' : 'not met'} (${TARGETS.longTask})` },
      { figure: `Pool speedup over one worker, ${label}`, value: `${speedup.toFixed(2)}× on ${cores} cores (pool size ${pool[0].poolSize}, ${workers} workers)`, target: `${speedup >= target ? 'met' : 'not met'} (≥ ${target}×)` },
    );
  }
  return rows;
}

async function runOnce({ browser, baseUrl, config }, poolSize, shape) {
  const page = await browser.newPage();
  try {
    const setup = openProbeFlow(page, baseUrl, flowOf(shape, config.heavyRows ?? ROWS), poolSize ?? null);
    await withTimeout(setup, config.loadTimeoutMs, 'heavy run setup');
    const pid = browser.process()?.pid;
    const before = threadTimes(pid);
    const task = page.evaluate(async () => {
      const editor = document.getElementById('editor');
      const started = performance.now();
      const summary = await editor.run();
      const ended = performance.now();
      const { longTasks } = window.benchPerf.since(started, ended);
      return {
        ms: ended - started,
        status: summary?.status,
        longest: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
        count: longTasks.length,
        cores: navigator.hardwareConcurrency,
        poolSize: editor.metrics.pool.size ?? editor.metrics.pool.workers?.length ?? NaN,
      };
    });
    const result = await withTimeout(task, config.runTimeoutMs, 'heavy run');
    if (result.status && result.status !== 'done') throw new Error(`heavy run (${shape}, pool size ${poolSize ?? 'default'}) ended ${result.status}`);
    return { ...result, cpu: cpuBetween(before, threadTimes(pid)) };
  } finally {
    await page.close();
  }
}
