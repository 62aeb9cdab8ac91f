import { expect } from '@open-wc/testing';
import { GraphState } from '../../src/core/index.js';
import { flow } from '../fixtures/flows.js';

describe('GraphState edges by node', () => {
  it('lists a node\'s edges in insertion order, a self-loop once, and forgets removed ones', () => {
    const doc = flow([['a', 'x'], ['b', 'x']], ['a.o>b.i', 'a.o>a.i', 'b.o>a.j']);
    const state = new GraphState(doc);
    const ids = (node: string) => [...state.edgesOf(node)].map((e) => e.id);
    expect(ids('a')).to.deep.equal(['e0', 'e1', 'e2']);
    expect(ids('b')).to.deep.equal(['e0', 'e2']);
    state.applyChange({ type: 'edge-remove', edge: doc.edges[1], seq: state.seqOf('edge', 'e1') });
    expect(ids('a')).to.deep.equal(['e0', 'e2']);
    for (const edge of [doc.edges[0], doc.edges[2]]) state.applyChange({ type: 'edge-remove', edge, seq: 0 });
    expect(ids('a')).to.deep.equal([]);
    expect(state['_edgesByNode'].size, 'no empty list left behind').to.equal(0);
  });

  it('keeps a node with many edges in order', () => {
    const nodes: [string, string][] = [['hub', 'x']];
    const edges: string[] = [];
    for (let i = 0; i < 40; i++) {
      nodes.push([`n${i}`, 'x']);
      edges.push(`n${i}.o>hub.i${i}`);
    }
    const state = new GraphState(flow(nodes, edges));
    expect([...state.edgesOf('hub')].map((e) => e.from.node)).to.deep.equal(nodes.slice(1).map(([id]) => id));
  });
});
