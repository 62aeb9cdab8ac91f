// The LiteGraph bench page: one canvas, node types registered for the six kinds, nodes
// added with graph.add and wired with node.connect, as its README shows. Nodes are dragged
// by their title bar, which LiteGraph draws above node.pos.
import { LGraph, LGraphCanvas, LiteGraph } from '/bench/.build/litegraph.js';

const COUNTS = { source: [0, 1], map: [1, 1], join: [2, 1], merge: [3, 1], split: [1, 2], sink: [1, 0] };
for (const [kind, [inputs, outputs]] of Object.entries(COUNTS)) {
  function BenchNode() {
    for (let i = 0; i < inputs; i++) this.addInput(`in${i}`, 'table');
    for (let i = 0; i < outputs; i++) this.addOutput(`out${i}`, 'table');
  }
  BenchNode.title = kind;
  LiteGraph.registerNodeType(`bench/${kind}`, BenchNode);
}

const canvas = document.createElement('canvas');
canvas.id = 'editor';
canvas.width = innerWidth;
canvas.height = innerHeight;
document.body.append(canvas);
const graph = new LGraph();
const view = new LGraphCanvas(canvas, graph);
const byId = new Map();

/**
 * Loads the graph with graph.configure() from LiteGraph's own serialized form, the way a
 * saved graph is opened; adding nodes and calling node.connect() per edge re-sorts the
 * whole graph on every connect and takes minutes at 10,000 nodes.
 */
function build(data) {
  // LiteGraph refuses graphs over MAX_NUMBER_OF_NODES (1,000 by default); raising it is the
  // documented way to hold a larger graph.
  LiteGraph.MAX_NUMBER_OF_NODES = Math.max(LiteGraph.MAX_NUMBER_OF_NODES, data.nodes.length);
  const idOf = (id) => Number(id.slice(1)) + 1;
  const nodes = data.nodes.map((n, order) => {
    const [inputs, outputs] = COUNTS[n.kind];
    return {
      id: idOf(n.id),
      type: `bench/${n.kind}`,
      title: n.title,
      pos: [n.x, n.y + LiteGraph.NODE_TITLE_HEIGHT],
      flags: {},
      mode: 0,
      order,
      properties: {},
      inputs: Array.from({ length: inputs }, (_, i) => ({ name: `in${i}`, type: 'table', link: null })),
      outputs: Array.from({ length: outputs }, (_, i) => ({ name: `out${i}`, type: 'table', links: [] })),
    };
  });
  const links = data.edges.map((e, i) => {
    const id = i + 1;
    nodes[idOf(e.from) - 1].outputs[e.out].links.push(id);
    nodes[idOf(e.to) - 1].inputs[e.in].link = id;
    return [id, idOf(e.from), e.out, idOf(e.to), e.in, 'table'];
  });
  graph.configure({ last_node_id: nodes.length, last_link_id: links.length, nodes, links, groups: [], config: {}, version: 0.4 });
  for (const n of data.nodes) {
    const node = graph.getNodeById(idOf(n.id));
    node.size[0] = 180;
    byId.set(n.id, node);
  }
}

function toClient([x, y]) {
  const r = canvas.getBoundingClientRect();
  const [cx, cy] = view.ds.convertOffsetToCanvas([x, y]);
  return { x: r.left + cx, y: r.top + cy };
}

window.benchEditor = {
  name: 'LiteGraph',
  ready: (async () => {
    build(await window.benchGraph);
    view.setDirty(true, true);
    const readyAt = await window.benchPerf.settle();
    return { readyAt, rendered: graph._nodes.length };
  })(),
  handle(id) {
    const node = byId.get(id);
    if (!node) return null;
    const p = toClient([node.pos[0] + 40, node.pos[1] - LiteGraph.NODE_TITLE_HEIGHT / 2]);
    return p.x >= 0 && p.y >= 0 && p.x < innerWidth && p.y < innerHeight ? p : null;
  },
  positions(ids) {
    return ids.map((id) => this.position(id));
  },
  position(id) {
    const node = byId.get(id);
    return node ? { x: node.pos[0], y: node.pos[1] - LiteGraph.NODE_TITLE_HEIGHT } : null;
  },
  viewport() {
    return { x: view.ds.offset[0], y: view.ds.offset[1], zoom: view.ds.scale };
  },
  /**
   * In LiteGraph 0.7 a plain press on a node selects only that node; shift+press adds it to
   * the selection and drags them all. So: select the others, then shift-drag the first.
   */
  select(ids) {
    view.selectNodes(ids.slice(1).map((id) => byId.get(id)));
    return { modifier: 'Shift' };
  },
};
