// `node bench/profile-cpu.mjs [rows] [shared|independent] [pool|one]`: one heavy run with the
// V8 CPU profiler on the page's main thread and on every worker, printed as self time per
// function (top 15 per thread, with GC and idle as V8 names them), to see what each thread
// does during a run. Run from the repository root after `npm run build`.
import { openProbeFlow } from './lib/probe-flow.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const [rows = '1000000', shape = 'shared', mode = 'pool'] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage();
await openProbeFlow(page, `http://127.0.0.1:${server.address().port}`, orderFlow(Number(rows), shape), mode === 'one' ? 1 : null);

/** A profiler per target; workers that start during the run are caught as they appear. */
const sessions = [['page', await page.createCDPSession()]];
const start = (session) => session.send('Profiler.enable').then(() => session.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => session.send('Profiler.start'));
await start(sessions[0][1]);
for (const worker of page.workers()) sessions.push([`worker ${sessions.length}`, worker.client]), await start(worker.client);
page.on('workercreated', (worker) => {
  sessions.push([`worker ${sessions.length} (new)`, worker.client]);
  start(worker.client).catch(() => {});
});
const ms = await page.evaluate(async () => {
  const t = performance.now();
  await document.getElementById('editor').run();
  return performance.now() - t;
});
console.log(`run ${ms.toFixed(0)} ms (${mode}, ${shape}, ${rows} rows)`);
for (const [name, session] of sessions) {
  let profile;
  try {
    ({ profile } = await session.send('Profiler.stop'));
  } catch {
    continue;
  }
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  let total = 0;
  for (const [id, us] of dt) {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + us);
    if (f.functionName !== '(idle)' && f.functionName !== '(program)') total += us;
  }
  console.log(`\n== ${name}: ${(total / 1000).toFixed(0)} ms busy (not idle/program)`);
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
}
await browser.close();
server.close();
