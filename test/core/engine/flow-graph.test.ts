import { expect } from '@open-wc/testing';
import { FlowGraph } from '../../../src/core/engine/flow-graph.js';
import { RunState } from '../../../src/core/engine/run-state.js';
import { diamond, flow } from '../../fixtures/flows.js';

// The engine keeps a FlowGraph between edits and a RunState per run: both are indexed by a
// dense node index (typed arrays, no Map entry, array or Set per node); these pin what the
// engine reads from them.
describe('FlowGraph', () => {
  it('lists edges by node, successors, upstream and a topological rank', () => {
    const graph = new FlowGraph(diamond());
    expect(graph.size).to.equal(5);
    expect(graph.incoming('total').map((e) => e.from.node)).to.deep.equal(['left', 'right']);
    expect(graph.incoming('a')).to.deep.equal([]);
    expect(graph.incoming('missing')).to.deep.equal([]);
    expect(graph.successors('a')).to.deep.equal(['left', 'right']);
    expect(graph.upstream('left')).to.deep.equal(['a', 'b']);
    const rank = (id: string) => graph.rank(id)!;
    for (const [from, to] of [['a', 'left'], ['b', 'right'], ['left', 'total'], ['right', 'total']]) expect(rank(from) < rank(to), `${from} before ${to}`).to.equal(true);
    expect([...graph.downstream(['left'])].sort()).to.deep.equal(['left', 'total']);
    expect(graph.node('right')?.config).to.deep.equal({ plus: 10 });
  });

  it('counts two edges from one node once, and keeps an edge from a missing node as an input', () => {
    const graph = new FlowGraph(flow([['a', 'create/number'], ['sum', 'transform/add']], ['a.value>sum.a', 'a.value>sum.b', 'gone.value>sum.c']));
    expect(graph.successors('a')).to.deep.equal(['sum']);
    expect(graph.upstream('sum')).to.deep.equal(['a', 'gone']);
    expect(graph.incoming('sum').map((e) => e.to.port)).to.deep.equal(['a', 'b', 'c']);
  });

  it('ranks no node on a cycle or below one', () => {
    const graph = new FlowGraph(flow([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'x']], ['a.o>b.i', 'b.o>c.i', 'c.o>b.j', 'c.o>d.i']));
    expect(['a', 'b', 'c', 'd'].map((id) => graph.rank(id))).to.deep.equal([0, undefined, undefined, undefined]);
    expect([...graph.downstream(graph.successors('b'))].sort()).to.deep.equal(['b', 'c', 'd']);
  });

  it('weighs the heaviest path from each node to the end, a cycle counting only itself', () => {
    const graph = new FlowGraph(diamond());
    const ms: Record<string, number> = { a: 1, b: 2, left: 30, right: 5, total: 4 };
    const path = graph.pathWeights((i) => ms[graph.nodeList[i].id]);
    const of = (id: string) => path[graph.index.get(id)!];
    expect(['total', 'left', 'right', 'a', 'b'].map(of), 'a and b both feed left').to.deep.equal([4, 34, 9, 35, 36]);
    const cyclic = new FlowGraph(flow([['a', 'x'], ['b', 'x'], ['c', 'x']], ['a.o>b.i', 'b.o>c.i', 'c.o>b.j']));
    expect([...cyclic.pathWeights(() => 1)], 'a cycle is not followed').to.deep.equal([2, 1, 1]);
  });
});

describe('RunState', () => {
  const targets = ['a', 'b', 'left', 'right', 'total'];

  it("expects only the run's nodes to take time on the path behind a node", () => {
    const run = new RunState(1, new FlowGraph(diamond()), 0, ['left', 'right', 'total']);
    expect(run.pathMs('left'), 'before expect').to.equal(0);
    run.expect((id) => (id === 'left' ? 20 : 10));
    expect(['a', 'left', 'right', 'total'].map((id) => run.pathMs(id)), 'a is not in the run').to.deep.equal([30, 30, 20, 10]);
  });

  it('makes a node ready once every upstream of the run settled, once', () => {
    const run = new RunState(1, new FlowGraph(diamond()), 0, targets);
    expect(run.initiallyReady()).to.deep.equal(['a', 'b']);
    expect(run.settle('a', 1)).to.deep.equal([]);
    expect(run.settle('b', 1)).to.deep.equal(['left', 'right']);
    expect(run.settle('b', 1), 'settling twice does nothing').to.deep.equal([]);
    expect(run.settle('left', 2)).to.deep.equal([]);
    expect(run.isOpen('total')).to.equal(true);
    expect(run.settle('right', 2)).to.deep.equal(['total']);
    run.settle('total', 3);
    expect(run.isOpen('total')).to.equal(false);
  });

  it('waits only for upstream nodes in the run, and for an upstream put back by require', async () => {
    const run = new RunState(1, new FlowGraph(diamond()), 0, ['left', 'total']);
    expect(run.ids).to.deep.equal(['left', 'total']);
    expect(run.initiallyReady()).to.deep.equal(['left']);
    expect(run.require('a', 'left'), 'a is not in the run: start it').to.equal(true);
    expect(run.has('a')).to.equal(true);
    expect(run.reruns('a')).to.equal(1);
    expect(run.require('a', 'left'), 'a is open already').to.equal(false);
    expect(run.settle('a', 1)).to.deep.equal(['left']);
    expect(run.settle('left', 2)).to.deep.equal(['total']);
    run.settle('total', 3);
    expect((await run.done).status).to.equal('done');
  });

  it('marks an invalidated node stale and aborts its task', () => {
    const run = new RunState(1, new FlowGraph(diamond()), 0, targets);
    const controller = run.control('a');
    run.started('a', 5);
    expect(run.elapsed('a', 7)).to.equal(2);
    expect(run.elapsed('b', 7), 'never started').to.equal(0);
    expect(run.isStale('a')).to.equal(false);
    run.invalidate('a');
    expect(run.isStale('a')).to.equal(true);
    expect(controller.signal.aborted).to.equal(true);
    run.invalidate('not-in-run');
  });
});
