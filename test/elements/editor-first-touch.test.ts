// What a person meets first, tested the way the README uses it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';
import { $, centerOf, mountEditor, wheel } from './editor-helpers.js';

/** The built-in library's index, answered after a delay: the network of a first visit. */
const slowLibrary = new URL('../../nodes/bundles/index.json?v2u-slow=600', import.meta.url).href;
const flow = {
  version: 2,
  nodes: [
    { id: 'v', type: 'create/value', position: { x: 40, y: 40 }, config: { kind: 'number', value: '21' } },
    { id: 'log', type: 'output/log', position: { x: 320, y: 40 } },
  ],
  edges: [{ id: 'e', from: { node: 'v', port: 'value' }, to: { node: 'log', port: 'value' } }],
};

/** A registry with an empty IndexedDB cache of its own: nothing known before the network answers. */
const firstVisitRegistry = () => new NodeRegistry({ cache: new RegistryPersistence({ dbName: `v2u-first-${Math.random()}` }) });

describe('the first touch', () => {
  it('await editor.run() right after the element is on the page waits for the library (README quick start)', async () => {
    const el = await fixture<V2uEditor>(
      html`<v2u-editor no-palette no-auto-run library=${slowLibrary} .registry=${firstVisitRegistry()} .value=${JSON.stringify(flow)}></v2u-editor>`,
    );
    const summary = await el.run();
    expect(summary.failed, `failed: ${summary.failed.map((id) => el.nodeState(id)?.error?.message).join('; ')}`).to.deep.equal([]);
    expect(summary.executed.sort()).to.deep.equal(['log', 'v']);
  });

  it('auto-run on a first visit waits for the types: no node shows an unknown-type error', async () => {
    const errors: string[] = [];
    const el = await fixture<V2uEditor>(html`<v2u-editor no-palette library=${slowLibrary} .registry=${firstVisitRegistry()} .value=${JSON.stringify(flow)}></v2u-editor>`);
    el.addEventListener('v2u-node-status', (e) => e.detail.status === 'error' && errors.push(e.detail.nodeId));
    await waitUntil(() => el.nodeState('log')?.status === 'done', 'the auto-run ends', { timeout: 8000 });
    expect(errors).to.deep.equal([]);
  });

  it('the Run button runs the whole flow again, also when nothing changed', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-palette no-auto-run .value=${JSON.stringify(flow)}></v2u-editor>`);
    expect((await el.run()).executed).to.have.length(2);
    expect((await el.run()).executed, 'run() runs only what is dirty (and nodes that never cache)').not.to.include('v');
    await el.whenEditable();
    await el.updateComplete;
    const ended = new Promise<CustomEvent>((resolve) => el.addEventListener('v2u-run-end', resolve as EventListener, { once: true }));
    $<HTMLButtonElement>(el, '[data-action="run"]')!.click();
    expect((await ended).detail.summary.executed.sort(), 'Run executes every node').to.deep.equal(['log', 'v']);
  });

  it('pan and zoom fire v2u-viewport-change, not v2u-change, and leave the form value alone', async () => {
    const el = await mountEditor();
    await el.whenEditable();
    const changes: unknown[] = [];
    const views: { x: number; y: number; zoom: number }[] = [];
    el.addEventListener('v2u-change', (e) => changes.push(e.detail.types));
    el.addEventListener('v2u-viewport-change', (e) => views.push(e.detail.viewport));
    el.zoomBy(1.25);
    const [cx, cy] = centerOf($(el, '.viewport')!);
    await wheel(cx, cy, 0, 40);
    await waitUntil(() => views.length >= 2, 'a pan after the zoom', { timeout: 3000 });
    expect(views[0].zoom).to.equal(1.25);
    expect(views.at(-1), 'the event carries the viewport shown').to.deep.equal(el.liveViewport);
    expect(changes, 'a view change is not an edit').to.deep.equal([]);
    el.store.moveNodes([{ id: 'num', position: { x: 99, y: 99 } }]);
    expect(changes, 'an edit still is').to.deep.equal([['node-move']]);
  });
});

describe('the first touch, when something is missing', () => {
  it('a node library that cannot load is explained on the canvas, and Retry loads it', async () => {
    const el = await fixture<V2uEditor>(
      html`<v2u-editor no-palette no-auto-run library="/no/such/library/index.json" .registry=${firstVisitRegistry()} .value=${JSON.stringify(flow)}></v2u-editor>`,
    );
    await el.whenEditable();
    await waitUntil(() => $(el, '[part="library-failure"]'), 'the failure is shown', { timeout: 8000 });
    expect($(el, '[part="library-failure"]')!.textContent).to.contain('/no/such/library/index.json');
    el.library = new URL('../../nodes/bundles/index.json', import.meta.url).href;
    $<HTMLButtonElement>(el, '[part="library-failure"] button')!.click();
    await waitUntil(() => el.registry.entry('create/value'), 'the library loads on retry', { timeout: 8000 });
    await el.updateComplete;
    expect($(el, '[part="library-failure"]'), 'the notice is gone').to.equal(null);
  });

  it('a missing IndexedDB is told to the page once the editor is in it', async () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    const heard: string[] = [];
    const listen = (e: Event) => heard.push((e as CustomEvent<{ code: string }>).detail.code);
    document.addEventListener('v2u-warning', listen);
    try {
      const el = document.createElement('v2u-editor');
      el.noLibrary = true;
      // The store finds IndexedDB missing while the editor is not in the page yet.
      await el.persistence.keys();
      expect(heard, 'nothing reaches the page from an editor outside it').to.deep.equal([]);
      document.body.append(el);
      await el.updateComplete;
      el.remove();
    } finally {
      Object.defineProperty(window, 'indexedDB', saved);
      document.removeEventListener('v2u-warning', listen);
    }
    expect(heard).to.deep.equal(['storage-fallback']);
  });
});
