// `node bench/trace-heavy.mjs [rows] [shared|independent]`: one heavy run in the pool, traced
// (devtools.timeline, v8, blink): every main-thread task over 50 ms of the page, how much of it
// the thread spent on the CPU (`tdur`; the rest it waited for a core), and the events that took
// most of it. Run from the repository root after `npm run build`.
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const [rows = '1000000', shape = 'shared'] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
await page.evaluate(() => window.benchProbe);
await page.evaluate(async (flow) => {
  const editor = document.getElementById('editor');
  editor.noAutoRun = true;
  editor.graph = flow;
  await editor.updateComplete;
  await editor.whenEditable();
  for (let i = 0; i < 200 && !flow.nodes.every((n) => editor.registry.get(n.type)); i++) await new Promise((r) => setTimeout(r, 50));
}, orderFlow(Number(rows), shape));
await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'v8.execute'] });
const ms = await page.evaluate(async () => { const t = performance.now(); await document.getElementById('editor').run(); return performance.now() - t; });
const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString("utf8"));
const events = trace.traceEvents ?? trace;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
const busiest = onMain.filter((e) => e.name === 'RunTask').reduce((m, e) => Math.max(m, e.tdur ?? 0), 0);
console.log(`run ${ms.toFixed(0)} ms; main-thread tasks over 50 ms: ${tasks.length}; the most CPU any main-thread task took: ${(busiest / 1000).toFixed(1)} ms`);
for (const task of tasks) {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
  const top = new Map();
  for (const e of inside) top.set(e.name, (top.get(e.name) ?? 0) + e.dur);
  const detail = inside.filter((e) => e.args?.data?.functionName || e.args?.data?.url).slice(0, 3).map((e) => `${e.args.data.functionName ?? ''}@${(e.args.data.url ?? '').split('/').pop()}`);
  console.log(`${(task.dur / 1000).toFixed(0)} ms task (${((task.tdur ?? 0) / 1000).toFixed(0)} ms of it on the CPU):`, [...top].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join(', '), detail.join(' '));
}
await browser.close();
server.close();
