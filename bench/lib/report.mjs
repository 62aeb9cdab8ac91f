// Turns the measurements into bench/results/latest.md: one row per figure and graph size,
// one column per editor, V2U's ratio to the best peer, and the target verdicts.
import { EDITORS } from './measure.mjs';

const KB = 1024;
const FRAME_BUDGET = 16.7;
const fmtMs = (v) => (v >= 100 ? Math.round(v).toString() : v.toFixed(1));
const fmtBytes = (v) => (v >= 1024 * KB ? `${(v / KB / KB).toFixed(1)} MB` : `${(v / KB).toFixed(1)} kB`);

/** V2U's types given by the page, not fetched or restored: the least any cache could reach. */
const BOUND = 'Navigation to painted with types handed by the page (no fetch, no cache: the bound for any cache), first visit, ms';

/** Rows: [label, sizes or null (size-independent), pick(result) → { value, text } | n/a text]. */
const ROWS = [
  ['Script loaded before first paint, min+gzip', 'once', (r) => r.scripts && { value: r.scripts.gzip, text: fmtBytes(r.scripts.gzip) }],
  ['Navigation to painted and interactive, ms', 'each', (r) => r.ready && { value: r.ready.median, text: spread(r.ready, fmtMs) }],
  ['Navigation to painted with types, first visit, ms', 'each', (r) => r.typed && { value: r.typed.first.median, text: spread(r.typed.first, fmtMs) }],
  ['Navigation to painted with types, second visit (IndexedDB warm), ms', 'each', (r) => r.typed && { value: r.typed.second.median, text: spread(r.typed.second, fmtMs) }],
  [BOUND, 'each', (r) => r.typedBound && { value: r.typedBound.first.median, text: spread(r.typedBound.first, fmtMs) }],
  ...[
    ['drag', 'Drag one node'],
    ['dragSelection', 'Drag 50 selected nodes'],
    ['pan', 'Pan'],
    ['zoom', 'Zoom'],
    ['farPan', 'Pan at far zoom'],
    ['farZoom', 'Zoom at far zoom'],
  ].map(([key, label]) => [`${label}: frame p50 / p95 / p99, ms`, 'each', (r) => frames(r[key])]),
  ['Far zoom reached (ctrl+wheel steps out to ≤ 0.3)', 'each', (r) => r.farZoomAt && { value: r.farZoomAt, text: r.farZoomAt.toFixed(2) }],
  ['JS heap after load (after GC)', 'each', (r) => r.heapAfterLoad && { value: r.heapAfterLoad, text: fmtBytes(r.heapAfterLoad) }],
  ['JS heap after interaction (after GC)', 'each', (r) => (r.interactionSeconds ? { value: r.heapAfterInteraction, text: `${fmtBytes(r.heapAfterInteraction)} (${r.interactionSeconds} s)` } : 'n/a (no supported gesture)')],
  ['Long tasks while loading: count / longest, ms', 'each', (r) => blockingCell(r.loadBlocking?.longTasks)],
  ['Long tasks while interacting: count / longest, ms', 'each', (r) => blockingCell(r.interactionBlocking?.longTasks)],
  ['Long animation frames while interacting: count / longest, ms', 'each', (r) => blockingCell(r.interactionBlocking?.loafs)],
];

function spread(s, f) {
  return s.runs > 1 ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : f(s.median);
}

function frames(g) {
  if (!g) return undefined;
  if (g.na) return g.na;
  const p95 = g.p95.runs > 1 ? ` (p95 ${fmtMs(g.p95.min)}–${fmtMs(g.p95.max)})` : '';
  const t = g.trace;
  const trace = t?.animationFrames.frames ? `; trace: p95 ${fmtMs(t.animationFrames.p95)}, ${t.dropped} of ${t.drawn + t.dropped} frames dropped` : '';
  return { value: g.p95.median, text: `${fmtMs(g.p50.median)} / **${fmtMs(g.p95.median)}** / ${fmtMs(g.p99.median)}${p95}${trace}` };
}

function blockingCell(b) {
  if (b === undefined) return 'n/a (no supported gesture)';
  if (b === null) return 'n/a (not in this browser)';
  return { value: b.maxMs, text: `${b.count} / ${fmtMs(b.maxMs)}` };
}

function cell(result, pick) {
  if (!result) return 'not run';
  if (result.status !== 'ok') return result.status === 'timeout' ? 'timed out' : result.status === 'skipped' ? 'skipped' : 'error';
  const picked = pick(result);
  if (picked === undefined || picked === null) return '–';
  return picked;
}

function ratio(v2u, peers) {
  const values = peers.filter((p) => typeof p === 'object').map((p) => p.value);
  if (typeof v2u !== 'object' || !values.length) return '–';
  const best = Math.min(...values);
  return best > 0 ? `${(v2u.value / best).toFixed(2)}×` : '–';
}

