// Measures one editor at one graph size: script bytes, time to painted and interactive,
// frame times while dragging one node, dragging 50 selected, panning and zooming, the heap
// after load and after interaction, and long tasks / long animation frames throughout.
import { gzipSync } from 'node:zlib';
import { heapAfterGc, withTimeout } from './browser.mjs';
import { generateGraph } from './graph.mjs';
import { SELECTION, farGestureKinds, gestureKinds, nearest } from './interactions.mjs';
import { traced } from './trace.mjs';
import { framePercentiles, summarize } from './stats.mjs';

/**
 * Editors in the order of the table; `page` names bench/pages/<page>.js. `typesVariant` is
 * the page variant for "painted with types" (V2U learns its types from its library there;
 * the peers are handed theirs by the page, so their own page is that figure's page).
 */
export const EDITORS = [
  { id: 'v2u', page: 'v2u', name: 'V2U', typesVariant: 'library' },
  { id: 'react-flow', page: 'react-flow', name: 'React Flow' },
  { id: 'react-flow-visible', page: 'react-flow', variant: 'visible', name: 'React Flow (onlyRenderVisibleElements)' },
  { id: 'drawflow', page: 'drawflow', name: 'Drawflow' },
  { id: 'litegraph', page: 'litegraph', name: 'LiteGraph' },
];

const pageUrl = (baseUrl, editor, size, variant = editor.variant) => `${baseUrl}/bench-page/${editor.page}?n=${size}${variant ? `&variant=${variant}` : ''}`;

export async function measureEditor({ browser, baseUrl, editor, size, config, log }) {
  const url = pageUrl(baseUrl, editor, size);
  const result = { editor: editor.id, size, status: 'ok' };
  let page;
  try {
    if (config.typedVisits) {
      result.typed = await typedVisits(browser, pageUrl(baseUrl, editor, size, editor.typesVariant ?? editor.variant), config);
      log(`  painted with types: first visit ${result.typed.first.median.toFixed(0)} ms, second ${result.typed.second.median.toFixed(0)} ms`);
      if (editor.typesVariant) {
        // The page hands the editor its types: nothing to fetch or restore. No library cache can
        // make a visit faster than this, so it bounds what a warm second visit can reach.
        result.typedBound = await typedVisits(browser, pageUrl(baseUrl, editor, size), config);
        log(`  painted with types handed by the page: first visit ${result.typedBound.first.median.toFixed(0)} ms`);
      }
    }
    page = await loadRepeated(browser, url, config, result);
    // A fixed point for every editor: its lazily loaded code in and its load-time work done.
    await withTimeout(page.evaluate(() => window.benchEditor.loaded?.()), config.loadTimeoutMs, 'loaded');
    result.heapAfterLoad = await heapAfterGc(page);
    await interact(page, size, config, result, log);
  } catch (error) {
    result.status = /no answer within|timeout/i.test(String(error?.message)) ? 'timeout' : 'error';
    result.error = error?.message ?? String(error);
    if (!error?.message) console.error(error);
  } finally {
    // A page stuck in a long task may not close politely; do not let it stop the run.
    if (page) await withTimeout(page.close(), 10_000, 'close').catch(() => {});
  }
  return result;
}

/** Loads the page `config.loadRuns` times; keeps the last one open for the interactions. */
export async function loadRepeated(browser, url, config, result) {
  const times = [];
  let page;
  for (let run = 0; run < config.loadRuns; run++) {
    await page?.close();
    page = await browser.newPage();
    // Every load fetches every file, as before the bench served with HTTP caching: this figure
    // is the page without the HTTP cache; the second visit of "painted with types" has it.
    await page.setCacheEnabled(false);
    const scripts = run === 0 ? trackScripts(page) : null;
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: config.loadTimeoutMs });
    if (!response.ok()) throw new Error(`${url}: HTTP ${response.status()}`);
    const ready = await withTimeout(page.evaluate(() => window.benchEditor.ready), config.loadTimeoutMs, 'load');
    times.push(ready.readyAt);
    if (scripts) Object.assign(result, { rendered: ready.rendered, scripts: await scripts.until(page, ready.readyAt), loadBlocking: await blocking(page, 0, ready.readyAt) });
  }
  result.ready = summarize(times);
  return page;
}

/**
 * Navigation → every node drawn with its type's real title and ports, in a fresh browser
 * context (empty IndexedDB and HTTP cache): its first visit, then a second visit in the same
 * context once the first has settled (`benchEditor.settled`, e.g. the library cached).
 */
