// V2U only: the order analytics flow on 1,000,000 rows with four branches, run in the
// worker pool, in one worker and on the main thread, with the main thread's long tasks.
// Needs `editor.run()`, `editor.metrics.pool` and the order nodes of the built-in library;
// one worker / main thread also need a `poolSize` property (0 = main thread).
import { withTimeout } from '../lib/browser.mjs';
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
  ['shared', 'one source, 4 branches'],
  ['independent', '4 sources of ¼ of the rows, 1 branch each'],
];
const TARGETS = { longTask: 'no long task > 50 ms', speedup: 'close to the number of cores' };

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

export async function run(context) {
  const features = await probe(context);
  const figures = SHAPES.flatMap(([, label]) => [[`Run time, ${label}: pool / one worker / main thread`], [`Longest main-thread task during the pool runs, ${label}`, TARGETS.longTask], [`Pool speedup over one worker, ${label}`, TARGETS.speedup]]);
  if (!features.run) return notBuilt(figures, 'no editor.run()');
  if (!features.pool) return notBuilt(figures, 'no editor.metrics.pool');
  if (features.orderNodes.length < 4) return notBuilt(figures, 'order nodes missing from the built-in library');
  if (!features.poolSizeProperty) return notBuilt(figures, 'no poolSize property');
  const modes = [['pool', undefined], ['one worker', 1], ['main thread', 0]];
  const rows = [];
  for (const [shape, label] of SHAPES) {
    const results = Object.fromEntries(modes.map(([name]) => [name, []]));
    // Modes interleaved run by run, so a slow spell of the shared machine hits all alike.
    for (let r = 0; r < (context.config.heavyRuns ?? 1); r++) for (const [name, size] of modes) results[name].push(await runOnce(context, size, shape));
    const ms = Object.fromEntries(modes.map(([name]) => [name, summarize(results[name].map((x) => x.ms))]));
    const pool = results.pool;
    const longest = Math.max(...pool.map((x) => x.longest));
    const count = Math.max(...pool.map((x) => x.count));
    const speedup = ms['one worker'].median / ms.pool.median;
    const cores = pool[0].cores;
    const workers = Number.isFinite(pool[0].poolSize) ? Math.min(cores, pool[0].poolSize) : cores;
    const fmt = (s) => `${Math.round(s.median)} ms${s.runs > 1 ? ` (${Math.round(s.min)}–${Math.round(s.max)})` : ''}`;
    rows.push(
      { figure: `Run time, ${label}: pool / one worker / main thread`, value: modes.map(([name]) => fmt(ms[name])).join(' / ') },
      { figure: `Longest main-thread task during the pool runs, ${label}`, value: `${longest.toFixed(0)} ms (at most ${count} long tasks in a run)`, target: `${longest <= 50 ? 'met' : 'not met'} (${TARGETS.longTask})` },
      { figure: `Pool speedup over one worker, ${label}`, value: `${speedup.toFixed(2)}× on ${cores} cores (pool size ${pool[0].poolSize})`, target: `${speedup >= 0.75 * workers ? 'met' : 'not met'} (≥ 0.75 × ${workers} workers)` },
    );
  }
  return rows;
}

async function runOnce({ browser, baseUrl, config }, poolSize, shape) {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
    await withTimeout(page.evaluate(() => window.benchProbe), config.loadTimeoutMs, 'probe');
    const task = page.evaluate(async (flow, size) => {
      const editor = document.getElementById('editor');
      if (size !== null) editor.poolSize = size;
      editor.noAutoRun = true;
      editor.graph = flow;
      await editor.updateComplete;
      await editor.whenEditable();
      for (let i = 0; i < 200 && !flow.nodes.every((n) => editor.registry.get(n.type)); i++) await new Promise((r) => setTimeout(r, 50));
      const started = performance.now();
      await editor.run();
      const ended = performance.now();
      const { longTasks } = window.benchPerf.since(started, ended);
      return {
        ms: ended - started,
        longest: longTasks.reduce((m, t) => Math.max(m, t.duration), 0),
        count: longTasks.length,
        cores: navigator.hardwareConcurrency,
        poolSize: editor.metrics.pool.size ?? editor.metrics.pool.workers?.length ?? NaN,
      };
    }, orderFlow(config.heavyRows ?? ROWS, shape), poolSize ?? null);
    return await withTimeout(task, config.runTimeoutMs, 'heavy run');
  } finally {
    await page.close();
  }
}
