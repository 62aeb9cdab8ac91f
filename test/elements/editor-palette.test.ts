import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, centerOf, dragAndDrop, mountEditor, portDot, drag } from './editor-helpers.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

function paletteItem(el: V2uEditor, type: string): HTMLElement {
  const palette = $(el, 'v2u-palette')!;
  const item = palette.shadowRoot!.querySelector<HTMLElement>(`[data-v2u-type="${type}"]`);
  if (!item) throw new Error(`no palette item for ${type}`);
  return item;
}

/** An editor whose registry knows the test types (their modules are never loaded here). */
async function mountWithPalette(types: string[]) {
  const el = await mountEditor({ version: 2, nodes: [], edges: [] }, { palette: true });
  for (const type of types) el.registry.register({ ...el.manifests.get(type)!, module: new URL(`./${type}.js`, location.href) });
  el.manifests = el.registry;
  const last = types[types.length - 1];
  await waitUntil(() => $(el, 'v2u-palette')?.shadowRoot?.querySelector(`[data-v2u-type="${last}"]`), 'the palette lists the types');
  return el;
}

describe('<v2u-editor> palette', () => {
  it('builds a flow with the mouse alone: palette drag-and-drop, then connect', async () => {
    const el = await mountWithPalette(['create/number', 'transform/add']);
    const canvas = $(el, '.viewport')!.getBoundingClientRect();
    await dragAndDrop(centerOf(paletteItem(el, 'create/number')), [Math.round(canvas.left + 100), Math.round(canvas.top + 100)]);
    await dragAndDrop(centerOf(paletteItem(el, 'transform/add')), [Math.round(canvas.left + 400), Math.round(canvas.top + 120)]);
    const [num, add] = [...el.store.state.nodes()];
    expect(num.type).to.equal('create/number');
    expect(num.position).to.deep.equal({ x: 100, y: 100 });
    expect(add.type).to.equal('transform/add');
    await el.updateComplete;
    await drag(centerOf(portDot(el, num.id, 'value', 'out')), centerOf(portDot(el, add.id, 'a', 'in')));
    expect(el.store.state.edgeCount).to.equal(1);
  });

  it('adds a node at the centre on click or Enter, and searches by keyword', async () => {
    const el = await mountWithPalette(['create/number']);
    await sendMouse({ type: 'click', position: centerOf(paletteItem(el, 'create/number')) });
    expect(el.store.state.nodeCount).to.equal(1);
    const palette = $(el, 'v2u-palette')!;
    const search = palette.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await sendKeys({ type: 'constant' });
    await (palette as unknown as { updateComplete: Promise<void> }).updateComplete;
    const shown = [...palette.shadowRoot!.querySelectorAll<HTMLElement>('[data-v2u-type]')].map((b) => b.dataset.v2uType);
    expect(shown, 'only types matching the keyword').to.deep.equal(['create/number']);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect(el.store.state.nodeCount).to.equal(2);
  });
});
