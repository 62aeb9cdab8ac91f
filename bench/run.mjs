// `npm run bench [-- --quick] [--editors=v2u,drawflow] [--sizes=100,1000] [--trace]
// [--no-scenarios | --scenarios=heavy-run,registry] [--gesture-runs=3 --gesture-ms=1500 --heap-seconds=2] [--out=dir]`: V2U against
// React Flow, Drawflow and LiteGraph in one headless Chromium, driven by real input over the
// DevTools protocol; writes <out>/latest.json and latest.md (out: bench/results). See bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { bundlePeers, ensureDist } from './lib/build.mjs';
import { EDITORS, loadRepeated, measureEditor } from './lib/measure.mjs';
import { markdown } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import * as coldWarm from './scenarios/cold-warm.mjs';
import * as floor from './scenarios/floor.mjs';
import * as heavyRun from './scenarios/heavy-run.mjs';
import * as mountLeak from './scenarios/mount-leak.mjs';
import * as registry from './scenarios/registry.mjs';

const SCENARIOS = [floor, heavyRun, registry, coldWarm, mountLeak];

const MODES = {
  quick: { sizes: [100, 1000], loadRuns: 2, gestureRuns: 1, gestureMs: 500, heapSeconds: 2, leakCycles: 30, heavyRows: 200_000, heavyRuns: 1, typedVisits: true, loadTimeoutMs: 30_000, stepTimeoutMs: 30_000, runTimeoutMs: 60_000, poolIdleMs: 2_000, trace: false },
  full: { sizes: [100, 1000, 5000, 10000, 50000], loadRuns: 5, gestureRuns: 3, gestureMs: 3000, heapSeconds: 60, leakCycles: 100, heavyRows: 1_000_000, heavyRuns: 3, typedVisits: true, loadTimeoutMs: 120_000, stepTimeoutMs: 120_000, runTimeoutMs: 300_000, poolIdleMs: 15_000, trace: true },
};

function options(argv) {
  const flag = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const mode = argv.includes('--quick') ? 'quick' : 'full';
  const config = { ...MODES[mode] };
  if (argv.includes('--trace')) config.trace = true;
  if (argv.includes('--no-typed')) config.typedVisits = false;
  if (flag('sizes')) config.sizes = flag('sizes').split(',').map(Number);
  // Steadier gesture figures than --quick without a full run's minute of heap interaction (LOD before/after runs).
  for (const [name, key] of [['load-runs', 'loadRuns'], ['gesture-runs', 'gestureRuns'], ['gesture-ms', 'gestureMs'], ['heap-seconds', 'heapSeconds']]) if (flag(name)) config[key] = Number(flag(name));
  const only = flag('editors')?.split(',');
  const scenarioIds = argv.includes('--no-scenarios') ? [] : flag('scenarios')?.split(',') ?? SCENARIOS.map((s) => s.id);
  return { mode, config, out: flag('out') ?? 'bench/results', editors: only ? EDITORS.filter((e) => only.includes(e.id)) : EDITORS, scenarios: SCENARIOS.filter((s) => scenarioIds.includes(s.id)) };
}

const NOTES = [
  'Every editor gets the same seeded graph (bench/lib/graph.mjs): layered left to right, about 1.2 edges per node, inputs wired to nearby nodes of the previous column; all start at zoom 1 at the top left.',
  'Input is real: mouse moves, presses and wheel events sent with Input.dispatchMouseEvent. Each gesture is first tried briefly and verified (the node or viewport must really move); a gesture the editor does not support is reported as n/a, never faked.',
  'Frame time = main-thread time per frame: from the frame’s rAF timestamp (or the end of the previous frame’s work) until a message posted from rAF runs, i.e. after input handlers, rAF callbacks, style, layout and paint, or until the next frame’s rAF callback if Chrome starts that first. Headless Chromium here keeps a 60 Hz frame clock even with --disable-frame-rate-limit --disable-gpu-vsync, so raw rAF intervals are pinned near 16.7 ms; their p95 is kept in latest.json as intervalP95.',
  '“Painted and interactive” = the editor has rendered the graph (React Flow: nodes measured and edges drawn), two frames have been produced, and a task posted afterwards has run. Before any measurement the browser loads a blank page three times (a fresh browser’s first pages are slow); the “Load floor” row is that blank page’s own time, which every editor’s figure includes.',
  '“Painted with types” = navigation → every node drawn with its type’s real title and ports, plus the same two frames and a task, in a fresh browser context (first visit: empty IndexedDB and HTTP cache), then a second page in the same context (second visit). V2U learns the types from its built-in library there (`?variant=library`: the six kinds as library types, no auto-run; the page preloads the library index as the README advises) and reports it with whenReady(); the peers are handed their types by the page, so their figure is their painted time on a fresh and a second visit. Every page hints its editor’s script files with modulepreload (V2U: its entry and the two chunks the entry imports; a peer: its bundle).',
  '“Painted with types handed by the page” = the same visits of V2U’s default page, whose types the page gives the editor (no library fetch, no IndexedDB restore): no cache of the library can make a visit faster than that, so it bounds what a warm second visit can reach; its Target cell says whether 0.75 × the first visit lies within that bound.',
  'Script size = every script the page fetched before that point, min+gzip (level 9), without the few lines of bench glue in bench/pages. CSS is not counted (min+gzip: React Flow 3.0 kB, Drawflow 0.7 kB; V2U and LiteGraph need none).',
  'React Flow 12 with React 19: uncontrolled nodes (defaultNodes/defaultEdges), one memoized custom node type with a handle per port. It runs twice: with defaults (onlyRenderVisibleElements off) and with onlyRenderVisibleElements on, its advice for large graphs; the ratio uses the better of the two.',
  'Drawflow: loaded with import() of its own export format; it has no multi-selection, and pans with a background drag and zooms with ctrl+wheel only. LiteGraph: litegraph.core.js (the editor without its node library), nodes dragged by the title bar it paints on the canvas; a selection is dragged as LiteGraph 0.7 allows it, by shift-pressing a node while the others are selected (selectNodes()).',
  'Pan and zoom at far zoom: after the heap figures, the page is zoomed out as a person does on a large graph, by real ctrl+wheel steps at the canvas centre until the zoom is at most 0.3 (V2U: 7 steps to 0.25, where it paints nodes and edges on its canvas layer, below 0.35; LiteGraph: 13 steps to 0.29); then the same pan and zoom gestures run there (the zoom sweep goes out 4 steps and back, staying below 0.35).',
  'With tracing (full runs, or --trace), one extra run per gesture is traced: “trace: p95” is the p95 of the renderer’s AnimationFrame spans, and dropped frames are the compositor’s DroppedFrame events against DrawFrame.',
  'Heap = Runtime.getHeapUsage after two HeapProfiler.collectGarbage calls. Long tasks and long animation frames come from PerformanceObserver (buffered).',
];

