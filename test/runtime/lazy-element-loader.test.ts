import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/palette/palette.js';
import type { V2uPalette } from '../../src/elements/palette/palette.component.js';
import { elementNameFor } from '../../src/core/index.js';
import { LazyElementLoader } from '../../src/runtime/lazy-element-loader.js';
import type { NodeRegistry } from '../../src/registry/node-registry.js';
import { fixtureRegistry, serverPath, variantType } from '../fixtures/registry.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const defined = (type: string) => customElements.get(elementNameFor(type)) !== undefined;

function itemOf(palette: V2uPalette, type: string): HTMLElement {
  return palette.shadowRoot!.querySelector<HTMLElement>(`[data-v2u-type="${type}"]`)!;
}

async function hover(element: Element) {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

async function setup(options: ConstructorParameters<typeof LazyElementLoader>[0] = {}) {
  const registry = await fixtureRegistry();
  const loader = new LazyElementLoader({ registry, backoff: 20, ...options });
  return { registry, loader };
}

async function paletteFor(registry: NodeRegistry, loader: LazyElementLoader) {
  return fixture<V2uPalette>(html`<v2u-palette .source=${registry} .loader=${loader} style="width: 240px"></v2u-palette>`);
}

describe('LazyElementLoader', () => {
  afterEach(() => resetMouse());

  it('defines no node element at startup', async () => {
    const { registry, loader } = await setup();
    await paletteFor(registry, loader);
    for (const { type } of registry.list()) expect(defined(type), type).to.equal(false);
    expect(loader.state('create/fixture-number')).to.equal('idle');
    expect(loader.state('utility/fixture-note'), 'no element module').to.equal('none');
  });

  it('a mouse resting less than 200 ms defines nothing; resting longer defines the element', async () => {
    const { registry, loader } = await setup();
    const type = variantType(registry);
    const palette = await paletteFor(registry, loader);
    await hover(itemOf(palette, type));
    await sleep(80);
    await sendMouse({ type: 'move', position: [600, 500] });
    await sleep(400);
    expect(defined(type), 'left before the delay').to.equal(false);

    await hover(itemOf(palette, type));
    expect(defined(type), 'not at once').to.equal(false);
    await waitUntil(() => defined(type), 'defined after resting on the item');
    expect(loader.metrics.chunksLoaded).to.equal(1);
    expect(loader.metrics.intentToDefined.count).to.equal(1);
  });

  it('touch waits 400 ms: after the mouse delay nothing is defined yet', async () => {
    // sendMouse only produces mouse pointers, so touch is a real PointerEvent with pointerType "touch".
    const { registry, loader } = await setup();
    const type = variantType(registry);
    const item = itemOf(await paletteFor(registry, loader), type);
    const touch = (name: string, init: PointerEventInit = {}) =>
      item.dispatchEvent(new PointerEvent(name, { pointerType: 'touch', bubbles: true, composed: true, ...init }));
    touch('pointerover');
    await sleep(250);
    expect(defined(type), 'still waiting at 250 ms').to.equal(false);
    await waitUntil(() => defined(type), 'defined after the touch delay');

    const other = variantType(registry);
    await loader.define(type);
    const otherItem = itemOf((await paletteFor(registry, loader)), other);
    otherItem.dispatchEvent(new PointerEvent('pointerover', { pointerType: 'touch', bubbles: true, composed: true }));
    await sleep(200);
    otherItem.dispatchEvent(new PointerEvent('pointercancel', { pointerType: 'touch', bubbles: true, composed: true }));
    await sleep(400);
    expect(defined(other), 'a cancelled touch defines nothing').to.equal(false);
  });

  it('keyboard focus defines at once', async () => {
    const { registry, loader } = await setup();
    const type = variantType(registry);
    itemOf(await paletteFor(registry, loader), type).focus();
    await waitUntil(() => defined(type), 'defined on focus');
  });

  it('skips speculative prefetch on Save-Data and 2G, but not a real use', async () => {
    const { registry, loader } = await setup();
    const type = variantType(registry);
    const palette = await paletteFor(registry, loader);
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    try {
      await hover(itemOf(palette, type));
      await sleep(400);
      loader.prefetchIdle([type]);
      await sleep(100);
      expect(defined(type), 'no prefetch on Save-Data').to.equal(false);
      Object.defineProperty(navigator, 'connection', { value: { effectiveType: 'slow-2g' }, configurable: true });
      await loader.intent(type, 'idle');
      expect(defined(type), 'no prefetch on 2G').to.equal(false);
      expect(loader.metrics.skippedForSaveData).to.be.at.least(3);
      await loader.use(type);
      expect(defined(type), 'placing the node still loads it').to.equal(true);
      expect(loader.metrics.prefetchMisses).to.equal(1);
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });

  it('retries a failing import with backoff, then reports the error, and recovers on retry', async () => {
    const imported: string[] = [];
    const { registry, loader } = await setup({ importModule: (url) => (imported.push(url), import(url)) });
    const key = `k${Date.now()}`;
    const type = variantType(registry, (url) => new URL(`/__v2u/flaky/${key}/3${serverPath(url)}${new URL(url).search}`, url).href);
    const states: string[] = [];
    loader.addEventListener('state', (e) => states.push((e as CustomEvent).detail.state));
    const started = performance.now();
    const error = await loader.define(type).catch((e: Error) => e);
    expect(imported, 'three attempts').to.have.length(3);
    expect(performance.now() - started, 'waited 20 + 40 ms between attempts').to.be.at.least(60);
    expect((error as Error).message).to.match(new RegExp(`Unable to load ${elementNameFor(type)} from .*/__v2u/flaky/`));
    expect(loader.state(type)).to.equal('error');
    expect(loader.error(type)).to.equal((error as Error).message);

    await loader.retry(type);
    expect(defined(type)).to.equal(true);
    expect(states).to.deep.equal(['loading', 'error', 'idle', 'loading', 'defined']);
  });

  it('defining is idempotent for the same class and a clear error for a foreign one', async () => {
    const { registry, loader } = await setup();
    const same = variantType(registry);
    const cls = ((await import(registry.entry(same)!.element!)) as { default: CustomElementConstructor }).default;
    customElements.define(elementNameFor(same), cls);
    expect(await loader.define(same)).to.equal(cls);
    expect(loader.state(same)).to.equal('defined');

    const clash = variantType(registry);
    customElements.define(elementNameFor(clash), class extends HTMLElement {});
    const error = await loader.define(clash).catch((e: Error) => e);
    expect((error as Error).message).to.contain(`<${elementNameFor(clash)}> is already defined by another class`);
    expect(loader.state(clash)).to.equal('error');
  });

  it('counts a prefetch hit when the element was ready before the node was used', async () => {
    const { registry, loader } = await setup();
    const type = variantType(registry);
    await loader.intent(type, 'hover');
    await loader.use(type);
    expect(loader.metrics).to.include({ prefetchHits: 1, prefetchMisses: 0, prefetchHitRate: 1 });
  });

  it('defines on entering the viewport and on idle time for the open graph', async () => {
    const { registry, loader } = await setup();
    const seen = variantType(registry);
    const idle = variantType(registry);
    const shell = await fixture(html`<div style="height: 20px">shell</div>`);
    loader.observe(shell, seen);
    await waitUntil(() => defined(seen), 'defined once visible');
    loader.prefetchIdle([idle]);
    await waitUntil(() => defined(idle), 'defined when idle');
    loader.destroy();
  });
});
