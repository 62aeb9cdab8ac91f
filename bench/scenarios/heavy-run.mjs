// V2U only: the order analytics flow on 1,000,000 rows with four branches, run in the
// worker pool, in one worker and on the main thread, with the main thread's long tasks.
// Needs `editor.run()`, `editor.metrics.pool` and the order nodes of the built-in library;
// one worker / main thread also need a `poolSize` property (0 = main thread).
import { withTimeout } from '../lib/browser.mjs';
import { notBuilt, probe } from './probe.mjs';

export const id = 'heavy-run';
export const title = 'Heavy run: order analytics, 4 branches (1,000,000 rows; 200,000 in --quick)';
const ROWS = 1_000_000;
const FIGURES = [
  ['Run time: pool / one worker / main thread'],
  ['Longest main-thread task during the pool run', 'no long task > 50 ms'],
  ['Pool speedup over one worker', 'close to the number of cores'],
];

/** sample-data → four branches (filter and/or group) → a table each. */
export function orderFlow(rows = ROWS) {
  const node = (id, type, x, y, config = {}) => ({ id, type, position: { x, y }, config });
  const branches = [
    [['transform/filter', { expression: 'total > 100' }], ['transform/group', { groupBy: 'region', aggregations: 'orders = count()\nrevenue = sum(total)' }]],
    [['transform/sort', { keys: 'total desc' }]],
    [['transform/filter', { expression: "status = 'returned'" }], ['transform/group', { groupBy: 'product', aggregations: 'returns = count()' }]],
    [['transform/group', { groupBy: 'customerId', aggregations: 'spent = sum(total)' }]],
  ];
  const nodes = [node('orders', 'create/sample-data', 40, 300, { dataset: 'orders', rows })];
  const edges = [];
  branches.forEach((steps, b) => {
    let previous = 'orders';
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
  if (!features.run) return notBuilt(FIGURES, 'no editor.run()');
  if (!features.pool) return notBuilt(FIGURES, 'no editor.metrics.pool');
  if (features.orderNodes.length < 4) return notBuilt(FIGURES, 'order nodes missing from the built-in library');
  const modes = features.poolSizeProperty ? [['pool', undefined], ['one worker', 1], ['main thread', 0]] : [['pool', undefined]];
  const times = {};
  let pool;
  for (const [name, size] of modes) {
    const result = await runOnce(context, size);
    times[name] = result.ms;
    if (name === 'pool') pool = result;
  }
  const fmt = (v) => (v === undefined ? 'n/a (no poolSize property)' : `${Math.round(v)} ms`);
  const speedup = times['one worker'] / times.pool;
  const cores = pool.cores;
  const workers = Number.isFinite(pool.poolSize) ? Math.min(cores, pool.poolSize) : cores;
  return [
    { figure: FIGURES[0][0], value: `${fmt(times.pool)} / ${fmt(times['one worker'])} / ${fmt(times['main thread'])}` },
    { figure: FIGURES[1][0], value: `${pool.longest.toFixed(0)} ms (${pool.count} long tasks)`, target: `${pool.longest <= 50 ? 'met' : 'not met'} (${FIGURES[1][1]})` },
    {
      figure: FIGURES[2][0],
      value: Number.isFinite(speedup) ? `${speedup.toFixed(2)}× on ${cores} cores (pool size ${pool.poolSize})` : 'n/a (no poolSize property)',
      target: Number.isFinite(speedup) ? `${speedup >= 0.75 * workers ? 'met' : 'not met'} (≥ 0.75 × ${workers} workers)` : FIGURES[2][1],
    },
  ];
}

async function runOnce({ browser, baseUrl, config }, poolSize) {
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
    }, orderFlow(config.heavyRows ?? ROWS), poolSize ?? null);
    return await withTimeout(task, config.runTimeoutMs, 'heavy run');
  } finally {
    await page.close();
  }
}