async function main() {
  const { mode, config, out, editors, scenarios } = options(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadavg()[0];
  await ensureDist();
  await bundlePeers();
  const server = await startServer();
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchBrowser();
  const log = (line) => console.log(line);
  try {
    await warmBrowser(browser, baseUrl, config);
    const results = await measureAll({ browser, baseUrl, editors, config, log });
    const scenarioResults = await runScenarios(scenarios, { browser, baseUrl, config, log });
    const meta = await describe(browser, mode, config, started, loadBefore);
    const report = { meta, editors: editors.map(({ id, name }) => ({ id, name })), results, scenarios: scenarioResults };
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    const table = markdown(report);
    writeFileSync(join(out, 'latest.md'), table);
    console.log(`\n${table}\nbench: wrote ${out}/latest.json and latest.md in ${meta.durationSeconds} s`);
    const broken = [...results.filter((r) => r.status === 'error'), ...scenarioResults.filter((s) => s.rows.some((r) => r.figure === 'error'))];
    if (broken.length) {
      console.error(`bench: ${broken.length} page(s) or scenario(s) failed; see the table`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * A fresh browser's first pages are slow (process start-up, caches): load the blank page a
 * few times first, so that cost does not fall on whichever editor is measured first.
 */
async function warmBrowser(browser, baseUrl, config) {
  await loadRepeated(browser, `${baseUrl}/bench-page/blank?n=100`, { ...config, loadRuns: 3 }, {}).then((page) => page.close());
}

async function measureAll({ browser, baseUrl, editors, config, log }) {
  const results = [];
  const stopped = new Set();
  for (const size of config.sizes)
    for (const editor of editors) {
      if (stopped.has(editor.id)) {
        results.push({ editor: editor.id, size, status: 'skipped', error: 'timed out on a smaller graph' });
        continue;
      }
      const started = Date.now();
      log(`bench: ${editor.name}, ${size} nodes`);
      const result = await measureEditor({ browser, baseUrl, editor, size, config, log });
      log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (result.status !== 'ok') {
        log(`  ${result.status}: ${result.error}`);
        if (result.status === 'timeout') stopped.add(editor.id);
      }
      results.push(result);
    }
  return results;
}

async function runScenarios(scenarios, context) {
  const out = [];
  for (const scenario of scenarios) {
    context.log(`bench: scenario ${scenario.id}`);
    let rows;
    try {
      rows = await scenario.run(context);
    } catch (error) {
      rows = [{ figure: 'error', value: String(error.message).replaceAll('|', '/') }];
    }
    for (const row of rows) context.log(`  ${row.figure}: ${row.value}${row.target ? ` [${row.target}]` : ''}`);
    out.push({ id: scenario.id, title: scenario.title, rows });
  }
  return out;
}

async function describe(browser, mode, config, started, loadBefore) {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    mode,
    chromium: await browser.version(),
    node: process.versions.node,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown CPU',
    os: `${platform()} ${release()}`,
    loadAverage: { before: round(loadBefore), after: round(loadavg()[0]) },
    config,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    notes: NOTES,
  };
}

const round = (v) => Math.round(v * 100) / 100;

await main();
