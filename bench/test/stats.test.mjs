import assert from 'node:assert/strict';
import { test } from 'node:test';
import { framePercentiles, percentile, summarize } from '../lib/stats.mjs';
import { summarizeTrace } from '../lib/trace.mjs';

test('percentiles by nearest rank', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(values, 50), 50);
  assert.equal(percentile(values, 95), 95);
  assert.equal(percentile(values, 99), 99);
  assert.equal(percentile([], 50), undefined);
  assert.deepEqual(framePercentiles([5, 1, 3]), { frames: 3, p50: 3, p95: 5, p99: 5 });
});

test('a summary keeps the median and spread of finite runs only', () => {
  assert.deepEqual(summarize([3, NaN, 1, 2]), { median: 2, min: 1, max: 3, runs: 3 });
  assert.equal(summarize([NaN]), null);
});

test('trace frames come from the renderer with the most AnimationFrame spans', () => {
  const frame = (pid, id, from, to) => [
    { pid, id, name: 'AnimationFrame', ph: 'b', ts: from },
    { pid, id, name: 'AnimationFrame', ph: 'e', ts: to },
  ];
  const events = [
    ...frame(1, 1, 0, 10_000),
    ...frame(1, 2, 20_000, 50_000),
    ...frame(2, 3, 0, 99_000),
    { pid: 1, name: 'DrawFrame', ph: 'I' },
    { pid: 1, name: 'DroppedFrame', ph: 'I' },
    { pid: 2, name: 'DrawFrame', ph: 'I' },
  ];
  const summary = summarizeTrace(events);
  assert.deepEqual(summary.animationFrames, { frames: 2, p50: 10, p95: 30, p99: 30 });
  assert.equal(summary.drawn, 1);
  assert.equal(summary.dropped, 1);
});
