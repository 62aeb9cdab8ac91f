import { expect, fixture, html } from '@open-wc/testing';
import { GraphStore } from '../../../../src/core/index.js';
import { ChangeReporter } from '../../../../src/elements/editor/change-reporter.js';
import type { V2uChangeDetail, V2uViewportChangeDetail } from '../../../../src/elements/shared/events.js';
import { graphJson } from './hosts.js';

/** A real store reported on a real element, with the events it fired. */
async function reported() {
  const target = await fixture<HTMLDivElement>(html`<div></div>`);
  const store = new GraphStore();
  const reporter = new ChangeReporter(target, () => store.document);
  store.subscribe((event) => reporter.report(event));
  const changes: V2uChangeDetail[] = [];
  const views: V2uViewportChangeDetail[] = [];
  target.addEventListener('v2u-change', (e) => changes.push((e as CustomEvent<V2uChangeDetail>).detail));
  target.addEventListener('v2u-viewport-change', (e) => views.push((e as CustomEvent<V2uViewportChangeDetail>).detail));
  return { store, reporter, changes, views };
}

describe('ChangeReporter', () => {
  it('reports a single edit at once, with its origin, types and the graph after it', async () => {
    const { store, changes } = await reported();
    const node = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
    expect(changes.map((c) => [c.origin, c.types])).to.deep.equal([['edit', ['node-add']]]);
    expect(changes[0].graph.nodes.map((n) => n.id), 'the document after the edit').to.deep.equal([node.id]);
    store.undo();
    expect(changes.map((c) => c.origin), 'undo is reported as undo').to.deep.equal(['edit', 'undo']);
  });

  it('reports a batch (a drag) once, when it ends, with each change type once', async () => {
    const { store, changes } = await reported();
    const a = store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
    changes.length = 0;
    store.beginBatch('drag');
    for (let x = 1; x <= 5; x++) store.moveNodes([{ id: a.id, position: { x, y: 0 } }]);
    store.setLabel(a.id, 'moved');
    expect(changes, 'nothing while the drag is open').to.deep.equal([]);
    store.endBatch();
    expect(changes.map((c) => c.types)).to.deep.equal([['node-move', 'node-update']]);
    expect(changes[0].graph.nodes[0].position, 'the graph at the end').to.deep.equal({ x: 5, y: 0 });
  });

  it('pan and zoom fire v2u-viewport-change at once, never v2u-change, even inside a batch', async () => {
    const { store, changes, views } = await reported();
    store.setViewport({ x: 10, y: 20, zoom: 2 });
    store.beginBatch('pan');
    store.setViewport({ x: 30, y: 20, zoom: 2 });
    expect(views.map((v) => v.viewport), 'one per change, during the batch too').to.deep.equal([
      { x: 10, y: 20, zoom: 2 },
      { x: 30, y: 20, zoom: 2 },
    ]);
    store.endBatch();
    expect(changes, 'a viewport is not an edit').to.deep.equal([]);
  });

  it('a load is not reported, even one that carries changes', async () => {
    const { store, reporter, changes, views } = await reported();
    store.load(graphJson('a', 'b'));
    const [node] = store.document.nodes;
    reporter.report({ origin: 'load', settled: true, changes: [{ type: 'node-add', node, seq: 1 }, { type: 'viewport', from: { x: 0, y: 0, zoom: 1 }, to: { x: 1, y: 1, zoom: 1 } }] });
    expect([changes, views]).to.deep.equal([[], []]);
  });
});
