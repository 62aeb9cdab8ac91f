// `node bench/profile-threads.mjs [rows] [shared|independent]`: CPU time per kind of Chromium
// thread during one heavy run in the pool and one in one worker (Linux /proc), to see where
// the cores go. `--warm` first runs the same flow on 1,000 rows (other seeds) in the same page,
// so the measured run finds its workers started and its node modules loaded. Run from the
// repository root after `npm run build`.
import { openProbeFlow } from './lib/probe-flow.mjs';
import { cpuBetween, threadTimes } from './lib/proc-cpu.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';
const warm = process.argv.includes('--warm');
const [rows = '1000000', shape = 'shared'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const server = await startServer();
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
for (const size of [null, 1]) {
  const page = await browser.newPage();
  await openProbeFlow(page, baseUrl, orderFlow(Number(rows), shape), size);
  if (warm) await page.evaluate(async (flow) => {
    const editor = document.getElementById('editor');
    const graph = editor.graph;
    editor.graph = flow;
    await editor.updateComplete;
    await editor.run();
    editor.graph = graph;
    await editor.updateComplete;
  }, reseeded(orderFlow(1000, shape)));
  const before = threadTimes(browser.process().pid);
  const ms = await page.evaluate(async () => { const t = performance.now(); await document.getElementById('editor').run(); return performance.now() - t; });
  const cpu = cpuBetween(before, threadTimes(browser.process().pid));
  console.log(`${size === null ? 'pool' : 'one worker'}: ${ms.toFixed(0)} ms wall, ${cpu.all} ms CPU in Chromium: workers ${cpu.workers.join(' + ')}, GC/thread pool ${cpu.gcPool}, process main threads ${cpu.main}, other ${cpu.other}`);
  await page.close();
}
await browser.close(); server.close();

/** The flow with other seeds: nothing of it is in the engine's cache for the measured run. */
function reseeded(flow) {
  for (const node of flow.nodes) if (node.config.seed !== undefined) node.config.seed += 1000;
  return flow;
}
