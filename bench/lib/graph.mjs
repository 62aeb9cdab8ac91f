// A seeded generator of realistic flow graphs: layered left to right like a real pipeline,
// each node wired mostly to nearby nodes of the previous column, about 1.2 edges per node.
// Every editor in the bench receives the very same graph, in this neutral form.

/** Node kinds with their input and output counts; the mix sets the edge density. */
export const KINDS = {
  source: { inputs: 0, outputs: 1, title: 'Source' },
  map: { inputs: 1, outputs: 1, title: 'Map' },
  join: { inputs: 2, outputs: 1, title: 'Join' },
  merge: { inputs: 3, outputs: 1, title: 'Merge' },
  split: { inputs: 1, outputs: 2, title: 'Split' },
  sink: { inputs: 1, outputs: 0, title: 'Sink' },
};
const MIX = [['map', 0.4], ['join', 0.25], ['merge', 0.05], ['split', 0.15], ['sink', 0.1], ['source', 0.05]];

export const LAYOUT = { left: 320, top: 40, column: 260, row: 140 };
export const EDGES_PER_NODE = 1.2;

/** mulberry32: small, fast and good enough to make the same graph on every machine. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` nodes on a grid about twice as tall as wide in columns, ids `n0`…; edges
 * `{ id, from, out, to, in }` name port indexes. Inputs take at most one edge, so every
 * editor accepts the graph; the layout leaves the left 320 px empty for background drags.
 */
export function generateGraph(count, seed = 42) {
  const random = seededRandom(seed + count);
  const rows = Math.max(4, Math.round(Math.sqrt(count * 1.5)));
  const nodes = [];
  for (let i = 0; i < count; i++) {
    const column = Math.floor(i / rows);
    const row = i % rows;
    const kind = column === 0 ? 'source' : pick(random);
    const jitter = () => Math.round((random() - 0.5) * 24);
    nodes.push({
      id: `n${i}`,
      kind,
      title: `${KINDS[kind].title} ${i}`,
      x: LAYOUT.left + column * LAYOUT.column + jitter(),
      y: LAYOUT.top + row * LAYOUT.row + jitter(),
      column,
      row,
    });
  }
  return { seed, nodes: nodes.map(({ column, row, ...n }) => n), edges: wire(nodes, rows, random) };
}

function pick(random) {
  let r = random();
  for (const [kind, weight] of MIX) if ((r -= weight) < 0) return kind;
  return 'map';
}

function wire(nodes, rows, random) {
  const target = Math.round(nodes.length * EDGES_PER_NODE);
  const inputs = [];
  for (const node of nodes) for (let port = 0; port < KINDS[node.kind].inputs; port++) inputs.push({ node, port });
  shuffle(inputs, random);
  const edges = [];
  for (const { node, port } of inputs) {
    if (edges.length >= target) break;
    const source = nearbySource(nodes, node, rows, random);
    if (source) edges.push({ id: `e${edges.length}`, from: source.id, out: Math.floor(random() * KINDS[source.kind].outputs), to: node.id, in: port });
  }
  return edges;
}

/** A node with outputs one (sometimes two) columns to the left, within a few rows. */
function nearbySource(nodes, node, rows, random) {
  const index = Number(node.id.slice(1));
  const column = Math.floor(index / rows);
  for (let attempt = 0; attempt < 8; attempt++) {
    const back = column >= 2 && random() < 0.15 ? 2 : 1;
    if (column - back < 0) return undefined;
    const row = Math.min(rows - 1, Math.max(0, (index % rows) + Math.round((random() - 0.5) * 8)));
    const candidate = nodes[(column - back) * rows + row];
    if (candidate && KINDS[candidate.kind].outputs > 0) return candidate;
  }
  return undefined;
}

function shuffle(list, random) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
}
