// The flow and node types the Vue, Angular and React demos share: plain data, so each
// framework app holds it in its own state.

/** Manifests of the node types the sample flows use (the demos pass them as `manifests`). */
export const sampleManifests = [
  { type: 'create/sample-data', version: 1, category: 'create', title: 'Sample orders', inputs: {}, outputs: { rows: { type: 'table' } } },
  { type: 'transform/filter', version: 1, category: 'transform', title: 'Filter rows', inputs: { rows: { type: 'table' } }, outputs: { rows: { type: 'table' } } },
  { type: 'transform/group', version: 1, category: 'transform', title: 'Group and aggregate', inputs: { rows: { type: 'table' } }, outputs: { rows: { type: 'table' } } },
  { type: 'output/table', version: 1, category: 'output', title: 'Table view', inputs: { rows: { type: 'table' } }, outputs: {} },
  { type: 'output/chart', version: 1, category: 'output', title: 'Chart', inputs: { rows: { type: 'table' } }, outputs: {} },
];

/** A fresh copy of a small flow; `title` labels its first node so two editors look different. */
export function sampleFlow(title) {
  return {
    version: 2,
    nodes: [
      { id: 'orders', type: 'create/sample-data', position: { x: 40, y: 60 }, config: { rows: 1000 }, label: title },
      { id: 'big', type: 'transform/filter', position: { x: 300, y: 60 }, config: { expression: 'amount > 100' } },
      { id: 'byRegion', type: 'transform/group', position: { x: 560, y: 20 }, config: { by: ['region'] } },
      { id: 'table', type: 'output/table', position: { x: 560, y: 180 }, config: {} },
    ],
    edges: [
      { id: 'e1', from: { node: 'orders', port: 'rows' }, to: { node: 'big', port: 'rows' } },
      { id: 'e2', from: { node: 'big', port: 'rows' }, to: { node: 'byRegion', port: 'rows' } },
      { id: 'e3', from: { node: 'big', port: 'rows' }, to: { node: 'table', port: 'rows' } },
    ],
  };
}

/** One line on what the app's own state holds, shown under each editor. */
export function describeFlow(graph, changes) {
  return `${changes} changes seen by the app, ${graph.nodes.length} nodes, ${graph.edges.length} edges`;
}
