// The bench graph as a V2U document, and manifests for its six node kinds.
const KIND_TYPES = {
  source: ['create/source', 'create', 0, 1],
  map: ['transform/map', 'transform', 1, 1],
  join: ['transform/join', 'transform', 2, 1],
  merge: ['transform/merge', 'transform', 3, 1],
  split: ['transform/split', 'transform', 1, 2],
  sink: ['output/sink', 'output', 1, 0],
};

/**
 * The same six kinds as types of the built-in library (same port counts; the sink's Log has
 * an output it does not use), with their port names: for "painted with types", where the
 * editor learns the types from its library as a real page does, not from the page.
 */
const LIBRARY_TYPES = {
  source: ['create/sample-data', [], ['rows']],
  map: ['transform/sort', ['rows'], ['rows']],
  join: ['transform/join', ['left', 'right'], ['rows']],
  merge: ['utility/merge', ['first', 'second', 'third'], ['value']],
  split: ['transform/filter', ['rows'], ['rows', 'rejected']],
  sink: ['output/log', ['value'], ['value']],
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

/** The bench graph as a V2U document: of the bench's own types, or with `library` of the built-in library's. */
export function toV2uDocument(graph, { library = false } = {}) {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const type = (kind) => (library ? LIBRARY_TYPES[kind][0] : KIND_TYPES[kind][0]);
  const port = (id, side, i) => (library ? LIBRARY_TYPES[kinds.get(id)][side === 'in' ? 1 : 2][i] : `${side}${i}`);
  return {
    version: 2,
    nodes: graph.nodes.map((n) => ({ id: n.id, type: type(n.kind), position: { x: n.x, y: n.y }, config: {}, label: n.title })),
    edges: graph.edges.map((e) => ({ id: e.id, from: { node: e.from, port: port(e.from, 'out', e.out) }, to: { node: e.to, port: port(e.to, 'in', e.in) } })),
    groups: [],
    viewport: { x: 0, y: 0, zoom: 1 },
    metadata: {},
  };
}
