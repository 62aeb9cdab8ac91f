// `node bench/compile-heavy.mjs [rows] [shared|independent] [pool|one]`: one heavy run with V8's
// --trace-opt on, printed as optimizing-compiler time per function (TurboFan and Maglev, in ms,
// with the number of compiles: a function compiled again and again is one whose inlined callees
// keep changing), summed over the page and its workers. This is most of what the heavy-run
// scenario counts as "V8/Blink thread pool" CPU; with it, bench/timeline-heavy.mjs and
// bench/profile-cpu.mjs cover where a run's CPU goes. Run from the repository root after
// `npm run build`. Names are as minified; the file tells which module.
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../scripts/lib/chromium.mjs';
import { loadFlow } from './lib/probe-flow.mjs';
import { startServer } from './lib/server.mjs';
import { orderFlow } from './scenarios/heavy-run.mjs';

const [rows = '1000000', shape = 'shared', mode = 'pool'] = process.argv.slice(2);
const server = await startServer();
const browser = await puppeteer.launch({
  executablePath: findChromium({ install: false }),
  headless: true,
  args: [...chromiumArgs(), '--js-flags=--trace-opt --trace-file-names'],
});
let output = '';
let recording = false;
// Every renderer (and its workers) writes V8's trace to the browser's stdout.
browser.process()?.stdout?.on('data', (chunk) => recording && (output += chunk));
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
await page.evaluate(() => window.benchProbe);
await loadFlow(page, orderFlow(Number(rows), shape), mode === 'one' ? 1 : null);
recording = true;
const ms = await page.evaluate(async () => {
  const t = performance.now();
  await document.getElementById('editor').run();
  return performance.now() - t;
});
await new Promise((resolve) => setTimeout(resolve, 200));
recording = false;
await browser.close();
server.close();

const compiles = new Map();
const line = /<JSFunction (\S*) ?<?([^>\s]*)>? \(sfi = \w+\)> \(target (\w+)\)( OSR)? - took ([\d.]+), ([\d.]+), ([\d.]+) ms/;
for (const text of output.split('\n')) {
  const m = line.exec(text);
  if (!m) continue;
  const key = `${m[3].replace('_JS', '').padEnd(8)} ${m[1] || '(anonymous)'} ${m[2].split('/').pop()}`;
  const entry = compiles.get(key) ?? { ms: 0, count: 0 };
  entry.ms += Number(m[5]) + Number(m[6]) + Number(m[7]);
  entry.count++;
  compiles.set(key, entry);
}
const total = (target) => [...compiles].filter(([k]) => k.startsWith(target)).reduce((n, [, e]) => n + e.ms, 0);
console.log(`run ${ms.toFixed(0)} ms (${mode}, ${shape}, ${rows} rows); optimizing compiles during it: TurboFan ${total('TURBOFAN').toFixed(0)} ms, Maglev ${total('MAGLEV').toFixed(0)} ms\n`);
for (const [key, { ms: spent, count }] of [...compiles].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
  console.log(`${spent.toFixed(1).padStart(7)} ms ${String(count).padStart(3)}×  ${key}`);
