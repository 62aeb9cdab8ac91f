import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdown } from '../lib/report.mjs';

const run = (median) => ({ median, min: median, max: median, runs: 1 });
const gesture = (p95) => ({ method: 'drag', frames: run(100), p50: run(p95 / 2), p95: run(p95), p99: run(p95 * 2) });
const meta = {
  date: 'today', mode: 'quick', chromium: 'Chrome', node: '20', cpus: 2, cpuModel: 'cpu', os: 'linux',
  loadAverage: { before: 1, after: 1 }, durationSeconds: 1, notes: [],
  config: { loadRuns: 1, gestureRuns: 1, gestureMs: 500, heapSeconds: 2 },
};

test('rows show V2U against the best peer and judge the targets', () => {
  const results = [
    { editor: 'v2u', size: 1000, status: 'ok', scripts: { gzip: 20 * 1024 }, ready: run(100), drag: gesture(10), pan: { na: 'n/a (not supported)' } },
    { editor: 'react-flow', size: 1000, status: 'ok', scripts: { gzip: 120 * 1024 }, ready: run(400), drag: gesture(40), pan: gesture(8) },
    { editor: 'drawflow', size: 1000, status: 'timeout' },
  ];
  const lines = markdown({ meta, results, scenarios: [] }).split('\n');
  const row = (prefix) => lines.find((l) => l.startsWith(`| ${prefix}`));
  assert.match(row('Script'), /20\.0 kB \| 120\.0 kB \| timed out \| 0\.17× \| met \(entry ≤ 30 kB\)/);
  assert.match(row('Navigation'), /0\.25× \| met \(≥ 2× sooner/);
  assert.match(row('Drag one node'), /\*\*10\.0\*\*.*0\.25× \| met \(p95 ≤ 16\.7 ms\)/);
  assert.match(row('Pan'), /n\/a \(not supported\) \| .*\*\*8\.0\*\*.*not measured/);
});

test('pan and zoom at far zoom get rows of their own, with the zoom they ran at', () => {
  const results = [
    { editor: 'v2u', size: 10000, status: 'ok', farPan: gesture(12), farZoom: gesture(14), farZoomAt: 0.2466 },
    { editor: 'litegraph', size: 10000, status: 'ok', farPan: gesture(24), farZoom: gesture(28), farZoomAt: 0.2897 },
  ];
  const lines = markdown({ meta, results, scenarios: [] }).split('\n');
  const row = (prefix) => lines.find((l) => l.startsWith(`| ${prefix}`));
  assert.match(row('Pan at far zoom'), /\| 10,000 \| .*\*\*12\.0\*\*.*\*\*24\.0\*\*.*0\.50× \| met \(p95 ≤ 16\.7 ms\)/);
  assert.match(row('Zoom at far zoom'), /\*\*14\.0\*\*.*\*\*28\.0\*\*/);
  assert.match(row('Far zoom reached'), /\| 0\.25 \| 0\.29 \|/);
});

test('the page-handed types row bounds the second visit: the target is judged against it', () => {
  const typed = (first, second) => ({ first: run(first), second: run(second) });
  const results = [
    { editor: 'v2u', size: 100, status: 'ok', typed: typed(120, 110), typedBound: typed(100, 100) },
    { editor: 'litegraph', size: 100, status: 'ok', typed: typed(110, 100) },
    { editor: 'v2u', size: 1000, status: 'ok', typed: typed(200, 190), typedBound: typed(140, 140) },
    { editor: 'litegraph', size: 1000, status: 'ok', typed: typed(160, 150) },
  ];
  const lines = markdown({ meta, results, scenarios: [] }).split('\n');
  const rows = lines.filter((l) => l.startsWith('| Navigation to painted with types handed by the page'));
  assert.equal(rows.length, 2);
  assert.match(rows[0], /\| 100 \| 100 \| – \| .* \| second-visit target 0\.75 × first = 90\.0 ms: out of reach of any cache \|$/);
  assert.match(rows[1], /\| 1,000 \| 140 \| – \| .* \| second-visit target 0\.75 × first = 150 ms: within reach \|$/);
});
