import { expect } from '@open-wc/testing';
import { GraphStore, parseDocument, portAnchor, type GraphNode } from '../../src/core/index.js';
import { layoutInput, placeAt, portOffset } from '../../src/core/auto-layout/layout-input.js';
import { topLeft } from '../../src/core/geometry.js';
import { elkPortId, fromElkGraph, toElkGraph } from '../../src/core/auto-layout/elk-graph.js';

const node = (id: string, x = 0, y = 0): GraphNode => ({ id, type: 't', position: { x, y }, config: {} });
const ports: Record<string, { inputs: string[]; outputs: string[] }> = {
  a: { inputs: [], outputs: ['out'] },
  b: { inputs: ['left', 'right'], outputs: ['rows'] },
  c: { inputs: ['in'], outputs: [] },
};
const source = { size: () => ({ width: 180, height: 100 }), ports: (n: GraphNode) => ports[n.id] };
const edge = (id: string, from: string, fromPort: string, to: string, toPort: string) => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });

describe('auto-layout input', () => {
  it('keeps each node\'s ports in display order and only the edges inside the laid-out set', () => {
    const edges = [edge('1', 'a', 'out', 'b', 'right'), edge('2', 'b', 'rows', 'c', 'in'), edge('3', 'a', 'gone', 'b', 'left')];
    const input = layoutInput([node('a'), node('b')], edges, source);
    expect(input.nodes.map((n) => [n.id, n.inputs, n.outputs])).to.deep.equal([['a', [], ['out']], ['b', ['left', 'right'], ['rows']]]);
    expect(input.edges, 'the edge to c leaves the set; the one naming an unknown port is dropped').to.deep.equal([{ from: { node: 'a', port: 'out' }, to: { node: 'b', port: 'right' } }]);
  });

  it('puts ports where the editor draws their anchors, inputs on the left and outputs on the right', () => {
    const [b] = layoutInput([node('b')], [], source).nodes;
    const anchor = portAnchor({ position: { x: 0, y: 0 } }, 'in', 1);
    expect(portOffset(b, 'in', 'right')).to.deep.equal({ x: 0, y: anchor.y });
    expect(portOffset(b, 'out', 'rows')).to.deep.equal({ x: 180, y: portAnchor({ position: { x: 0, y: 0 } }, 'out', 0).y });
  });

  it('turns into an ELK graph with fixed port positions and edges between ports, and back', () => {
    const input = layoutInput([node('a'), node('b')], [edge('1', 'a', 'out', 'b', 'right')], source);
    const graph = toElkGraph(input);
    expect(graph.layoutOptions['elk.algorithm']).to.equal('layered');
    expect(graph.layoutOptions['elk.direction']).to.equal('RIGHT');
    const b = graph.children.find((c) => c.id === 'b')!;
    expect(b.ports!.map((p) => [p.id, p.layoutOptions['elk.port.side'], p.y])).to.deep.equal([
      [elkPortId('b', 'in', 'left'), 'WEST', portOffset(input.nodes[1], 'in', 'left').y],
      [elkPortId('b', 'in', 'right'), 'WEST', portOffset(input.nodes[1], 'in', 'right').y],
      [elkPortId('b', 'out', 'rows'), 'EAST', portOffset(input.nodes[1], 'out', 'rows').y],
    ]);
    expect(graph.edges).to.deep.equal([{ id: 'e0', sources: [elkPortId('a', 'out', 'out')], targets: [elkPortId('b', 'in', 'right')] }]);
    expect(fromElkGraph({ children: [{ id: 'a', x: 12, y: 0 }] })).to.deep.equal({ a: { x: 12, y: 0 } });
    expect(() => fromElkGraph({ children: [{ id: 'a' }] })).to.throw(/"a"/);
  });

  it('places a layout at an anchor, keeping its shape', () => {
    const placed = placeAt({ a: { x: 12, y: 12 }, b: { x: 272.4, y: 52 } }, topLeft([node('a', 100, 300), node('b', 50, 400)]));
    expect(placed).to.deep.equal({ a: { x: 50, y: 300 }, b: { x: 310, y: 340 } });
    expect(placeAt({}, { x: 1, y: 1 })).to.deep.equal({});
  });

  it('finds the top-left of selections too big for an argument list', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => node(`n${i}`, 1000 - (i % 997), 5 + i));
    expect(topLeft(many)).to.deep.equal({ x: 4, y: 5 });
    expect(placeAt(Object.fromEntries(many.map((n) => [n.id, n.position])), { x: 0, y: 0 }).n0).to.deep.equal({ x: 996, y: 0 });
    expect(topLeft([])).to.deep.equal({ x: 0, y: 0 });
  });
});

describe('documents without positions', () => {
  const doc = { version: 2, nodes: [{ id: 'a', type: 't', config: {} }, { id: 'b', type: 't', position: { x: 5, y: 6 }, config: {} }], edges: [] };

  it('are refused by parseDocument unless the caller collects the unplaced nodes', () => {
    expect(() => parseDocument(doc)).to.throw(/\$\.nodes\[0\]\.position/);
    const unplaced: string[] = [];
    const parsed = parseDocument(doc, { unplaced });
    expect(unplaced).to.deep.equal(['a']);
    expect(parsed.nodes.map((n) => n.position)).to.deep.equal([{ x: 0, y: 0 }, { x: 5, y: 6 }]);
  });

  it('load into a store, which names the nodes to lay out', () => {
    const store = new GraphStore();
    store.load(JSON.stringify(doc));
    expect(store.unplaced).to.deep.equal(['a']);
    store.load(JSON.stringify({ ...doc, nodes: [doc.nodes[1]] }));
    expect(store.unplaced).to.deep.equal([]);
  });
});
