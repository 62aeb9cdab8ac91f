import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, centerOf, mountEditor, nodeHeader, smallGraph, warmUp } from './editor-helpers.js';

const menu = (el: V2uEditor) => $(el, '.context-menu [role="menu"]');
const entries = (el: V2uEditor) => $$(el, '.context-menu [role="menuitem"]').map((li) => `${li.dataset.action}${li.getAttribute('aria-disabled') === 'true' ? ' (disabled)' : ''}`);

async function rightClick(x: number, y: number) {
  await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)], button: 'right' });
}

describe('<v2u-editor> context menu', function () {
  this.timeout(40000);
  before(warmUp(smallGraph));

  it('opens on a right-click on a node, selects it, and groups it as one undo step', async () => {
    const el = await mountEditor();
    const [x, y] = centerOf(nodeHeader(el, 'add'));
    await rightClick(x, y);
    await waitUntil(() => menu(el), 'the menu opens');
    expect([...el.selection.nodes], 'the node right-clicked is selected').to.deep.equal(['add']);
    expect(entries(el)).to.include.members(['group', 'make-subflow', 'copy', 'delete', 'quick-add']);
    const box = $(el, '.context-menu')!.getBoundingClientRect();
    expect(Math.abs(box.left - x) < 2 && Math.abs(box.top - y) < 2, 'it opens under the pointer').to.equal(true);
    await sendMouse({ type: 'click', position: centerOf($(el, '.context-menu [data-action="group"]')!) });
    await el.updateComplete;
    expect(!!menu(el), 'a pick closes it').to.equal(false);
    const groups = [...el.store.state.groups()];
    expect(groups.map((g) => g.nodes)).to.deep.equal([['add']]);
    el.store.undo();
    expect([...el.store.state.groups()], 'one undo step').to.have.length(0);
  });

  it('opens from the keyboard (the Menu key, Shift+F10), moves with arrows, picks with Enter, closes with Escape', async () => {
    const el = await mountEditor();
    $(el, '.viewport')!.focus();
    await sendKeys({ press: 'ContextMenu' });
    await waitUntil(() => menu(el) && el.shadowRoot!.activeElement === menu(el), 'the Menu key opens it, with focus');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(!!menu(el), 'Escape closes it').to.equal(false);

    el.select(['num', 'add']);
    await el.updateComplete;
    $(el, '.viewport')!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'F10' });
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => el.shadowRoot!.activeElement === menu(el), 'Shift+F10 opens it');
    expect($(el, '.context-menu li.active')!.dataset.action, 'the first entry is highlighted').to.equal('group');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '.context-menu li.active')!.dataset.action).to.equal('make-subflow');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => [...el.store.state.nodes()].some((n) => n.type.startsWith('subflow/')), 'the selection became a subflow');
    expect(el.store.state.getNode('num'), 'its nodes moved inside').to.equal(undefined);
  });

  it('on the empty canvas, offers what needs no selection; a disabled entry does nothing', async () => {
    const el = await mountEditor();
    const canvas = $(el, '.viewport')!.getBoundingClientRect();
    await rightClick(canvas.left + canvas.width / 2, canvas.top + canvas.height - 30);
    await waitUntil(() => menu(el), 'the menu opens');
    expect(entries(el)).to.include.members(['group (disabled)', 'delete (disabled)', 'paste', 'quick-add', 'tidy-up']);
    const box = $(el, '.context-menu')!.getBoundingClientRect();
    expect(box.right <= canvas.right + 1 && box.bottom <= canvas.bottom + 1, 'kept on the canvas near its edge').to.equal(true);
    const nodes = el.store.state.nodeCount;
    await sendMouse({ type: 'click', position: centerOf($(el, '.context-menu [data-action="delete"]')!) });
    await el.updateComplete;
    expect(!!menu(el), 'still open').to.equal(true);
    expect(el.store.state.nodeCount).to.equal(nodes);
  });
});
