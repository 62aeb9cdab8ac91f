// `node bench/cold-marks.mjs [nodes] [loads] [--summary]`: when each step of V2U's "painted with types"
// happens on a first and a second visit (`bench/pages/v2u.js?variant=library`), per load and as
// medians: the requests (Resource Timing), the element's connection, each of its renders (and
// whether the registry knew the graph's types by then), the first `change` of its registry,
// `v2u-ready`, and the bench's "painted with types". Marks only, no tracing: cheap enough to
// repeat on a loaded machine; `--summary` prints only the medians. Run from the repository root after `npm run build`.
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

const [nodes = '100', loads = '4'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const summary = process.argv.includes('--summary');

/** Runs in the page before its scripts: records the marks in `window.coldMarks`. */
function instrument() {
  const marks = (window.coldMarks = []);
  const mark = (what) => marks.push([what, performance.now()]);
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const name = String(input).split('/').pop();
    mark(`fetch ${name}`);
    return fetch.call(this, input, init).then((response) => {
      mark(`fetch ${name} answered`);
      const json = response.json;
      response.json = () => json.call(response).then((body) => (mark(`fetch ${name} body parsed`), body));
      return response;
    });
  };
  new MutationObserver((records, observer) => {
    const editor = records.flatMap((r) => [...r.addedNodes]).find((n) => n.localName === 'v2u-editor');
    if (!editor) return;
    observer.disconnect();
    mark('element connected');
    editor.registry.addEventListener('change', () => mark(`registry change (${editor.registry.list().length} types)`));
    editor.addEventListener('v2u-ready', () => mark('v2u-ready'));
    const update = editor.update;
    editor.update = function (changed) {
      const types = this.registry.list().length;
      const nodes = this.graph.nodes.length;
      const start = performance.now();
      update.call(this, changed);
      marks.push([`render (${nodes} nodes, ${types} types known), ${(performance.now() - start).toFixed(1)} ms`, start]);
    };
  }).observe(document, { childList: true, subtree: true });
}

const server = await startServer();
const url = `http://127.0.0.1:${server.address().port}/bench-page/v2u?n=${nodes}&variant=library`;
const browser = await launchBrowser();
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/blank?n=${nodes}`);
  await page.close();
}
const rows = { first: [], second: [] };
for (let load = 0; load < Number(loads); load++) {
  const context = await browser.createBrowserContext();
  for (const visit of ['first', 'second']) {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(instrument);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const { readyAt } = await page.evaluate(() => window.benchEditor.ready);
    await page.evaluate(() => window.benchEditor.settled());
    const marks = await page.evaluate(() => [
      ...performance.getEntriesByType('resource').map((r) => [`${new URL(r.name).pathname.split('/').pop()} ${r.startTime.toFixed(0)} →`, r.responseEnd]),
      ...window.coldMarks,
    ]);
    marks.push(['painted with types', readyAt]);
    rows[visit].push(marks.sort((a, b) => a[1] - b[1]));
    await page.close();
  }
  await context.close();
}
/** Medians over the loads of the first mark whose text starts with each of these. */
const KEY_MARKS = ['index.json', 'v2u-editor.js', `${nodes}.json`, 'element connected', 'fetch index.json answered', 'registry change', 'v2u-ready', 'painted with types'];
const median = (values) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
for (const [visit, loadsOf] of Object.entries(rows)) {
  console.log(`\n${visit} visit, ${nodes} nodes, ${loads} loads`);
  if (!summary) for (const marks of loadsOf) console.log(marks.map(([what, at]) => `  ${at.toFixed(0).padStart(5)}  ${what}`).join('\n'), '\n  --');
  for (const key of KEY_MARKS) {
    // The graph's v2u-ready is the last one: an editor connected before the graph arrived was ready empty first.
    const find = key === 'v2u-ready' ? 'findLast' : 'find';
    const at = loadsOf.map((marks) => marks[find](([what]) => what.startsWith(key))?.[1]).filter((t) => t !== undefined);
    console.log(`  median ${median(at).toFixed(0).padStart(5)} ms  ${key}${key.endsWith('.js') || key.endsWith('.json') ? ' (in the page)' : ''}`);
  }
  const placeholders = loadsOf.map((marks) => marks.filter(([what]) => /^render \([1-9]\d* nodes, 0 types/.test(what)).length);
  console.log(`  renders of the graph as placeholders, per load: ${placeholders.join(', ')}`);
}
await browser.close();
server.close();
