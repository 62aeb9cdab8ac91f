import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ManifestMap } from '../../src/registry/manifest-map.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, centerOf, chord, dblclick, drag, mountEditor, nodeHeader, smallGraph, testManifests } from './editor-helpers.js';

const groupsOf = (el: V2uEditor) => [...el.store.state.groups()];
const frame = (el: V2uEditor, id: string) => $(el, `[data-group="${id}"]`);
const positions = (el: V2uEditor, ids: string[]) => ids.map((id) => el.store.state.getNode(id)!.position);

async function mountGrouped(extra: Record<string, unknown> = {}) {
  const graph = {
    ...smallGraph,
    edges: [{ id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } }, { id: 'e2', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } }],
    groups: [{ id: 'g1', label: 'Inputs', nodes: ['num', 'txt'], ...extra }],
  };
  return mountEditor(graph);
}

describe('<v2u-editor> groups with real input', () => {
  it('frames follow node heights when the node types change', async () => {
    const el = await mountGrouped({ nodes: ['num'] });
    const gap = () => frame(el, 'g1')!.getBoundingClientRect().bottom - $(el, '[data-node="num"]')!.getBoundingClientRect().bottom;
    const before = gap();
    const height = $(el, '[data-node="num"]')!.getBoundingClientRect().height;
    const num = testManifests.get('create/number')!;
    el.manifests = new ManifestMap([{ ...num, outputs: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((p) => [p, { type: 'number' }])) }]);
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect($(el, '[data-node="num"]')!.getBoundingClientRect().height, 'the placeholder has another height').to.not.equal(height);
    expect(gap(), 'the frame still ends the same distance below its lowest node').to.be.closeTo(before, 0.5);
  });

  it('groups a box selection with Ctrl+G and draws a labelled frame behind its nodes; Ctrl+Shift+G ungroups', async () => {
    const el = await mountEditor();
    await sendKeys({ down: 'Shift' });
    await drag([20, 60], [260, 340]);
    await sendKeys({ up: 'Shift' });
    expect([...el.selection.nodes].sort()).to.deep.equal(['num', 'txt']);
    await chord(['Control'], 'g');
    await el.updateComplete;
    const [group] = groupsOf(el);
    expect(group?.nodes.sort(), 'one group of the selection').to.deep.equal(['num', 'txt']);
    const box = frame(el, group.id)!.getBoundingClientRect();
    const node = nodeHeader(el, 'num').getBoundingClientRect();
    expect(box.left < node.left && box.top < node.top && box.right > node.right, 'the frame surrounds its nodes').to.equal(true);
    const layer = $(el, '.layer')!;
    expect([...layer.children].indexOf(frame(el, group.id)!), 'the frame is drawn before (behind) the nodes').to.be.lessThan([...layer.children].indexOf($(el, '[data-node="num"]')!));
    expect($(el, `[data-group="${group.id}"] .group-label`)!.textContent).to.equal('Group');
    await chord(['Control', 'Shift'], 'g');
    await el.updateComplete;
    expect(groupsOf(el), 'ungrouped').to.deep.equal([]);
    expect(frame(el, group.id)).to.equal(null);
    el.undo();
    await el.updateComplete;
    expect(groupsOf(el).length, 'undo brings the group back').to.equal(1);
  });

  it('dragging the frame header moves its nodes together, one undo step', async () => {
    const el = await mountGrouped();
    const header = $(el, '[data-group="g1"] .group-label')!;
    const [x, y] = centerOf(header);
    await drag([x, y], [x + 100, y + 40]);
    expect(positions(el, ['num', 'txt', 'add'])).to.deep.equal([{ x: 140, y: 80 }, { x: 140, y: 240 }, { x: 360, y: 60 }]);
    await el.updateComplete;
    const moved = frame(el, 'g1')!.getBoundingClientRect();
    expect(Math.round(moved.left), 'the frame followed').to.be.greaterThan(100);
    el.undo();
    expect(positions(el, ['num', 'txt'])).to.deep.equal([{ x: 40, y: 40 }, { x: 40, y: 200 }]);
  });

  it('collapses to a compact box that keeps the crossing edges, expands, and undoes', async () => {
    const el = await mountGrouped();
    await sendMouse({ type: 'click', position: centerOf($(el, '[data-group="g1"] [data-group-action="collapse"]')!) });
    await el.updateComplete;
    expect(el.store.state.getGroup('g1')!.collapsed).to.equal(true);
    expect($(el, '[data-node="num"]'), 'members are hidden').to.equal(null);
    expect($(el, '[data-node="txt"]')).to.equal(null);
    const box = frame(el, 'g1')!;
    expect(box.classList.contains('collapsed')).to.equal(true);
    expect(box.getAttribute('aria-label')).to.contain('1 connection out');
    const d = $(el, 'path.edge-hit[data-edge="e1"]')!.getAttribute('d')!;
    const [sx, sy] = /^M([-\d.]+),([-\d.]+)/.exec(d)!.slice(1).map(Number);
    const shape = el.store.state.getGroup('g1')!;
    expect(shape.collapsed).to.equal(true);
    const r = box.getBoundingClientRect();
    const layer = $(el, '.layer')!.getBoundingClientRect();
    expect(Math.abs(layer.left + sx - r.right), 'the edge leaves from the box').to.be.lessThan(2);
    expect(sy + layer.top).to.be.within(r.top, r.bottom);
    await sendMouse({ type: 'click', position: centerOf($(el, '[data-group="g1"] [data-group-action="collapse"]')!) });
    await el.updateComplete;
    expect($(el, '[data-node="num"]'), 'expanded again').to.exist;
    el.undo();
    await el.updateComplete;
    expect($(el, '[data-node="num"]'), 'undo collapses again').to.equal(null);
    el.undo();
    await el.updateComplete;
    expect(el.store.state.getGroup('g1')!.collapsed, 'and undo again expands').to.equal(undefined);
    expect($(el, '[data-node="num"]')).to.exist;
  });

  it('drags a collapsed box: its hidden members move and the edge follows', async () => {
    const el = await mountGrouped({ collapsed: true });
    await el.updateComplete;
    const [x, y] = centerOf($(el, '[data-group="g1"] .group-summary')!);
    await drag([x, y], [x + 60, y + 30]);
    expect(positions(el, ['num', 'txt'])).to.deep.equal([{ x: 100, y: 70 }, { x: 100, y: 230 }]);
    await el.updateComplete;
    const d = $(el, 'path.edge-hit[data-edge="e1"]')!.getAttribute('d')!;
    const box = el.view.pathOf(el.store.state.getEdge('e1')!);
    expect(d).to.equal(box);
    const r = frame(el, 'g1')!.getBoundingClientRect();
    const layer = $(el, '.layer')!.getBoundingClientRect();
    expect(Math.abs(layer.left + Number(/^M([-\d.]+)/.exec(d)![1]) - r.right)).to.be.lessThan(2);
  });

  it('renames in place; a hostile label renders as text; recolours from the palette; all undoable', async () => {
    const el = await mountGrouped();
    const [x, y] = centerOf($(el, '[data-group="g1"] .group-label')!);
    await dblclick(x, y);
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '.group-rename')!;
    expect(input, 'an input replaces the label').to.exist;
    expect($(el, '[part~="quick-add"], .quick-add'), 'the double-click does not open quick-add').to.equal(null);
    await new Promise((r) => requestAnimationFrame(r));
    input.select();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await sendKeys({ type: hostile });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.store.state.getGroup('g1')!.label).to.equal(hostile);
    const label = $(el, '[data-group="g1"] .group-label')!;
    expect(label.textContent).to.equal(hostile);
    expect($(el, '[data-group="g1"] img'), 'no element from the label').to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus returns to the label').to.equal(label);
    await sendMouse({ type: 'click', position: centerOf($(el, '[data-group="g1"] .swatch[data-color="green"]')!) });
    await el.updateComplete;
    expect(el.store.state.getGroup('g1')!.color).to.equal('green');
    expect(frame(el, 'g1')!.dataset.color).to.equal('green');
    expect(getComputedStyle(frame(el, 'g1')!).borderTopColor, 'the colour shows').to.not.equal(getComputedStyle(frame(el, 'g1')!).color);
    el.undo();
    expect(el.store.state.getGroup('g1')!.color).to.equal(undefined);
    el.undo();
    expect(el.store.state.getGroup('g1')!.label).to.equal('Inputs');
  });

  it('works from the keyboard: Tab to a group, arrows move it, Enter renames, Delete ungroups', async () => {
    const el = await mountGrouped();
    $(el, '[data-group="g1"] .group-label')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    expect(positions(el, ['num', 'txt'])).to.deep.equal([{ x: 50, y: 50 }, { x: 50, y: 210 }]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.shadowRoot!.activeElement?.classList.contains('group-rename'), 'Enter opens the name field').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.store.state.getGroup('g1')!.label, 'Escape keeps the name').to.equal('Inputs');
    await sendKeys({ press: 'Delete' });
    expect(groupsOf(el)).to.deep.equal([]);
    expect(el.store.state.getNode('num'), 'ungrouping keeps the nodes').to.exist;
  });

  it('resizes the frame by its corner, one undo step, and the size is saved', async () => {
    const el = await mountGrouped();
    const before = frame(el, 'g1')!.getBoundingClientRect();
    const [x, y] = centerOf($(el, '[data-group="g1"] .group-resize')!);
    await drag([x, y], [x + 80, y + 50]);
    await el.updateComplete;
    const after = frame(el, 'g1')!.getBoundingClientRect();
    expect(Math.round(after.width - before.width)).to.be.within(78, 82);
    expect(Math.round(after.height - before.height)).to.be.within(48, 52);
    expect(JSON.parse(el.value).groups[0].rect.width).to.be.greaterThan(0);
    el.undo();
    expect(el.store.state.getGroup('g1')!.rect).to.equal(undefined);
  });

  it('culls frames outside the visible area', async () => {
    const el = await mountEditor({ ...smallGraph, nodes: [...smallGraph.nodes, { id: 'far', type: 'output/log', position: { x: 9000, y: 9000 }, config: {} }], groups: [{ id: 'near', nodes: ['num'] }, { id: 'away', nodes: ['far'] }] });
    expect(frame(el, 'near')).to.exist;
    expect(frame(el, 'away'), 'off-screen group not drawn').to.equal(null);
    expect($$(el, '.group').length).to.equal(1);
  });
});
