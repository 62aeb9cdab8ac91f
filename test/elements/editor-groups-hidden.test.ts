import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, drag, mountEditor, pagePoint, smallGraph, warmUp } from './editor-helpers.js';

/** Add folded into a collapsed group: its box sits at the frame's top-left, Add's own place is empty canvas. */
const graph = {
  ...smallGraph,
  edges: [{ id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'log', port: 'value' } }],
  groups: [{ id: 'g1', label: 'Folded', nodes: ['add'], collapsed: true }],
};

describe('<v2u-editor> members of a collapsed group', () => {
  before(warmUp(graph));

  it('are not hit, box-selected, selected by select-all or connected', async () => {
    const el = await mountEditor(graph);
    expect($(el, '[data-node="add"]'), 'Add is folded away').to.equal(null);
    // Add spans 360..540 × 60..180; the group's box covers only 340..520 × 10..74.
    await sendMouse({ type: 'click', position: pagePoint(el, 450, 150) });
    expect([...el.selection.nodes], 'a click where the hidden node lies selects nothing').to.deep.equal([]);

    await sendKeys({ down: 'Shift' });
    await drag(pagePoint(el, 10, 5), pagePoint(el, 900, 400));
    await sendKeys({ up: 'Shift' });
    expect([...el.selection.nodes].sort(), 'a box over everything selects the shown nodes only').to.deep.equal(['log', 'num', 'txt']);

    el.select([]);
    await el.focusNode('num');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'a' });
    await sendKeys({ up: 'Control' });
    expect([...el.selection.nodes].sort(), 'select-all (Ctrl+A) selects the shown nodes only').to.deep.equal(['log', 'num', 'txt']);

    el.select([]);
    // From Text's output to where Add's first input would be.
    await drag(pagePoint(el, 220, 200 + 32 + 11), pagePoint(el, 362, 60 + 32 + 11));
    expect([...el.store.state.edges()].map((e) => e.to.node), 'no connection reaches the hidden node').to.not.include('add');
  });

  it('are skipped by keyboard navigation, and a member that had focus hands it to its group', async () => {
    const el = await mountEditor({ ...graph, groups: [{ id: 'g1', label: 'Folded', nodes: ['add'] }] });
    await el.focusNode('add');
    $<HTMLButtonElement>(el, '[data-group="g1"] [data-group-action="collapse"]')!.click();
    await waitUntil(() => el.store.state.getGroup('g1')!.collapsed, 'the group collapses');
    await waitUntil(() => el.shadowRoot!.activeElement?.closest('[data-group]')?.getAttribute('data-group') === 'g1', 'focus moves to the group');
    expect(el.focusedNode, 'no hidden node keeps focus').to.equal(undefined);

    await el.focusNode('num');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => el.focusedNode !== 'num', 'focus moves on');
    expect(el.focusedNode, 'ArrowRight from Number skips the folded Add for Log').to.equal('log');
  });

  it('fit and the minimap include group frames', async () => {
    const el = await mountEditor({ ...smallGraph, groups: [{ id: 'g2', label: 'Wide', nodes: ['log'], rect: { x: 600, y: 80, width: 1400, height: 900 } }] });
    el.fitView();
    await el.updateComplete;
    const frame = $(el, '[data-group="g2"]')!.getBoundingClientRect();
    const canvas = $(el, '.viewport')!.getBoundingClientRect();
    expect(frame.right, 'the whole frame is in view after fit').to.be.at.most(canvas.right + 0.5);
    expect(frame.bottom).to.be.at.most(canvas.bottom + 0.5);
    const minimap = $(el, 'v2u-minimap') as HTMLElement & { frames: unknown[] };
    expect(minimap.frames.length, 'the minimap is given the frame').to.equal(1);
  });
});
