// The React Flow bench page: @xyflow/react 12 with React 19, uncontrolled nodes (the
// library owns node state and dragging), one custom node type with a handle per port.
// `?variant=visible` turns on onlyRenderVisibleElements, React Flow's advice for large graphs.
import { Handle, Position, ReactFlow, createElement as h, createRoot, memo } from '/bench/.build/react-flow.js';

const HEADER = 32;
const ROW = 22;
const style = document.createElement('style');
style.textContent = `.bench-node { box-sizing: border-box; width: 180px; background: #fff; border: 1px solid #c9ced8; border-radius: 8px; }
.bench-title { height: ${HEADER}px; line-height: ${HEADER}px; padding: 0 10px; font-weight: 600; border-bottom: 1px solid #eee; }`;
document.head.append(style);

const COUNTS = { source: [0, 1], map: [1, 1], join: [2, 1], merge: [3, 1], split: [1, 2], sink: [1, 0] };
const handles = (type, position, prefix, count) =>
  Array.from({ length: count }, (_, i) => h(Handle, { key: prefix + i, id: prefix + i, type, position, style: { top: HEADER + i * ROW + ROW / 2 } }));

const PortsNode = memo(function PortsNode({ data }) {
  const [inputs, outputs] = COUNTS[data.kind];
  const height = HEADER + Math.max(1, inputs, outputs) * ROW + 10;
  return h('div', { className: 'bench-node', style: { height } }, [
    h('div', { key: 't', className: 'bench-title' }, data.label),
    ...handles('target', Position.Left, 'in', inputs),
    ...handles('source', Position.Right, 'out', outputs),
  ]);
});
const nodeTypes = { ports: PortsNode };

const container = document.createElement('div');
container.id = 'editor';
document.body.append(container);
let instance;
const visibleOnly = window.benchParams.variant === 'visible';

async function mount() {
  const graph = await window.benchGraph;
  const nodes = graph.nodes.map((n) => ({ id: n.id, type: 'ports', position: { x: n.x, y: n.y }, data: { label: n.title, kind: n.kind } }));
  const edges = graph.edges.map((e) => ({ id: e.id, source: e.from, sourceHandle: `out${e.out}`, target: e.to, targetHandle: `in${e.in}` }));
  const initialized = new Promise((resolve) => {
    const props = {
      defaultNodes: nodes,
      defaultEdges: edges,
      nodeTypes,
      defaultViewport: { x: 0, y: 0, zoom: 1 },
      minZoom: 0.1,
      onlyRenderVisibleElements: visibleOnly,
      onInit: (i) => resolve((instance = i)),
    };
    createRoot(container).render(h(ReactFlow, props));
  });
  await initialized;
  await painted(graph.edges.length > 0);
  const readyAt = await window.benchPerf.settle();
  return { readyAt, rendered: container.querySelectorAll('.react-flow__node').length };
}

/** Nodes are hidden until measured and edges wait for handles: poll frames until both show. */
async function painted(expectEdges) {
  const deadline = performance.now() + 180_000;
  while (performance.now() < deadline) {
    const node = container.querySelector('.react-flow__node');
    const shown = node && getComputedStyle(node).visibility !== 'hidden';
    if (shown && (!expectEdges || container.querySelector('.react-flow__edge'))) return;
    await window.benchPerf.nextFrame();
  }
}

window.benchEditor = {
  name: visibleOnly ? 'React Flow (visible only)' : 'React Flow',
  ready: mount(),
  handle(id) {
    const title = container.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] .bench-title`);
    if (!title) return null;
    const r = title.getBoundingClientRect();
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
  },
  positions(ids) {
    return ids.map((id) => this.position(id));
  },
  position(id) {
    const node = instance.getNode(id);
    return node ? { ...node.position } : null;
  },
  viewport() {
    return instance.getViewport();
  },
  select(ids) {
    const chosen = new Set(ids);
    instance.setNodes((nodes) => nodes.map((n) => ({ ...n, selected: chosen.has(n.id) })));
    return true;
  },
};
