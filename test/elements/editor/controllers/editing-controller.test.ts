// The editing controller's host is the whole editing surface (EditorHost: store, registry,
// runner, popovers…), so it is driven through the real <v2u-editor> and its real editing kit.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../../../src/elements/editor/editor.component.js';
import type { EditingKit } from '../../../../src/elements/editor/editing-kit.js';
import { centerOf, nodeHeader, smallGraph, testManifests } from '../../editor-helpers.js';

const kitOf = (el: V2uEditor) => (el as unknown as { editingKit: EditingKit | undefined }).editingKit;

/** An editor on the page, rendered, whose editing code has not loaded yet (it waits for a frame). */
async function editorBeforeTheKit(): Promise<V2uEditor> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('v2u-editor') as V2uEditor;
  el.setAttribute('style', 'position: fixed; left: 0; top: 0; width: 1000px; height: 600px');
  el.toggleAttribute('no-palette', true);
  el.toggleAttribute('no-auto-run', true);
  el.toggleAttribute('no-library', true);
  el.manifests = testManifests;
  el.graph = smallGraph as never;
  container.append(el);
  while (!el.shadowRoot?.querySelector('[data-node="num"] .header')) await el.updateComplete;
  return el;
}

/** Dispatches a mouse pointer event at a page point on `target`, as the browser does. */
function pointer(target: Element, type: string, [clientX, clientY]: [number, number], buttons: number) {
  target.dispatchEvent(new PointerEvent(type, { clientX, clientY, buttons, button: 0, pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, composed: true, cancelable: true }));
}

describe('EditingController', () => {
  // The editing code is ~100 unbundled modules here: fetch them once up front, so a loaded
  // machine spends that time in this hook (with room for it), not inside a test's timeout.
  before(async function () {
    this.timeout(120_000);
    await import('../../../../src/elements/editor/editing-kit.js');
  });

  it('queues pointer events that arrive before the editing code and replays them in order', async () => {
    const el = await editorBeforeTheKit();
    expect(kitOf(el), 'the editing code is not in yet').to.equal(undefined);
    const header = nodeHeader(el, 'num');
    const before = { ...el.store.state.getNode('num')!.position };
    const [x, y] = centerOf(header);

    pointer(header, 'pointerdown', [x, y], 1);
    for (let i = 1; i <= 4; i++) pointer(header, 'pointermove', [x + 30 * i, y + 15 * i], 1);
    pointer(header, 'pointerup', [x + 120, y + 60], 0);
    expect(kitOf(el), 'still loading while the drag happened').to.equal(undefined);

    await el.whenEditable();
    await el.updateComplete;
    const zoom = el.store.state.viewport.zoom;
    const after = el.store.state.getNode('num')!.position;
    expect({ dx: (after.x - before.x) * zoom, dy: (after.y - before.y) * zoom }, 'the whole drag, replayed').to.deep.equal({ dx: 120, dy: 60 });
    expect(el.store.canUndo, 'as one edit').to.equal(true);
    el.store.undo();
    expect(el.store.state.getNode('num')!.position, 'one undo step').to.deep.equal(before);
  });

  it('queues keys pressed before the editing code and replays them in order', async () => {
    const el = await editorBeforeTheKit();
    const canvas = el.shadowRoot!.querySelector<HTMLElement>('.viewport')!;
    const count = el.store.state.nodeCount;
    expect(count, 'the graph has nodes to delete').to.be.greaterThan(1);
    canvas.focus();
    const key = (k: string, ctrlKey = false): boolean => canvas.dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true, composed: true, cancelable: true }));
    expect(key('a', true), "the editor's keys lose their browser default (select the page's text)").to.equal(false);
    expect(key('Delete')).to.equal(false);
    expect(key('F5') && key('l', true), 'the browser keeps its own').to.equal(true);
    expect(kitOf(el), 'the keys arrived before the editing code').to.equal(undefined);
    expect(el.store.state.nodeCount).to.equal(count);

    await el.whenEditable();
    await el.updateComplete;
    expect(el.store.state.nodeCount, 'select all, then delete: replayed in order').to.equal(0);
    el.store.undo();
    expect(el.store.state.nodeCount, 'one undo step').to.equal(count);
  });

  it('routes pointer events straight to the editing code once it is in', async () => {
    const el = await editorBeforeTheKit();
    await el.whenEditable();
    await el.updateComplete;
    const header = nodeHeader(el, 'num');
    const before = { ...el.store.state.getNode('num')!.position };
    const [x, y] = centerOf(header);
    pointer(header, 'pointerdown', [x, y], 1);
    pointer(header, 'pointermove', [x + 40, y], 1);
    pointer(header, 'pointermove', [x + 80, y], 1);
    expect(el.store.state.getNode('num')!.position.x, 'moves during the drag, no waiting').to.not.equal(before.x);
    pointer(header, 'pointerup', [x + 80, y], 0);
  });
});
