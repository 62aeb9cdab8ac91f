// The bench graph as a V2U document, and manifests for its six node kinds.
const KIND_TYPES = {
  source: ['create/source', 'create', 0, 1],
  map: ['transform/map', 'transform', 1, 1],
  join: ['transform/join', 'transform', 2, 1],
  merge: ['transform/merge', 'transform', 3, 1],
  split: ['transform/split', 'transform', 1, 2],
  sink: ['output/sink', 'output', 1, 0],
};

const ports = (prefix, count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, { type: 'table' }]));

export function v2uManifests() {
  return Object.entries(KIND_TYPES).map(([kind, [type, category, inputs, outputs]]) => ({
    type,
    version: 1,
    category,
    title: kind[0].toUpperCase() + kind.slice(1),
    inputs: ports('in', inputs),
    outputs: ports('out', outputs),
  }));
}

export function toV2uDocument(graph) {
  return {
    version: 2,
    nodes: graph.nodes.map((n) => ({ id: n.id, type: KIND_TYPES[n.kind][0], position: { x: n.x, y: n.y }, config: {}, label: n.title })),
    edges: graph.edges.map((e) => ({ id: e.id, from: { node: e.from, port: `out${e.out}` }, to: { node: e.to, port: `in${e.in}` } })),
    groups: [],
    viewport: { x: 0, y: 0, zoom: 1 },
    metadata: {},
  };
}