export async function typedVisits(browser, url, config) {
  const first = [];
  const second = [];
  for (let run = 0; run < config.loadRuns; run++) {
    const context = await browser.createBrowserContext();
    try {
      for (const times of [first, second]) {
        const page = await context.newPage();
        try {
          await page.goto(url, { waitUntil: 'domcontentloaded', timeout: config.loadTimeoutMs });
          times.push((await withTimeout(page.evaluate(() => window.benchEditor.ready), config.loadTimeoutMs, 'load')).readyAt);
          await withTimeout(page.evaluate(() => window.benchEditor.settled?.()), config.loadTimeoutMs, 'settle');
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
  }
  return { first: summarize(first), second: summarize(second) };
}

/**
 * Scripts the page fetched before it was ready, minus the bench's own page code. Only those
 * whose request started by `readyAt` (Resource Timing) count: what an editor loads after its
 * graph is painted (V2U's editing code, when idle) may arrive before the bench asks, under load.
 */
function trackScripts(page) {
  const pending = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.request().resourceType() !== 'script' || path.startsWith('/bench/pages/')) return;
    const file = response.buffer().then((body) => ({ path, min: body.length, gzip: gzipSync(body, { level: 9 }).length }));
    file.catch(() => {}); // a page that timed out may never hand its bodies over; nobody waits then
    pending.push(file);
  });
  return {
    async until(page, readyAt) {
      const started = await page.evaluate((t) => {
        const entries = performance.getEntriesByType('resource');
        // A full buffer (250 entries) may have dropped some: then count every response.
        return entries.length >= 250 ? null : entries.filter((e) => e.startTime <= t).map((e) => new URL(e.name).pathname);
      }, readyAt);
      const files = (await Promise.all(pending.splice(0))).filter((f) => !started || started.includes(f.path));
      return { files, min: files.reduce((s, f) => s + f.min, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
    },
  };
}

async function blocking(page, from, to) {
  const { longTasks, loafs, supports } = await page.evaluate((a, b) => window.benchPerf.since(a, b ?? Infinity), from, to);
  const max = (list, key) => list.reduce((m, e) => Math.max(m, e[key]), 0);
  return {
    longTasks: supports.longtask ? { count: longTasks.length, maxMs: max(longTasks, 'duration') } : null,
    loafs: supports.loaf ? { count: loafs.length, maxMs: max(loafs, 'duration'), blockingMs: loafs.reduce((s, e) => s + e.blocking, 0) } : null,
  };
}

async function interact(page, size, config, result, log) {
  const graph = generateGraph(size);
  const target = nearest(graph.nodes, { x: 560, y: 330 }, SELECTION);
  const ev = (fn, ...args) => withTimeout(page.evaluate(fn, ...args), config.stepTimeoutMs, 'page');
  const startedAt = await ev(() => performance.now());
  const supported = await measureKinds(page, ev, gestureKinds(page, ev, target.map((n) => n.id)), config, result, log);
  if (supported.length) result.interactionBlocking = await blocking(page, startedAt);
  result.interactionSeconds = await keepInteracting(supported, config.heapSeconds * 1000);
  result.heapAfterInteraction = await heapAfterGc(page);
  // Last, so the heap figures and the gestures above all start from zoom 1.
  await measureKinds(page, ev, farGestureKinds(page, ev), config, result, log);
  if (!result.farPan.na) result.farZoomAt = (await ev(() => window.benchEditor.viewport())).zoom;
}

/** Measures each gesture of `kinds` into `result[kind]`; returns the supported ones. */
async function measureKinds(page, ev, kinds, config, result, log) {
  const supported = [];
  for (const [kind, gesture] of Object.entries(kinds)) {
    result[kind] = await measureGesture(page, ev, gesture, config);
    log(`  ${kind}: ${result[kind].na ?? `p95 ${result[kind].p95?.median?.toFixed(1)} ms (${result[kind].method})`}`);
    if (!result[kind].na) supported.push(gesture);
  }
  return supported;
}

/** Finds the first way that works (a short verified try), then records `gestureRuns` runs. */
async function measureGesture(page, ev, gesture, config) {
  if (gesture.prepare && !(await gesture.prepare())) return { na: `n/a (not supported: ${gesture.unsupported})` };
  const method = await firstWorking(gesture.methods);
  if (!method) return { na: 'n/a (not supported)' };
  gesture.run = (ms) => method.run(ms);
  const runs = [];
  for (let run = 0; run < config.gestureRuns; run++) {
    await ev(() => window.benchPerf.startFrames());
    await method.run(config.gestureMs);
    const { works, intervals } = await ev(() => window.benchPerf.stopFrames());
    runs.push({ ...framePercentiles(works), intervalP95: framePercentiles(intervals).p95 });
  }
  const of = (key) => summarize(runs.map((r) => r[key]));
  const trace = config.trace ? await traced(page, () => method.run(config.gestureMs)) : undefined;
  return { method: method.name, frames: of('frames'), p50: of('p50'), p95: of('p95'), p99: of('p99'), intervalP95: of('intervalP95'), trace };
}

async function firstWorking(methods) {
  for (const method of methods) if (await method.run(0, true).catch(() => false)) return method;
  return undefined;
}

/** Repeats the supported gestures for `ms` (the "after a minute of interaction" heap). */
async function keepInteracting(gestures, ms) {
  const started = Date.now();
  for (let i = 0; gestures.length && Date.now() - started < ms && i < 10_000; i++)
    await gestures[i % gestures.length].run(Math.min(1000, ms));
  return Math.round((Date.now() - started) / 100) / 10;
}
