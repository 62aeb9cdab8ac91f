// `node bench/profile-threads.mjs [rows] [shared|independent]`: CPU time per kind of Chromium
// thread during one heavy run in the pool and one in one worker (Linux /proc), to see where
// the cores go. Run from the repository root after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';
const [rows = '1000000', shape = 'shared'] = process.argv.slice(2);
function sample() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let comm; try { comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { continue; }
    if (comm !== 'chromium') continue;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(`${pid}/${tid}`, { name: tid === pid ? `main(${pid})` : name, ticks: Number(f[11]) + Number(f[12]) });
      } catch {}
    }
  }
  return out;
}
const server = await startServer();
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();
for (const size of [null, 1]) {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.benchProbe);
  await page.evaluate(async (flow, size) => {
    const editor = document.getElementById('editor');
    if (size !== null) editor.poolSize = size;
    editor.noAutoRun = true; editor.graph = flow;
    await editor.updateComplete; await editor.whenEditable();
    for (let i = 0; i < 200 && !flow.nodes.every((n) => editor.registry.get(n.type)); i++) await new Promise((r) => setTimeout(r, 50));
  }, orderFlow(Number(rows), shape), size);
  const before = sample();
  const ms = await page.evaluate(async () => { const t = performance.now(); await document.getElementById('editor').run(); return performance.now() - t; });
  const after = sample();
  const kinds = new Map();
  for (const [k, v] of after) {
    const d = v.ticks - (before.get(k)?.ticks ?? 0);
    if (d <= 0) continue;
    const kind = v.name.startsWith('main(') ? 'process main threads' : v.name;
    kinds.set(kind, (kinds.get(kind) ?? 0) + d * 10);
  }
  const total = [...kinds.values()].reduce((a, b) => a + b, 0);
  console.log(`${size === null ? 'pool' : 'one worker'}: ${ms.toFixed(0)} ms wall, ${total} ms CPU in Chromium: ` + [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
  await page.close();
}
await browser.close(); server.close();
