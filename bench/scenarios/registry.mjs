// V2U only: the registry under a scripted sequence of 500 node-type loads (a few popular
// types and a long tail, seeded): time of a cold load (module import) and of a warm one (L1
// cache hit), the hit rate the registry reports, and the cost of a manifest lookup.
import { withTimeout } from '../lib/browser.mjs';
import { notBuilt, probe } from './probe.mjs';

export const id = 'registry';
export const title = 'Registry: 500 scripted loads of the built-in node types';
const FIGURES = [['Load p50 / p95: first use of a type / later uses (L1)'], ['Hit rate'], ['Manifest lookup p50 / p95']];
const LOADS = 500;

export async function run(context) {
  const features = await probe(context);
  if (!features.registry?.metrics) return notBuilt(FIGURES, 'no registry.metrics');
  const page = await context.browser.newPage();
  try {
    await page.goto(`${context.baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
    await withTimeout(page.evaluate(() => window.benchProbe), context.config.loadTimeoutMs, 'probe');
    const result = await withTimeout(page.evaluate(scripted, LOADS), context.config.runTimeoutMs, 'registry loads');
    const ms = (v) => v.toFixed(3);
    return [
      { figure: FIGURES[0][0], value: `${ms(result.cold.p50)} / ${ms(result.cold.p95)} ms (${result.cold.n}) · ${ms(result.warm.p50)} / ${ms(result.warm.p95)} ms (${result.warm.n})` },
      { figure: FIGURES[1][0], value: `${(100 * result.hitRate).toFixed(1)} % of ${result.loads} (registry metrics: ${result.hits} hits, ${result.misses} misses)` },
      { figure: FIGURES[2][0], value: `${ms(result.get.p50)} / ${ms(result.get.p95)} ms` },
    ];
  } finally {
    await page.close();
  }
}

/** In the page: 500 loads drawn from the library's types, popular ones more often. */
async function scripted(loads) {
  const registry = document.getElementById('editor').registry;
  const types = registry.list().map((m) => m.type).sort();
  let seed = 7;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const pick = () => types[Math.min(types.length - 1, Math.floor(types.length * random() ** 2.5))];
  const before = registry.metrics;
  const seen = new Set();
  const cold = [];
  const warm = [];
  for (let i = 0; i < loads; i++) {
    const type = pick();
    const started = performance.now();
    await registry.load(type);
    (seen.has(type) ? warm : cold).push(performance.now() - started);
    seen.add(type);
  }
  const gets = [];
  for (let i = 0; i < loads; i++) {
    const started = performance.now();
    registry.get(pick());
    gets.push(performance.now() - started);
  }
  const summary = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    return { n: sorted.length, p50: at(50), p95: at(95) };
  };
  const after = registry.metrics;
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  return { loads, cold: summary(cold), warm: summary(warm), get: summary(gets), hits, misses, hitRate: hits / Math.max(1, hits + misses) };
}
