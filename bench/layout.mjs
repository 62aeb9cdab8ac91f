// `node bench/layout.mjs`: Tidy up's layout engine, elkjs (what the editor ships) against
// @dagrejs/dagre (a devDependency, kept for this comparison), on the demo flows and a generated
// 1,000-node graph, with the editor's real node boxes and port order. Needs the build (dist/).
// Writes bench/results/layout/latest.json and latest.md.
//   quality: edge crossings (edges drawn straight between their port anchors), inputs whose
//   sources sit out of port order, total edge length, overlapping nodes, edges that run right to left;
//   time: median of the runs, in Node on this machine (the editor runs the same code in a worker);
//   size: the engine's chunk, min+gzip.
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import dagre from '@dagrejs/dagre';
import layoutTask from '../dist/src/runtime/layout/layout-task.js';
import { layoutInput, portOffset } from '../dist/src/core/auto-layout/layout-input.js';
import { LAYER_GAP, NODE_GAP } from '../dist/src/core/auto-layout/elk-graph.js';
import { NODE_WIDTH, nodeHeight, portLists } from '../dist/src/core/layout.js';
import { generateGraph } from '../demo/generate-graph.js';
import { median } from './lib/stats.mjs';

const bundles = 'dist/nodes/bundles';
const manifests = new Map(
  readdirSync(bundles).filter((f) => f !== 'index.json').flatMap((f) => JSON.parse(readFileSync(`${bundles}/${f}`, 'utf8')).nodes.map((m) => [m.type, m])),
);
const source = {
  ports: (n) => portLists(manifests.get(n.type)),
  size: (n) => ({ width: NODE_WIDTH, height: nodeHeight(portLists(manifests.get(n.type)), !!manifests.get(n.type).element) }),
};

const ENGINES = {
  elk: async (input) => (await layoutTask.processLogic({ graph: input }, { signal: new AbortController().signal })).positions,
  dagre: (input) => {
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: LAYER_GAP });
    g.setDefaultEdgeLabel(() => ({}));
    for (const n of input.nodes) g.setNode(n.id, { width: n.width, height: n.height });
    input.edges.forEach((e, i) => g.setEdge(e.from.node, e.to.node, {}, `e${i}`));
    dagre.layout(g);
    return Object.fromEntries(input.nodes.map((n) => [n.id, { x: g.node(n.id).x - n.width / 2, y: g.node(n.id).y - n.height / 2 }]));
  },
};

function quality(input, pos) {
  const byId = new Map(input.nodes.map((n) => [n.id, n]));
  const anchor = (ref, side) => {
    const node = byId.get(ref.node);
    const o = portOffset(node, side, ref.port);
    return [pos[node.id].x + o.x, pos[node.id].y + o.y];
  };
  const segs = input.edges.map((e) => [...anchor(e.from, 'out'), ...anchor(e.to, 'in')]);
  const side = (ax, ay, bx, by, cx, cy) => Math.sign((cy - ay) * (bx - ax) - (by - ay) * (cx - ax));
  let crossings = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const [a, b, c, d] = segs[i];
      const [e, f, g, h] = segs[j];
      if ((a === e && b === f) || (c === g && d === h)) continue;
      if (side(a, b, c, d, e, f) * side(a, b, c, d, g, h) < 0 && side(e, f, g, h, a, b) * side(e, f, g, h, c, d) < 0) crossings++;
    }
  let outOfPortOrder = 0;
  for (const n of input.nodes) {
    const into = input.edges.map((e, i) => [e, segs[i]]).filter(([e]) => e.to.node === n.id).sort(([x], [y]) => n.inputs.indexOf(x.to.port) - n.inputs.indexOf(y.to.port));
    for (let i = 1; i < into.length; i++) if (into[i - 1][0].to.port !== into[i][0].to.port && into[i - 1][1][1] > into[i][1][1]) outOfPortOrder++;
  }
  let overlaps = 0;
  const boxes = input.nodes.map((n) => ({ ...pos[n.id], w: n.width, h: n.height })).sort((p, q) => p.x - q.x);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j].x < boxes[i].x + boxes[i].w; j++) if (boxes[i].y < boxes[j].y + boxes[j].h && boxes[j].y < boxes[i].y + boxes[i].h) overlaps++;
  return {
    crossings,
    outOfPortOrder,
    edgeLength: Math.round(segs.reduce((sum, [a, b, c, d]) => sum + Math.hypot(c - a, d - b), 0)),
    overlaps,
    rightToLeft: segs.filter(([a, , c]) => c <= a).length,
  };
}

const graphs = Object.fromEntries(['order-analytics', 'pricing-rules', 'customer-cleanup'].map((f) => [f, JSON.parse(readFileSync(`demo/flows/${f}.json`, 'utf8'))]));
graphs['generated-1000'] = generateGraph(1000);

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const chunk = (prefix) => readdirSync('dist/chunks').filter((f) => f.startsWith(prefix) && f.endsWith('.js')).map((f) => `dist/chunks/${f}`);
const sizes = {
  elk: chunk('elk.bundled-').concat(chunk('layout-task-')).reduce((sum, f) => sum + gz(f), 0),
  dagre: gz('node_modules/@dagrejs/dagre/dist/dagre.min.js'),
};

const rows = [];
for (const [name, doc] of Object.entries(graphs)) {
  const input = layoutInput(doc.nodes, doc.edges, source);
  rows.push({ graph: name, engine: 'as saved', ms: 0, ...quality(input, Object.fromEntries(doc.nodes.map((n) => [n.id, n.position]))) });
  for (const [engine, layout] of Object.entries(ENGINES)) {
    await layout(input); // warm: the first call loads the engine
    const times = [];
    let pos;
    for (let i = 0; i < (doc.nodes.length > 100 ? 3 : 7); i++) {
      const t = performance.now();
      pos = await layout(input);
      times.push(performance.now() - t);
    }
    rows.push({ graph: name, engine, ms: Math.round(median(times) * 10) / 10, ...quality(input, pos) });
    console.log(JSON.stringify(rows.at(-1)));
  }
}

mkdirSync('bench/results/layout', { recursive: true });
const when = new Date().toISOString();
writeFileSync('bench/results/layout/latest.json', `${JSON.stringify({ when, loadavg: loadavg()[0], sizes, rows }, null, 2)}\n`);
const md = [
  `# Layout engines: elkjs vs dagre (${when.slice(0, 10)}, load ${loadavg()[0].toFixed(1)} on ${process.arch})`,
  '',
  `Engine chunk, min+gzip: elkjs ${(sizes.elk / 1024).toFixed(0)} KiB (lazy, loaded in a worker on the first Tidy up), dagre ${(sizes.dagre / 1024).toFixed(0)} KiB.`,
  '',
  '| graph | engine | time (ms) | crossings | inputs out of port order | edge length | overlaps | right-to-left edges |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.graph} | ${r.engine} | ${r.engine === 'as saved' ? '' : r.ms} | ${r.crossings} | ${r.outOfPortOrder} | ${r.edgeLength} | ${r.overlaps} | ${r.rightToLeft} |`),
  '',
].join('\n');
writeFileSync('bench/results/layout/latest.md', md);
console.log(md);
