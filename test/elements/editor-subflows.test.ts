import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { editSubflow, readSubflows, serializeDocument } from '../../src/core/index.js';
import { $, $$, centerOf, chord, mountEditor, nodeHeader, smallGraph } from './editor-helpers.js';

const graph = {
  ...smallGraph,
  edges: [
    { id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } },
    { id: 'e2', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } },
  ],
};

describe('<v2u-editor> subflows with real input', () => {
  it('makes a subflow of the selection from the toolbar; Ctrl+Z restores the selection exactly', async () => {
    const el = await mountEditor(graph);
    const before = serializeDocument(el.store.document);
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'add')) });
    await sendKeys({ up: 'Shift' });
    expect([...el.selection.nodes].sort()).to.deep.equal(['add', 'num']);
    await el.updateComplete;
    expect($(el, 'button[data-action="make-subflow"]')!.title, 'no shortcut, no parentheses').to.equal('Make subflow of the selection');
    await sendMouse({ type: 'click', position: centerOf($(el, 'button[data-action="make-subflow"]')!) });
    await el.updateComplete;
    const [instance] = [...el.store.state.nodes()].filter((n) => n.type.startsWith('subflow/'));
    expect(instance, 'one subflow node').to.exist;
    expect(el.store.state.getNode('num'), 'the selection went inside').to.equal(undefined);
    expect([...el.selection.nodes]).to.deep.equal([instance.id]);
    const shell = $(el, `[data-node="${instance.id}"]`)!;
    expect(shell.dataset.category, 'rendered as a known type').to.equal('utility');
    expect($$(el, `[data-node="${instance.id}"] .port-dot`).map((d) => `${d.dataset.side}:${d.dataset.port}`), 'a port per crossing edge, named after the inner port').to.deep.equal(['out:sum']);
    expect($(el, `[data-node="${instance.id}"] .header`)!.textContent).to.contain('Subflow');
    expect($$(el, 'path.edge').length, 'the crossing edge is kept').to.equal(1);
    $(el, '.viewport')!.focus();
    await chord(['Control'], 'z');
    await el.updateComplete;
    expect(serializeDocument(el.store.document), 'undo restores the document exactly').to.equal(before);
    expect($(el, '[data-node="num"]'), 'the nodes are back on the canvas').to.exist;
    expect($(el, `[data-node="${instance.id}"]`)).to.equal(null);
  });

  it('every instance follows an edit of the definition', async () => {
    const el = await mountEditor(graph);
    el.select(['num', 'add']);
    el.perform('make-subflow');
    el.perform('duplicate');
    await el.updateComplete;
    const instances = [...el.store.state.nodes()].filter((n) => n.type === 'subflow/sf1');
    expect(instances).to.have.length(2);
    const def = readSubflows(el.store.document)[0];
    // Renaming a port an edge uses is refused (see the core tests): free it first.
    el.store.disconnect([...el.store.state.edges()].filter((e) => instances.some((n) => n.id === e.from.node)).map((e) => e.id));
    editSubflow(el.store, 'sf1', (inner) => inner.updateConfig('num', { value: 5 }), { outputs: [{ ...def.outputs[0], name: 'total' }] });
    await el.updateComplete;
    for (const node of instances)
      expect($$(el, `[data-node="${node.id}"] .port-dot`).map((d) => d.dataset.port), `instance ${node.id} shows the new port`).to.deep.equal(['total']);
    expect(readSubflows(el.store.document)[0].nodes.find((n) => n.id === 'num')!.config.value).to.equal(5);
    el.undo();
    el.undo();
    await el.updateComplete;
    expect($$(el, `[data-node="${instances[0].id}"] .port-dot`).map((d) => d.dataset.port)).to.deep.equal(['sum']);
  });

  it('a subflow definition the engine cannot run is reported as v2u-error; later edits still reach v2u-change', async () => {
    const bad = { id: 'sf1', version: 1, title: 'Bad', inputs: [], outputs: [{ name: 'v', type: 'number', from: { node: 'nope', port: 'value' } }], nodes: [], edges: [] };
    const el = await mountEditor({ ...graph, subflows: [bad] });
    const errors: Array<{ path?: string; source: string }> = [];
    const changes: unknown[] = [];
    el.addEventListener('v2u-error', (e) => errors.push(e.detail));
    el.addEventListener('v2u-change', (e) => changes.push(e.detail));
    await el.run();
    expect(errors.map((e) => `${e.source} ${e.path}`), 'the engine set-up reports it').to.deep.equal(['run $.subflows[0].outputs[0].from']);
    el.store.updateConfig('num', { value: 4 });
    el.store.updateConfig('num', { value: 5 });
    expect(changes, 'every edit still reaches v2u-change').to.have.length(2);
    expect(errors, 'each edit is reported, not thrown').to.have.length(3);
  });
});
