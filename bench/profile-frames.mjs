// `node bench/profile-frames.mjs [nodes] [gesture] [ms]`: where the frame time of one bench
// gesture goes on the V2U page. gesture: pan, zoom, drag50, farPan, farZoom (bench/lib/
// interactions.mjs, the same real input as the bench). Prints the frame p50/p95 (benchPerf),
// the top self times of a CDP CPU profile (200 µs sampling) and the renderer main thread's
// trace events by name (devtools.timeline, self time). Run from the repository root after
// `npm run build`; figures are shares of one run, read them beside each other, not as a bench.
import { generateGraph } from './lib/graph.mjs';
import { SELECTION, farGestureKinds, gestureKinds, nearest } from './lib/interactions.mjs';
import { openV2uPage } from './lib/v2u-page.mjs';
import { percentile } from './lib/stats.mjs';

const [nodes = '10000', name = 'pan', ms = '2000'] = process.argv.slice(2);
const { page, close } = await openV2uPage(nodes);
try {
  const ev = (fn, ...args) => page.evaluate(fn, ...args);
  const ids = nearest(generateGraph(Number(nodes)).nodes, { x: 560, y: 330 }, SELECTION).map((n) => n.id);
  const kinds = { ...gestureKinds(page, ev, ids), ...farGestureKinds(page, ev) };
  const kind = name === 'drag50' ? kinds.dragSelection : kinds[name];
  if (!kind) throw new Error(`Unknown gesture "${name}"`);
  if (kind.prepare) await kind.prepare();
  const [method] = kind.methods;
  await method.run(800); // warm up (the editing code loads on the first press)
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await ev(() => window.benchPerf.startFrames());
  await cdp.send('Profiler.start');
  await method.run(Number(ms));
  const { profile } = await cdp.send('Profiler.stop');
  const { works } = await ev(() => window.benchPerf.stopFrames());
  const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
  console.log(`${nodes} nodes, ${name}: ${works.length} frames, p50 ${percentile(works, 50).toFixed(1)} ms, p95 ${percentile(works, 95).toFixed(1)} ms`);
  printTop('CPU profile, self ms', selfTimes(profile), 25);
  printTop('CPU profile, total ms (script functions)', totalTimes(profile), 30);
  printTop('Main thread trace events, self ms', traceSelf(trace), 20);
  const slow = slowFrames(trace, 12);
  printTop(`Main thread trace events in the ${slow.count} frames over 12 ms, self ms`, traceSelf(slow.events, trace), 20);
} finally {
  await close();
}

function printTop(title, map, count) {
  console.log(`\n${title}:`);
  for (const [key, value] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`  ${value.toFixed(1).padStart(8)}  ${key}`);
}

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}

/** Time with callees per script function (each counted once per sample, however deep it recurses). */
function totalTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at).callFrame;
      if (!url) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return totals;
}

/** The renderer main thread's events inside AnimationFrame spans longer than `ms`. */
function slowFrames(events, ms) {
  const begins = new Map();
  const spans = [];
  for (const e of events) {
    if (e.name !== 'AnimationFrame') continue;
    if (e.ph === 'b') begins.set(e.id, e);
    else if (e.ph === 'e' && begins.has(e.id) && (e.ts - begins.get(e.id).ts) / 1000 > ms) spans.push([begins.get(e.id).ts, e.ts, e.pid]);
  }
  const inside = (e) => spans.some(([from, to, pid]) => e.pid === pid && e.ts >= from && e.ts < to);
  return { count: spans.length, events: events.filter((e) => e.name === 'thread_name' || (e.ph === 'X' && inside(e))) };
}

/** Self time per event name on the busiest renderer's main thread (complete events, nested by time). */
function traceSelf(events, all = events) {
  const main = all.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && all.some((x) => x.pid === e.pid && x.name === 'AnimationFrame'));
  const list = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = new Map();
  const stack = [];
  for (const e of list) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) totals.set(parent.name, (totals.get(parent.name) ?? 0) - e.dur / 1000);
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  return totals;
}
