import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/palette/palette.js';
import { PALETTE_DRAG_TYPE, type V2uPalette } from '../../src/elements/palette/palette.component.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { fixtureRegistry } from '../fixtures/registry.js';

const titles = (palette: V2uPalette) => [...palette.shadowRoot!.querySelectorAll('[part="item-title"]')].map((t) => t.textContent);
const item = (palette: V2uPalette, type: string) => palette.shadowRoot!.querySelector<HTMLButtonElement>(`[data-v2u-type="${type}"]`)!;

async function palette(registry: NodeRegistry, loader?: unknown) {
  return fixture<V2uPalette>(html`<v2u-palette .source=${registry} .loader=${loader}></v2u-palette>`);
}

describe('<v2u-palette>', () => {
  it('groups node types by category under labelled lists', async () => {
    const el = await palette(await fixtureRegistry());
    const groups = [...el.shadowRoot!.querySelectorAll('[part="group"]')];
    expect(groups.map((g) => g.querySelector('h3')!.textContent)).to.deep.equal(['create', 'transform', 'utility']);
    const list = groups[1]!.querySelector('ul')!;
    expect(el.shadowRoot!.getElementById(list.getAttribute('aria-labelledby')!)!.textContent).to.equal('transform');
    expect(item(el, 'transform/fixture-double').title).to.equal('Doubles a number');
  });

  it('filters by title, type and keyword', async () => {
    const el = await palette(await fixtureRegistry());
    const search = el.shadowRoot!.querySelector('input')!;
    search.focus();
    await sendKeys({ type: 'times' });
    await el.updateComplete;
    expect(titles(el), 'keyword').to.deep.equal(['Fixture double']);
    el.query = 'utility/';
    await el.updateComplete;
    expect(titles(el), 'type').to.deep.equal(['Fixture note']);
    el.query = 'zzz';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).to.contain('No nodes match');
  });

  it('fires v2u-palette-pick on click and on Enter', async () => {
    const el = await palette(await fixtureRegistry());
    setTimeout(() => item(el, 'create/fixture-number').click());
    expect((await oneEvent(el, 'v2u-palette-pick')).detail).to.deep.equal({ type: 'create/fixture-number' });
    item(el, 'utility/fixture-note').focus();
    setTimeout(() => sendKeys({ press: 'Enter' }));
    expect((await oneEvent(el, 'v2u-palette-pick')).detail.type).to.equal('utility/fixture-note');
  });

  it('drags an item with the node type as application/x-v2u-node', async () => {
    const el = await palette(await fixtureRegistry());
    const dataTransfer = new DataTransfer();
    item(el, 'transform/fixture-double').dispatchEvent(new DragEvent('dragstart', { dataTransfer, bubbles: true, composed: true }));
    expect(dataTransfer.getData(PALETTE_DRAG_TYPE)).to.equal('transform/fixture-double');
    expect(item(el, 'transform/fixture-double').draggable).to.equal(true);
  });

  it('re-renders when the registry learns new types, and stops listening when removed', async () => {
    const registry = new NodeRegistry();
    const el = await palette(registry);
    expect(titles(el)).to.deep.equal([]);
    await registry.registerIndex(new URL('../fixtures/bundled/bundles/index.json', import.meta.url));
    await waitUntil(() => titles(el).length === 3, 'rendered the new types');
    el.remove();
    await el.updateComplete;
    const base = registry.entry('transform/fixture-double')!;
    registry.register({ ...base, type: 'transform/late', title: 'Late' });
    await new Promise((resolve) => setTimeout(resolve));
    expect(titles(el)).to.not.include('Late');
  });

  it('tells the loader of focus intent, and no timer survives removal', async () => {
    const intents: string[] = [];
    const el = await palette(await fixtureRegistry(), { intent: (type: string, kind: string) => intents.push(`${kind} ${type}`) });
    item(el, 'create/fixture-number').focus();
    expect(intents).to.deep.equal(['focus create/fixture-number']);
    const target = item(el, 'transform/fixture-double');
    target.dispatchEvent(new PointerEvent('pointerover', { pointerType: 'mouse', bubbles: true, composed: true }));
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(intents, 'the pending hover was cancelled on disconnect').to.have.length(1);
  });
});
