// `node bench/timeline-heavy.mjs [rows] [shared|independent] [pool|one] [--warm]`: one traced heavy
// run, printed as a timeline per thread (the page's main thread and each worker), in ms from the
// start of `editor.run()`: each stretch of work (tasks closer than 2 ms merged) with what took most
// of it (module compiles, GC, the node module whose code ran), and the idle gaps. The critical path
// of a pool run reads off it: when each worker started, when the source was made, when the copy to
// the second worker went, and how long each worker waited. `--warm` first runs the flow on 1,000
// rows in the same page (workers started and modules loaded). Run from the repository root after
// `npm run build`.
import { loadFlow } from './lib/probe-flow.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const warm = process.argv.includes('--warm');
const [rows = '1000000', shape = 'shared', mode = 'pool'] = args;
const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
await page.evaluate(() => window.benchProbe);
const setup = (flow, size) => loadFlow(page, flow, size);
const runFlow = () => page.evaluate(async () => {
  const t = performance.now();
  await document.getElementById('editor').run();
  return { ms: performance.now() - t, origin: performance.timeOrigin + t };
});
if (warm) await setup(orderFlow(1000, shape), mode === 'one' ? 1 : null), await runFlow();
await setup(orderFlow(Number(rows), shape), mode === 'one' ? 1 : null);
await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', 'disabled-by-default-v8.gc'] });
const { ms } = await runFlow();
const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
const events = trace.traceEvents ?? trace;
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
const threads = [...names].filter(([key, name]) => key === `${main.pid}:${main.tid}` || (key.startsWith(`${main.pid}:`) && /Worker/.test(name)));
// t = 0 at the first FunctionCall on the main thread that follows the trace start: close to run().
const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
const zero = Math.min(...spans.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'FunctionCall').map((e) => e.ts));
const at = (us) => ((us - zero) / 1000).toFixed(0).padStart(5);
console.log(`run ${ms.toFixed(0)} ms (${mode}, ${shape}, ${rows} rows${warm ? ', warm' : ''}); times in ms from the first main-thread call of the traced run\n`);
const label = (e) => {
  const url = e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? e.args?.fileName ?? '';
  const file = url.split('/').pop()?.replace(/-[\w]{8}\.js$/, '.js');
  if (/GC|Scavenge|MarkCompact|Sweep/i.test(e.name)) return 'GC';
  if (/compile|Compile|parse|Parse/.test(e.name)) return `compile ${file ?? ''}`.trim();
  if (e.name === 'v8.run' || e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule') return `js ${file ?? ''}`.trim();
  return null;
};
for (const [key, name] of threads) {
  const [pid, tid] = key.split(':').map(Number);
  const mine = spans.filter((e) => e.pid === pid && e.tid === tid && e.ts + e.dur >= zero);
  const tasks = mine.filter((e) => /RunTask|ThreadControllerImpl::RunTask/.test(e.name)).sort((a, b) => a.ts - b.ts);
  if (!tasks.length) continue;
  const merged = [];
  let topEnd = -Infinity;
  for (const t of tasks) {
    // CPU (`tdur`) of top-level tasks only: a task nested in another is counted in it.
    const cpu = t.ts >= topEnd ? (t.tdur ?? 0) : 0;
    topEnd = Math.max(topEnd, t.ts + t.dur);
    const last = merged.at(-1);
    if (last && t.ts <= last.end + 2000) (last.end = Math.max(last.end, t.ts + t.dur)), (last.cpu += cpu);
    else merged.push({ ts: t.ts, end: t.ts + t.dur, cpu });
  }
  let busy = 0;
  const cpuAll = merged.reduce((n, m) => n + m.cpu, 0);
  console.log(`== ${name === 'CrRendererMain' ? 'page main thread' : `${name} ${tid}`}`);
  for (const m of merged) {
    busy += m.end - m.ts;
    if (m.end - m.ts < 3000) continue;
    const inside = new Map();
    for (const e of mine) if (e.ts >= m.ts && e.ts + e.dur <= m.end) { const l = label(e); if (l) inside.set(l, (inside.get(l) ?? 0) + e.dur); }
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([l, d]) => `${l} ${(d / 1000).toFixed(0)}`).join(', ');
    console.log(`${at(m.ts)} → ${at(m.end)}  ${((m.end - m.ts) / 1000).toFixed(0).padStart(4)} ms (cpu ${(m.cpu / 1000).toFixed(0)})  ${top}`);
  }
  console.log(`   busy ${(busy / 1000).toFixed(0)} ms in all, ${(cpuAll / 1000).toFixed(0)} ms on the CPU\n`);
}
await browser.close();
server.close();
