// The flow the Vue, Angular and React demos share: plain data, so each framework app holds
// it in its own state. Its node types come from the built-in library, which each editor
// loads itself (the default `library`).

/** A fresh copy of a small flow; `title` labels its first node so two editors look different. */
export function sampleFlow(title) {
  return {
    version: 2,
    nodes: [
      { id: 'orders', type: 'create/sample-data', position: { x: 40, y: 60 }, config: { rows: 1000 }, label: title },
      { id: 'big', type: 'transform/filter', position: { x: 300, y: 60 }, config: { expression: 'total > 100' } },
      { id: 'byRegion', type: 'transform/group', position: { x: 560, y: 20 }, config: { groupBy: 'region' } },
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
