import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { readSubflows, type GraphDocument } from '../../src/core/index.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, centerOf, chord, dblclick, drag, mountEditor, mountRunnable, nodeHeader, pagePoint, portDot, smallGraph } from './editor-helpers.js';
import { NODE_HEADER, NODE_WIDTH, PORT_ROW } from '../../src/core/index.js';

const graph = {
  ...smallGraph,
  edges: [
    { id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } },
    { id: 'e2', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } },
  ],
};

/** The small graph with num and add made into one subflow (and a second instance of it). */
async function withSubflow(): Promise<{ el: V2uEditor; instances: string[] }> {
  const el = await mountEditor(graph);
  el.select(['num', 'add']);
  el.perform('make-subflow');
  el.perform('duplicate');
  await el.updateComplete;
  const instances = [...el.store.state.nodes()].filter((n) => n.type === 'subflow/sf1').map((n) => n.id);
  el.select([]);
  await el.updateComplete;
  return { el, instances };
}

const definition = (el: V2uEditor) => readSubflows(el.graph)[0];
const crumbs = (el: V2uEditor) => $$(el, '.crumbs li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const shown = (el: V2uEditor) => $$(el, '[data-node]').map((n) => n.dataset.node!).sort();

async function openByDoubleClick(el: V2uEditor, id: string) {
  await dblclick(...centerOf(nodeHeader(el, id)));
  await waitUntil(() => $(el, '.crumbs'), 'the breadcrumb bar appears');
  await el.updateComplete;
}

describe('<v2u-editor> opening a subflow on the canvas', function () {
  this.timeout(40000); // the first mount loads the editing modules one by one, on a loaded machine
  it('opens by double-click; moves, adds and connects inside; the breadcrumb goes back and every instance follows', async () => {
    const { el, instances } = await withSubflow();
    const changes: unknown[] = [];
    el.addEventListener('v2u-change', (e) => changes.push(e.detail));
    await openByDoubleClick(el, instances[0]);
    expect(crumbs(el), 'Flow › the subflow').to.deep.equal(['Flow›', 'Subflow']);
    expect($(el, '.crumbs li[aria-current]')!.textContent).to.equal('Subflow');
    expect(shown(el), 'the canvas shows the inside').to.deep.equal(['add', 'num']);
    el.showViewport({ x: 0, y: 0, zoom: 1 });
    await el.updateComplete;

    const before = definition(el).nodes.find((n) => n.id === 'num')!.position;
    await drag(centerOf(nodeHeader(el, 'num')), [centerOf(nodeHeader(el, 'num'))[0], centerOf(nodeHeader(el, 'num'))[1] + 200]);
    await el.updateComplete;
    const moved = definition(el).nodes.find((n) => n.id === 'num')!.position;
    expect(moved.y - before.y, 'the move reaches the definition').to.be.closeTo(200, 1);
    expect(changes, 'a drag is one edit of the document').to.have.length(1);

    $(el, '.viewport')!.focus();
    await sendKeys({ press: '/' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('.quick-add input'), 'quick add takes focus');
    await sendKeys({ type: 'Add' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => definition(el).nodes.length === 3, 'the added node is in the definition');
    const added = definition(el).nodes.find((n) => n.id !== 'num' && n.id !== 'add')!;
    await el.updateComplete;
    await drag(centerOf(portDot(el, 'num', 'value', 'out')), centerOf(portDot(el, added.id, 'b', 'in')));
    await el.updateComplete;
    expect(definition(el).edges.map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`)).to.deep.equal(['num.value>add.a', `num.value>${added.id}.b`]);
    expect(el.graph.nodes.map((n) => n.id).sort(), 'nothing inside leaks into the flow').to.deep.equal([...instances, 'log', 'txt'].sort());
    expect(JSON.parse(el.value).subflows[0].nodes, 'the form value carries the inside in the definition').to.have.length(3);

    await sendMouse({ type: 'click', position: centerOf($(el, '.crumbs button[data-depth="0"]')!) });
    await el.updateComplete;
    expect($(el, '.crumbs'), 'back out, no breadcrumb').to.equal(null);
    expect(shown(el), 'the flow again').to.deep.equal([...instances, 'log', 'txt'].sort());
    for (const id of instances) expect(el.store.state.getNode(id)!.type, `${id} is an instance of the edited definition`).to.equal('subflow/sf1');
    expect(el.store.state.getNode('log'), 'the outer store is the canvas store again').to.exist;
  });

  it('opens with Enter on a focused instance and the toolbar button; Escape clears a selection first, then goes back out', async () => {
    const { el, instances } = await withSubflow();
    await el.focusNode(instances[0]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(crumbs(el)).to.deep.equal(['Flow›', 'Subflow']);
    expect(shown(el)).to.deep.equal(['add', 'num']);
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('viewport'), 'focus stays on the canvas');

    el.select(['num']);
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.selection.isEmpty, 'the first Escape clears the selection').to.equal(true);
    expect(crumbs(el), 'and stays inside').to.have.length(2);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.crumbs'), 'the second goes back out').to.equal(null);
    expect(shown(el)).to.include(instances[0]);

    const open = $(el, 'button[data-action="open-subflow"]') as HTMLButtonElement;
    expect(open.disabled, 'nothing to open with no instance selected').to.equal(true);
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, instances[1])) });
    await el.updateComplete;
    expect(open.disabled).to.equal(false);
    await sendMouse({ type: 'click', position: centerOf(open) });
    await el.updateComplete;
    expect(shown(el), 'the toolbar opens the selected instance').to.deep.equal(['add', 'num']);
  });

  it('inner edits are undo steps of the document: undo inside, refusal of a breaking edit, undo after leaving', async () => {
    const { el, instances } = await withSubflow();
    const errors: Array<{ source: string; message: string }> = [];
    el.addEventListener('v2u-error', (e) => errors.push(e.detail));
    await openByDoubleClick(el, instances[0]);
    el.showViewport({ x: 0, y: 0, zoom: 1 });
    await el.updateComplete;
    const start = definition(el);

    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'add')) });
    await sendKeys({ press: 'Delete' });
    await el.updateComplete;
    expect(errors.map((e) => e.source), 'deleting the node an output shows is refused').to.deep.equal(['subflow']);
    expect(errors[0].message).to.contain('sf1');
    expect(shown(el), 'the refused edit is taken back on the canvas').to.deep.equal(['add', 'num']);
    expect(definition(el)).to.deep.equal(start);

    await drag(centerOf(nodeHeader(el, 'num')), [centerOf(nodeHeader(el, 'num'))[0] + 100, centerOf(nodeHeader(el, 'num'))[1]]);
    await el.updateComplete;
    const movedX = el.store.state.getNode('num')!.position.x;
    expect(movedX).to.not.equal(start.nodes.find((n) => n.id === 'num')!.position.x);
    const toolbarUndo = $(el, 'button[data-action="undo"]') as HTMLButtonElement;
    $(el, '.viewport')!.focus();
    await chord(['Control'], 'z');
    await el.updateComplete;
    expect(definition(el).nodes, 'undo inside restores the definition').to.deep.equal(start.nodes);
    expect(el.store.state.getNode('num')!.position, 'and the canvas inside').to.deep.equal(start.nodes.find((n) => n.id === 'num')!.position);
    expect(toolbarUndo.disabled, 'the make-subflow step is still there to undo').to.equal(false);
    await chord(['Control', 'Shift'], 'z');
    await el.updateComplete;
    expect(el.store.state.getNode('num')!.position.x, 'redo inside').to.equal(movedX);

    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.crumbs')).to.equal(null);
    el.undo();
    expect(definition(el).nodes.find((n) => n.id === 'num')!.position.x, 'after leaving, undo takes back the inner move').to.equal(start.nodes.find((n) => n.id === 'num')!.position.x);
  });

  it('nested subflows push crumbs; each level keeps its viewport; undoing the definition away leaves the level', async () => {
    const inner = { id: 'sf2', version: 1, title: 'Inner', inputs: [], outputs: [{ name: 'value', type: 'number', from: { node: 'n', port: 'value' } }], nodes: [{ id: 'n', type: 'create/number', position: { x: 0, y: 0 }, config: {} }], edges: [] };
    const outer = { id: 'sf1', version: 1, title: 'Outer', inputs: [], outputs: [{ name: 'value', type: 'number', from: { node: 'deep', port: 'value' } }], nodes: [{ id: 'deep', type: 'subflow/sf2', position: { x: 100, y: 100 }, config: {} }], edges: [] };
    const doc = { version: 2, nodes: [{ id: 'top', type: 'subflow/sf1', position: { x: 200, y: 100 }, config: {}, label: 'Orders cleanup' }], edges: [], subflows: [inner, outer] } as unknown as GraphDocument;
    const el = await mountEditor(doc);
    const rootView = { x: 37, y: 21, zoom: 0.8 };
    el.showViewport(rootView);
    await el.updateComplete;
    await openByDoubleClick(el, 'top');
    expect(crumbs(el), 'the instance label names the crumb').to.deep.equal(['Flow›', 'Orders cleanup']);
    const outerView = { x: -12, y: 5, zoom: 1.1 };
    el.showViewport(outerView);
    await el.updateComplete;
    await dblclick(...centerOf(nodeHeader(el, 'deep')));
    await waitUntil(() => crumbs(el).length === 3, 'a crumb per level');
    expect(crumbs(el)).to.deep.equal(['Flow›', 'Orders cleanup›', 'Inner']);
    expect(shown(el)).to.deep.equal(['n']);
    await sendMouse({ type: 'click', position: centerOf($(el, '.crumbs button[data-depth="1"]')!) });
    await el.updateComplete;
    expect(crumbs(el)).to.deep.equal(['Flow›', 'Orders cleanup']);
    expect(el.liveViewport, 'the outer subflow comes back where it was').to.deep.equal(outerView);
    await sendMouse({ type: 'click', position: centerOf($(el, '.crumbs button[data-depth="0"]')!) });
    await el.updateComplete;
    expect(el.liveViewport, 'the flow comes back where it was').to.deep.equal(rootView);

    await openByDoubleClick(el, 'top');
    el.graph = { ...doc, nodes: [] } as GraphDocument;
    await el.updateComplete;
    expect($(el, '.crumbs'), 'a new graph leaves every level').to.equal(null);
    expect(el.graph.nodes).to.deep.equal([]);
  });

  it('shows the status and progress of the inner nodes while the flow runs', async () => {
    const sf1 = {
      id: 'sf1', version: 1, title: 'Slow', config: { ms: { type: 'number', default: 50 } },
      inputs: [{ name: 'value', type: 'number', targets: [{ node: 's', port: 'value' }] }],
      outputs: [{ name: 'value', type: 'number', from: { node: 's', port: 'value' } }],
      nodes: [
        { id: 's', type: 'utility/spin', position: { x: 0, y: 0 }, config: { ms: { $param: 'ms' }, steps: 10 } },
        { id: 'bad', type: 'utility/fail', position: { x: 300, y: 0 }, config: {} },
      ],
      edges: [{ id: 'i1', from: { node: 's', port: 'value' }, to: { node: 'bad', port: 'value' } }],
    };
    const flow = {
      version: 2,
      nodes: [
        { id: 'a', type: 'create/number', position: { x: 0, y: 0 }, config: { value: 2 } },
        { id: 'inst', type: 'subflow/sf1', position: { x: 300, y: 0 }, config: { ms: 1500 } },
      ],
      edges: [{ id: 'e1', from: { node: 'a', port: 'value' }, to: { node: 'inst', port: 'value' } }],
      subflows: [sf1],
    };
    const el = await mountRunnable(flow, ['create/number', 'utility/spin', 'utility/fail']);
    await openByDoubleClick(el, 'inst');
    const status = (id: string) => $(el, `[data-node="${id}"] [part~="node-status"]`)?.textContent?.replace(/\s+/g, ' ').trim();
    const run = el.run();
    await waitUntil(() => (($(el, '[data-node="s"] progress') as HTMLProgressElement | null)?.value ?? 0) > 0, 'the inner node shows its progress bar', { timeout: 10000 });
    expect(status('s')).to.contain('running');
    await run;
    await el.updateComplete;
    expect(status('s'), 'done, with the value the instance config gave').to.match(/^done .* 3$/);
    expect(status('bad')).to.contain('error').and.contain('boom');
  });

  it('keeps a collapsed group folded after a subflow is opened, edited and left', async () => {
    const { el, instances } = await withSubflow();
    el.select(['log']);
    el.perform('group');
    await el.updateComplete;
    const group = [...el.store.state.groups()][0].id;
    $<HTMLButtonElement>(el, `[data-group="${group}"] [data-group-action="collapse"]`)!.click();
    await waitUntil(() => el.store.state.getGroup(group)!.collapsed, 'the group collapses');
    await el.updateComplete;
    expect(!!$(el, '[data-node="log"]'), 'its member is folded away').to.equal(false);

    // The middle of the first port row, right half: the output's row (a port row, not the header).
    const instance = el.store.state.getNode(instances.at(-1)!)!; // the duplicate, drawn over the first
    expect(el.view.portsOf(instance).outputs.length, 'the instance has an output').to.be.greaterThan(0);
    await dblclick(...pagePoint(el, instance.position.x + NODE_WIDTH * 0.75, instance.position.y + NODE_HEADER + PORT_ROW / 2));
    await waitUntil(() => $(el, '.crumbs'), 'a double-click opens the instance');
    await el.updateComplete;
    await drag(centerOf(nodeHeader(el, 'num')), [centerOf(nodeHeader(el, 'num'))[0] + 40, centerOf(nodeHeader(el, 'num'))[1] + 60]);
    await el.updateComplete;
    await sendMouse({ type: 'click', position: centerOf($(el, '.crumbs button[data-depth="0"]')!) });
    await waitUntil(() => !$(el, '.crumbs'), 'back out');
    await el.updateComplete;
    expect(el.store.state.getGroup(group)!.collapsed).to.equal(true);
    expect(!!$(el, '[data-node="log"]'), 'still folded after leaving').to.equal(false);
  });
});