/** The targets of issue 9 that the editor table can judge, by row label prefix and size. */
function target(label, size, v2u, quick, sizes) {
  const judge = (ok, what) => `${ok ? 'met' : 'not met'} (${what})`;
  const frameTarget = (onSize) => {
    if (!sizes.includes(onSize)) return `not measured (${quick ? '--quick' : 'this run'} has no ${onSize.toLocaleString('en')}-node graph)`;
    if (size !== onSize) return '';
    return typeof v2u === 'object' ? judge(v2u.value <= FRAME_BUDGET, `p95 ≤ ${FRAME_BUDGET} ms`) : 'not met (not measurable yet)';
  };
  if (label.startsWith('Script')) return typeof v2u === 'object' ? judge(v2u.value <= 30 * KB, 'entry ≤ 30 kB') : '';
  if (label.startsWith('Drag')) return frameTarget(1000);
  if (label.startsWith('Pan') || label.startsWith('Zoom')) return frameTarget(10000);
  return '';
}

export function markdown(report) {
  const { meta, results, scenarios } = report;
  const editors = EDITORS.filter((e) => results.some((r) => r.editor === e.id));
  const sizes = [...new Set(results.map((r) => r.size))].sort((a, b) => a - b);
  const lines = [
    `# V2U benchmark: ${meta.mode} run`,
    '',
    `${meta.date} · ${meta.chromium} · Node ${meta.node} · ${meta.cpus} × ${meta.cpuModel} · ${meta.os} · ${meta.durationSeconds} s in all · load average ${meta.loadAverage.before} before, ${meta.loadAverage.after} after (the machine is shared; treat small differences as noise).`,
    `Runs per figure: ${meta.config.loadRuns} loads, ${meta.config.gestureRuns} × ${meta.config.gestureMs / 1000} s per gesture; interaction heap after ${meta.config.heapSeconds} s. Cells: median (min–max over runs). Frame rows: p50 / **p95** / p99 of main-thread time per frame.`,
  ];
  if (editors.length) lines.push('', `| Figure | Nodes | ${editors.map((e) => e.name).join(' | ')} | V2U ÷ best peer | Target |`, `|---|---:|${editors.map(() => '---:|').join('')}---:|---|`);
  for (const [label, scope, pick] of editors.length ? ROWS : []) {
    for (const size of scope === 'once' ? [sizes[0]] : sizes) {
      const cells = editors.map((e) => cell(results.find((r) => r.editor === e.id && r.size === size), pick));
      const [v2u, ...peers] = cells;
      const text = (c) => (typeof c === 'object' ? c.text : c);
      const hasV2u = editors[0].id === 'v2u';
      const ratioText = hasV2u ? ratio(v2u, peers) : '–';
      let verdict = hasV2u ? target(label, size, v2u, meta.mode === 'quick', sizes) : '';
      if (hasV2u && label.startsWith('Navigation to painted and interactive') && size === 1000) verdict = ratioVerdict(v2u, peers);
      if (hasV2u && label.includes('with types')) verdict = typedVerdict(label, size, results.find((r) => r.editor === 'v2u' && r.size === size), editors.slice(1).map((e, i) => [e.id, peers[i]]));
      lines.push(`| ${label} | ${scope === 'once' ? 'any' : size.toLocaleString('en')} | ${cells.map(text).join(' | ')} | ${ratioText} | ${verdict} |`);
    }
  }
  lines.push('', '## V2U only', '', '| Scenario | Figure | Value | Target |', '|---|---|---|---|');
  for (const s of scenarios) for (const row of s.rows) lines.push(`| ${s.title} | ${row.figure} | ${row.value} | ${row.target ?? ''} |`);
  lines.push('', ...meta.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

/**
 * Issue 18: painted with types on a first visit at most the fastest peer's time at 100 and
 * 1,000 nodes and at most LiteGraph's at 10,000; a second visit at most 0.75 of the first.
 */
function typedVerdict(label, size, result, peers) {
  const typed = result?.typed;
  if (!typed) return '';
  const judge = (ok, what) => `${ok ? 'met' : 'not met'} (${what})`;
  if (label === BOUND) {
    if (!result.typedBound) return '';
    const goal = 0.75 * typed.first.median;
    return `second-visit target 0.75 × first = ${fmtMs(goal)} ms: ${result.typedBound.first.median <= goal ? 'within reach' : 'out of reach of any cache'}`;
  }
  if (label.includes('second visit')) return judge(typed.second.median <= 0.75 * typed.first.median, '≤ 0.75 × first visit');
  const against = size >= 10000 ? peers.filter(([id]) => id === 'litegraph') : peers;
  const values = against.map(([, c]) => c).filter((c) => typeof c === 'object').map((c) => c.value);
  if (!values.length || size > 10000) return '';
  return judge(typed.first.median <= Math.min(...values), size >= 10000 ? '≤ LiteGraph' : '≤ fastest peer');
}

function ratioVerdict(v2u, peers) {
  const values = peers.filter((p) => typeof p === 'object').map((p) => p.value);
  if (typeof v2u !== 'object' || !values.length) return '';
  return `${v2u.value * 2 <= Math.min(...values) ? 'met' : 'not met'} (≥ 2× sooner than the fastest peer)`;
}
