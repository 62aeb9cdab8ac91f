// Small statistics for bench figures: percentiles, medians and spreads.

/** The p-th percentile (0..100) by nearest rank; undefined for an empty list. */
export function percentile(values, p) {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => percentile(values, 50);

/** A figure from repeated runs: the median, the min and max, and the runs themselves. */
export function summarize(values) {
  const clean = values.filter((v) => Number.isFinite(v));
  if (!clean.length) return null;
  return { median: median(clean), min: Math.min(...clean), max: Math.max(...clean), runs: clean.length };
}

/** p50/p95/p99 of one run's frame intervals. */
export function framePercentiles(intervals) {
  return { frames: intervals.length, p50: percentile(intervals, 50), p95: percentile(intervals, 95), p99: percentile(intervals, 99) };
}
