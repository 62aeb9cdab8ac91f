// `node bench/cold-trace.mjs [nodes] [first|second] [--editor=litegraph]`: one traced V2U
// "painted with types" visit (`bench/pages/v2u.js?variant=library`, a fresh browser context;
// `second` traces the second visit in it; `--editor=` another editor's bench page instead, to
// set V2U's figures beside a peer's), reduced to the renderer's main thread, in ms from navigation: every top-level
// task over 2 ms with what took most of it, the main thread's time by event kind, and each
// request (sent → finished). Tracing costs time itself: read it for order and shares. Run from
// the repository root after `npm run build`; bench/cold-marks.mjs gives untraced marks.
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const [nodes = '100', visit = 'first'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const editor = process.argv.find((a) => a.startsWith('--editor='))?.split('=')[1] ?? 'v2u';
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'loading', 'blink.user_timing'];

const server = await startServer();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  await page.goto(`${base}/bench-page/blank?n=${nodes}`);
  await page.close();
}
const context = await browser.createBrowserContext();
const url = `${base}/bench-page/${editor}?n=${nodes}${editor === 'v2u' ? '&variant=library' : ''}`;
if (visit === 'second') {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.benchEditor.ready.then(() => window.benchEditor.settled()));
  await page.close();
}
const page = await context.newPage();
await page.tracing.start({ categories: CATEGORIES });
await page.goto(url, { waitUntil: 'domcontentloaded' });
const readyAt = await page.evaluate(async () => {
  const { readyAt } = await window.benchEditor.ready;
  performance.mark('cold-trace-ready', { startTime: readyAt });
  return readyAt;
});
await new Promise((resolve) => setTimeout(resolve, 300));
const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8')).traceEvents;
await browser.close();
server.close();

// The page's clock: the user-timing mark at `readyAt` places navigation (0) on the trace clock.
const ready = events.find((e) => e.name === 'cold-trace-ready');
const zero = ready.ts - readyAt * 1000;
const ms = (ts) => ((ts - zero) / 1000).toFixed(0).padStart(5);
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === ready.pid);
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= zero - 50_000 && e.ts <= ready.ts);
const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
const TOP = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'RunMicrotasks', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'ParseHTML', 'TimerFire', 'EventDispatch', 'CommitLoad', 'v8.compileModule', 'v8.produceModuleCache', 'ResourceReceivedData', 'ResourceFinish', 'HandlePostMessage', 'v8.compile', 'UpdateLayer', 'ScheduleStyleRecalculation']);
const inside = (task) => onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
console.log(`${editor}, ${visit} visit, ${nodes} nodes: painted with types at ${readyAt.toFixed(0)} ms (traced)\n\nmain-thread tasks over 2 ms (ms from navigation):`);
for (const task of tasks.filter((t) => t.dur > 2000)) {
  const kinds = new Map();
  for (const e of inside(task)) if (TOP.has(e.name)) kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur);
  const what = inside(task).map((e) => e.args?.data?.url ?? e.args?.data?.functionName).filter(Boolean).map((u) => String(u).split('/').pop());
  console.log(`${ms(task.ts)} +${(task.dur / 1000).toFixed(1).padStart(5)}  ${[...kinds].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', ')}  ${[...new Set(what)].slice(0, 3).join(' ')}`);
}
const byKind = new Map();
for (const task of tasks) for (const e of inside(task)) if (TOP.has(e.name)) byKind.set(e.name, (byKind.get(e.name) ?? 0) + e.dur);
const busy = tasks.filter((t) => t.ts >= zero).reduce((s, t) => s + t.dur, 0);
console.log(`\nmain thread busy ${(busy / 1000).toFixed(0)} ms of ${readyAt.toFixed(0)}; by kind (nested kinds overlap):`, [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(', '));
console.log('\nrequests (sent → finished):');
const sent = new Map();
for (const e of events) {
  const data = e.args?.data;
  if (e.name === 'ResourceSendRequest') sent.set(data.requestId, { url: data.url, at: e.ts });
  if (e.name === 'ResourceFinish' && sent.has(data.requestId)) sent.get(data.requestId).done = e.ts;
}
for (const { url: u, at, done } of [...sent.values()].sort((a, b) => a.at - b.at)) console.log(`${ms(at)} → ${done ? ms(done) : '    ?'}  ${new URL(u).pathname.split('/').pop()}`);
