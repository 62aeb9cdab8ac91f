// V2U only: registry lookups, p50/p95 and hit rate, as the registry's own metrics report
// them (`editor.registry.metrics`: { lookups: number[] (ms) | { p50, p95 }, hits, misses }).
import { notBuilt, probe } from './probe.mjs';
import { percentile } from '../lib/stats.mjs';

export const id = 'registry';
export const title = 'Registry lookups';
const FIGURES = [['Lookup p50 / p95'], ['Hit rate']];

export async function run(context) {
  const features = await probe(context);
  const metrics = features.registry?.metrics;
  if (!metrics) return notBuilt(FIGURES, features.registry ? 'no registry.metrics' : 'no editor.registry');
  const lookups = metrics.lookups ?? {};
  const p50 = Array.isArray(lookups) ? percentile(lookups, 50) : lookups.p50;
  const p95 = Array.isArray(lookups) ? percentile(lookups, 95) : lookups.p95;
  const total = (metrics.hits ?? 0) + (metrics.misses ?? 0);
  return [
    { figure: FIGURES[0][0], value: p50 === undefined ? 'n/a (no lookup timings)' : `${p50.toFixed(3)} / ${p95.toFixed(3)} ms` },
    { figure: FIGURES[1][0], value: total ? `${((100 * metrics.hits) / total).toFixed(1)} % of ${total}` : 'n/a (no lookups counted)' },
  ];
}
