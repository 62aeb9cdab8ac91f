// A seeded, realistic-looking flow graph for demos and benchmarks: nodes in columns of the
// four categories, each fed by one or two nodes of the previous columns (~1.2 edges per node).
const TYPES = [
  ['create/sample-data', [], ['rows']],
  ['transform/filter', ['rows'], ['rows']],
  ['transform/sort', ['rows'], ['rows']],
  ['transform/join', ['left', 'right'], ['rows']],
  ['output/table', ['rows'], []],
];

// Room for the tallest node (a table: three output rows, status and its 140-unit preview,
// 282 units in all) plus the jitter, so no two generated nodes overlap (test/demo/large-graph
// checks it); columns likewise fit a node (180) and the jitter.
const ROW = 310;
const COLUMN = 260;

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function generateGraph(count, seed = 1) {
  const rand = random(seed);
  // About as many columns as rows on screen: rows are taller than columns are wide.
  const perColumn = Math.max(3, Math.round(Math.sqrt((count * COLUMN) / ROW)));
  const nodes = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const column = Math.floor(i / perColumn);
    const row = i % perColumn;
    const [type, inputs] = column === 0 ? TYPES[0] : TYPES[1 + Math.floor(rand() * (TYPES.length - 1))];
    nodes.push({ id: `n${i}`, type, position: { x: column * COLUMN + Math.round(rand() * 30), y: row * ROW + Math.round(rand() * 20) }, config: {} });
    if (column === 0) continue;
    for (const port of inputs.slice(0, rand() < 0.2 ? 2 : 1)) {
      const from = (column - 1) * perColumn + Math.floor(rand() * perColumn);
      const source = nodes[Math.min(from, i - 1)];
      if (TYPES.find(([t]) => t === source.type)[2].length === 0) continue;
      edges.push({ id: `e${edges.length}`, from: { node: source.id, port: 'rows' }, to: { node: `n${i}`, port } });
    }
  }
  return { version: 2, nodes, edges };
}
