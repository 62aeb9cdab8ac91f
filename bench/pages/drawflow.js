// The Drawflow bench page: the graph goes in through `import()` of Drawflow's own export
// format, the documented way to load a saved flow. Drawflow has no multi-selection.
import Drawflow from '/bench/.build/drawflow.js';

const container = document.createElement('div');
container.id = 'editor';
document.body.append(container);
const editor = new Drawflow(container);
editor.reroute = false;
editor.start();

const COUNTS = { source: [0, 1], map: [1, 1], join: [2, 1], merge: [3, 1], split: [1, 2], sink: [1, 0] };
const idOf = (id) => String(Number(id.slice(1)) + 1);

function toDrawflow(graph) {
  const data = {};
  for (const n of graph.nodes) {
    const [inputs, outputs] = COUNTS[n.kind];
    const ports = (prefix, count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}_${i + 1}`, { connections: [] }]));
    const title = document.createElement('div');
    title.className = 'title-box';
    title.textContent = n.title;
    const id = idOf(n.id);
    data[id] = { id: Number(id), name: n.kind, data: {}, class: n.kind, html: title.outerHTML, typenode: false, inputs: ports('input', inputs), outputs: ports('output', outputs), pos_x: n.x, pos_y: n.y };
  }
  for (const e of graph.edges) {
    const from = idOf(e.from);
    const to = idOf(e.to);
    data[from].outputs[`output_${e.out + 1}`].connections.push({ node: to, output: `input_${e.in + 1}` });
    data[to].inputs[`input_${e.in + 1}`].connections.push({ node: from, input: `output_${e.out + 1}` });
  }
  return { drawflow: { Home: { data } } };
}

const nodeData = (id) => editor.drawflow.drawflow.Home.data[idOf(id)];

window.benchEditor = {
  name: 'Drawflow',
  ready: (async () => {
    editor.import(toDrawflow(await window.benchGraph));
    const readyAt = await window.benchPerf.settle();
    return { readyAt, rendered: container.querySelectorAll('.drawflow-node').length };
  })(),
  handle(id) {
    const element = document.getElementById(`node-${idOf(id)}`);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + Math.min(14, r.height / 2) };
  },
  positions(ids) {
    return ids.map((id) => this.position(id));
  },
  position(id) {
    const node = nodeData(id);
    return node ? { x: node.pos_x, y: node.pos_y } : null;
  },
  /** Read from the transform, which Drawflow updates while panning (canvas_x waits for mouseup). */
  viewport() {
    const m = new DOMMatrixReadOnly(getComputedStyle(editor.precanvas).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  },
  select() {
    return false;
  },
};
