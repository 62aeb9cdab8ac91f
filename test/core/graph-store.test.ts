import { expect } from '@open-wc/testing';
import { ErrorCodes, type StoreEvent, V2uError } from '../../src/core/index.js';
import { makeStore } from './fixtures.js';

function errorOf(fn: () => unknown): V2uError {
  try {
    fn();
  } catch (error) {
    return error as V2uError;
  }
  throw new Error('expected an error');
}

describe('GraphStore commands', () => {
  it('adds, moves and removes nodes with undo and redo', () => {
    const store = makeStore();
    const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 }, config: { value: 2 } });
    store.moveNodes([{ id: a.id, position: { x: 50, y: 60 } }]);
    expect(store.state.getNode(a.id)!.position).to.deep.equal({ x: 50, y: 60 });
    store.undo();
    expect(store.state.getNode(a.id)!.position).to.deep.equal({ x: 0, y: 0 });
    store.undo();
    expect(store.state.nodeCount).to.equal(0);
    store.redo();
    store.redo();
    expect(store.state.getNode(a.id)!.position).to.deep.equal({ x: 50, y: 60 });
  });

  it('connects typed ports and refuses mismatches with the reason', () => {
    const store = makeStore();
    const n = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
    const t = store.addNode({ type: 'create/text', position: { x: 0, y: 100 } });
    const add = store.addNode({ type: 'transform/add', position: { x: 200, y: 0 } });
    store.connect({ node: n.id, port: 'value' }, { node: add.id, port: 'a' });
    const mismatch = errorOf(() => store.connect({ node: t.id, port: 'value' }, { node: add.id, port: 'b' }));
    expect(mismatch.code).to.equal(ErrorCodes.typeMismatch);
    expect(mismatch.message).to.contain('string output cannot feed the number input "b"');
    const taken = errorOf(() => store.connect({ node: n.id, port: 'value' }, { node: add.id, port: 'a' }));
    expect(taken.code).to.equal(ErrorCodes.duplicateEdge);
    const missing = errorOf(() => store.connect({ node: n.id, port: 'nope' }, { node: add.id, port: 'b' }));
    expect(missing.code).to.equal(ErrorCodes.missingPort);
    expect(store.state.edgeCount).to.equal(1);
  });

  it('refuses a connection that closes a cycle, and self-loops', () => {
    const store = makeStore();
    const [a, b, c] = [0, 1, 2].map((i) => store.addNode({ type: 'transform/add', position: { x: i * 200, y: 0 } }));
    store.connect({ node: a.id, port: 'sum' }, { node: b.id, port: 'a' });
    store.connect({ node: b.id, port: 'sum' }, { node: c.id, port: 'a' });
    expect(errorOf(() => store.connect({ node: c.id, port: 'sum' }, { node: a.id, port: 'a' })).code).to.equal(ErrorCodes.cycle);
    expect(errorOf(() => store.connect({ node: a.id, port: 'sum' }, { node: a.id, port: 'b' })).code).to.equal(ErrorCodes.selfLoop);
  });

  it('replaces an occupied input when asked, as one undo step', () => {
    const store = makeStore();
    const [x, y] = [0, 1].map((i) => store.addNode({ type: 'create/number', position: { x: 0, y: i * 100 } }));
    const add = store.addNode({ type: 'transform/add', position: { x: 200, y: 0 } });
    store.connect({ node: x.id, port: 'value' }, { node: add.id, port: 'a' });
    expect(errorOf(() => store.connect({ node: y.id, port: 'value' }, { node: add.id, port: 'a' })).code).to.equal(ErrorCodes.inputTaken);
    store.connect({ node: y.id, port: 'value' }, { node: add.id, port: 'a' }, { replace: true });
    expect([...store.state.edges()].map((e) => e.from.node)).to.deep.equal([y.id]);
    store.undo();
    expect([...store.state.edges()].map((e) => e.from.node)).to.deep.equal([x.id]);
  });

  it('removing a node removes its edges and group membership, and undo restores order', () => {
    const store = makeStore();
    const ids = [0, 1, 2].map((i) => store.addNode({ type: 'transform/add', position: { x: i * 200, y: 0 } }).id);
    store.connect({ node: ids[0], port: 'sum' }, { node: ids[1], port: 'a' });
    store.connect({ node: ids[1], port: 'sum' }, { node: ids[2], port: 'a' });
    store.group([ids[0], ids[1]], 'pair');
    const before = JSON.stringify(store.document);
    store.removeNodes([ids[1]]);
    expect(store.state.edgeCount).to.equal(0);
    expect(store.document.groups[0].nodes).to.deep.equal([ids[0]]);
    store.undo();
    expect(JSON.stringify(store.document)).to.equal(before);
  });

  it('a drag in a batch is one undo step back to where it began', () => {
    const store = makeStore();
    const ids = [0, 1].map((i) => store.addNode({ type: 'create/number', position: { x: i * 10, y: 0 } }).id);
    store.beginBatch('Drag');
    for (let step = 1; step <= 30; step++) store.moveNodes(ids.map((id, i) => ({ id, position: { x: i * 10 + step, y: step } })));
    store.endBatch();
    expect(store.state.getNode(ids[1])!.position).to.deep.equal({ x: 40, y: 30 });
    store.undo();
    expect(store.state.getNode(ids[0])!.position).to.deep.equal({ x: 0, y: 0 });
    expect(store.state.getNode(ids[1])!.position).to.deep.equal({ x: 10, y: 0 });
    expect(store.state.nodeCount, 'the adds are separate steps').to.equal(2);
  });

  it('bounds its history', () => {
    const store = makeStore(5);
    const id = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } }).id;
    for (let i = 1; i <= 10; i++) store.moveNodes([{ id, position: { x: i, y: 0 } }]);
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).to.equal(5);
    expect(store.state.getNode(id)!.position.x).to.equal(5);
  });

  it('updates config and label, undoably', () => {
    const store = makeStore();
    const id = store.addNode({ type: 'create/number', position: { x: 0, y: 0 }, config: { value: 1, unit: 'kg' } }).id;
    store.updateConfig(id, { value: 2, unit: undefined });
    store.setLabel(id, 'Weight');
    expect(store.state.getNode(id)!.config).to.deep.equal({ value: 2 });
    expect(store.state.getNode(id)!.label).to.equal('Weight');
    store.undo();
    store.undo();
    expect(store.state.getNode(id)!.config).to.deep.equal({ value: 1, unit: 'kg' });
    expect('label' in store.state.getNode(id)!).to.equal(false);
  });

  it('copies and pastes with fresh ids and the inner edges only', () => {
    const store = makeStore();
    const [a, b, c] = [0, 1, 2].map((i) => store.addNode({ type: 'transform/add', position: { x: i * 200, y: 0 } }).id);
    store.connect({ node: a, port: 'sum' }, { node: b, port: 'a' });
    store.connect({ node: b, port: 'sum' }, { node: c, port: 'a' });
    const fragment = store.copy([a, b]);
    expect(fragment.edges).to.have.length(1);
    const pasted = store.paste(fragment, { x: 10, y: 300 });
    expect(pasted.nodes.map((n) => n.id)).to.not.include.members([a, b]);
    expect(pasted.nodes[0].position).to.deep.equal({ x: 10, y: 300 });
    expect(pasted.edges[0].from.node).to.equal(pasted.nodes[0].id);
    expect(pasted.edges[0].to.node).to.equal(pasted.nodes[1].id);
    expect(store.state.nodeCount).to.equal(5);
    store.undo();
    expect(store.state.nodeCount, 'paste is one step').to.equal(3);
  });

  it('groups and ungroups', () => {
    const store = makeStore();
    const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } }).id;
    const group = store.group([a], 'inputs');
    store.ungroup(group.id);
    expect(store.document.groups).to.deep.equal([]);
    store.undo();
    expect(store.document.groups).to.deep.equal([{ id: group.id, nodes: [a], label: 'inputs' }]);
    expect(errorOf(() => store.ungroup('nope')).code).to.equal(ErrorCodes.missingGroup);
  });

  it('rejects non-finite positions and unknown ids without changing the graph', () => {
    const store = makeStore();
    const id = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } }).id;
    const before = JSON.stringify(store.document);
    expect(() => store.moveNodes([{ id, position: { x: Number.NaN, y: 0 } }])).to.throw(/finite/);
    expect(() => store.addNode({ type: 'create/number', position: { x: Infinity, y: 0 } })).to.throw(/finite/);
    expect(errorOf(() => store.updateConfig('ghost', {})).code).to.equal(ErrorCodes.missingNode);
    expect(errorOf(() => store.addNode({ type: 'x', id, position: { x: 0, y: 0 } })).code).to.equal(ErrorCodes.duplicateId);
    expect(JSON.stringify(store.document)).to.equal(before);
  });

  it('tells subscribers exactly what changed and where from', () => {
    const store = makeStore();
    const events: StoreEvent[] = [];
    const stop = store.subscribe((e) => events.push(e));
    const id = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } }).id;
    store.moveNodes([{ id, position: { x: 5, y: 5 } }]);
    store.undo();
    stop();
    store.redo();
    expect(events.map((e) => [e.origin, e.changes.map((c) => c.type)])).to.deep.equal([
      ['edit', ['node-add']],
      ['edit', ['node-move']],
      ['undo', ['node-move']],
    ]);
  });

  it('keeps the viewport out of undo history', () => {
    const store = makeStore();
    store.setViewport({ x: 10, y: 20, zoom: 2 });
    expect(store.canUndo).to.equal(false);
    expect(store.document.viewport).to.deep.equal({ x: 10, y: 20, zoom: 2 });
    expect(() => store.setViewport({ x: 0, y: 0, zoom: 0 })).to.throw(/zoom/);
  });
});
