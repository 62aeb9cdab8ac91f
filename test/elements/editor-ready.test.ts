// The ready signal and the cold start: v2u-ready / whenReady(), placeholders first on a slow
// network, the IndexedDB restore and the library request at the same time.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { GraphDocument } from '../../src/core/index.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uReadyDetail } from '../../src/elements/shared/events.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';

/** The built-in library's index (a compact one: manifests inline), optionally answered late. */
const library = (slowMs = 0) => new URL(`../../nodes/bundles/index.json${slowMs ? `?v2u-slow=${slowMs}` : ''}`, import.meta.url).href;

const flow = {
  version: 2,
  nodes: [
    { id: 'v', type: 'create/value', position: { x: 40, y: 40 }, config: { kind: 'number', value: '21' } },
    { id: 'log', type: 'output/log', position: { x: 320, y: 40 }, config: {} },
  ],
  edges: [{ id: 'e', from: { node: 'v', port: 'value' }, to: { node: 'log', port: 'value' } }],
};
const other = { version: 2, nodes: [{ id: 'f', type: 'transform/filter', position: { x: 40, y: 40 }, config: {} }], edges: [] } as unknown as GraphDocument;

/** A registry over IndexedDB database `dbName` (a fresh one: a first visit), optionally with a wrapped fetch. */
const registryOn = (dbName = `v2u-ready-${Math.random()}`, fetch?: typeof globalThis.fetch) => new NodeRegistry({ cache: new RegistryPersistence({ dbName }), fetch });

/** What each drawn node shows: its category (`unknown` for a placeholder) and title. */
const drawn = (el: V2uEditor) =>
  Object.fromEntries(
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="node"]')].map((n) => [n.dataset.node, `${n.dataset.category}: ${n.querySelector('[part~="node-header"]')!.textContent}`]),
  );

const mount = (registry: NodeRegistry, url: string, onReady?: (e: CustomEvent<V2uReadyDetail>) => void) =>
  fixture<V2uEditor>(
    html`<v2u-editor no-palette no-auto-run library=${url} .registry=${registry} .value=${JSON.stringify(flow)} @v2u-ready=${onReady ?? (() => {})}></v2u-editor>`,
  );

describe('v2u-ready and whenReady()', () => {
  it('fires once per loaded graph, after the types are known: the nodes show their real titles then', async () => {
    const heard: { detail: V2uReadyDetail; shown: Record<string, string> }[] = [];
    const el = await mount(registryOn(), library(200), (e) => heard.push({ detail: e.detail, shown: drawn(e.target as V2uEditor) }));
    await waitUntil(() => heard.length === 1, 'ready for the first graph', { timeout: 8000 });
    expect(heard[0].shown, 'drawn with the types at that moment').to.deep.equal({ v: 'create: Value', log: 'output: Log' });
    expect(heard[0].detail).to.deep.equal({ nodes: 2, unknownTypes: [] });

    el.importGraph(other);
    await waitUntil(() => heard.length === 2, 'ready again for a new graph', { timeout: 8000 });
    expect(heard[1].shown).to.deep.equal({ f: 'transform: Filter rows' });
    el.graph = el.graph; // the graph it already has: not a new graph
    await el.whenEditable();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard, 'once per loaded graph').to.have.length(2);
  });

  it('counts subflow instances whose definition is in the document as known', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-palette no-auto-run library=${library()} .registry=${registryOn()}></v2u-editor>`);
    const subflow = { id: 'sf1', version: 1, title: 'Inner', inputs: [], outputs: [], nodes: [flow.nodes[0]], edges: [] };
    el.importGraph({ version: 2, nodes: [{ id: 's', type: 'subflow/sf1', position: { x: 0, y: 0 }, config: {} }, { id: 'x', type: 'subflow/none', position: { x: 0, y: 200 }, config: {} }], edges: [], subflows: [subflow] } as unknown as GraphDocument);
    const detail = await el.whenReady();
    expect(detail.unknownTypes, 'only the instance without a definition').to.deep.equal(['subflow/none']);
  });

  it('lists types nobody knows, which stay placeholders', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-palette no-auto-run library=${library()} .registry=${registryOn()}></v2u-editor>`);
    el.importGraph({ version: 2, nodes: [{ id: 'x', type: 'acme/nothing', position: { x: 0, y: 0 }, config: {} }, ...flow.nodes], edges: [] } as unknown as GraphDocument);
    const detail = await el.whenReady();
    expect(detail.unknownTypes).to.deep.equal(['acme/nothing']);
    expect(drawn(el).x).to.match(/^unknown: /);
  });

  it('whenReady() resolves on a first visit and, from IndexedDB, on a second one before the network answers', async () => {
    const dbName = `v2u-ready-warm-${Math.random()}`;
    const first = await mount(registryOn(dbName), library());
    await first.whenReady();
    expect(drawn(first)).to.deep.equal({ v: 'create: Value', log: 'output: Log' });
    await first.graphReady(); // the library is in the cache now
    first.remove();

    const start = performance.now();
    const second = await mount(registryOn(dbName), library(3000));
    await second.whenReady();
    expect(performance.now() - start, 'ready before the 3 s network answers').to.be.below(2500);
    expect(drawn(second)).to.deep.equal({ v: 'create: Value', log: 'output: Log' });
    expect(second.registry.metrics.restoredTypes, 'types from IndexedDB').to.be.greaterThan(0);
  });

  it('a first visit on a slow network draws placeholders at once and resolves them when the library arrives', async () => {
    let ready = false;
    const el = await mount(registryOn(), library(1200), () => (ready = true));
    await el.updateComplete;
    expect(drawn(el), 'placeholders, drawn before the library').to.deep.equal({ v: 'unknown: create/value', log: 'unknown: output/log' });
    expect(ready, 'not ready with placeholders').to.equal(false);
    await el.whenReady();
    expect(ready).to.equal(true);
    expect(drawn(el), 'resolved').to.deep.equal({ v: 'create: Value', log: 'output: Log' });
  });

  it('types that arrive before the first frame draw the graph once, never as placeholders', async () => {
    const el = document.createElement('v2u-editor');
    el.noLibrary = true;
    el.setAttribute('no-palette', '');
    el.registry = registryOn();
    el.graph = { version: 2, nodes: [{ id: 'a', type: 'acme/late', position: { x: 0, y: 0 }, config: {} }], edges: [] } as unknown as GraphDocument;
    document.body.append(el);
    const seen: unknown[] = [];
    const watch = new MutationObserver(() => seen.push(...Object.values(drawn(el))));
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    // After the element's first update has been scheduled, and long before the next frame
    // (a microtask: deterministic however busy the machine), as a preloaded or cached library answers.
    queueMicrotask(() => el.registry.register({ type: 'acme/late', version: 1, category: 'create', title: 'Late', inputs: {}, outputs: {}, module: '/late.js' }));
    try {
      await el.whenReady();
      expect(drawn(el)).to.deep.equal({ a: 'create: Late' });
      expect(seen.filter((s) => String(s).startsWith('unknown')), 'no placeholder was ever drawn').to.deep.equal([]);
    } finally {
      watch.disconnect();
      el.remove();
    }
  });

  it('a library index the page preloaded draws the graph once, with its types, never as placeholders', async () => {
    // As the README advises hosts: the index requested before the script runs. Its answer reaches
    // the editor in a task, which on a busy page (a first visit) comes after the next frame: the
    // fetch below is made only after that frame, as it happens there.
    const url = `${library()}?preloaded=${Math.random()}`;
    const hint = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: url });
    const loaded = new Promise((resolve) => hint.addEventListener('load', resolve, { once: true }));
    document.head.append(hint);
    await loaded;
    const el = document.createElement('v2u-editor');
    el.setAttribute('no-palette', '');
    el.setAttribute('no-auto-run', '');
    el.library = url;
    const afterTheFrame: typeof fetch = (input, init) => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))).then(() => fetch(input, init));
    el.registry = registryOn(undefined, afterTheFrame);
    el.graph = flow as unknown as GraphDocument;
    document.body.append(el);
    const seen: unknown[] = [];
    const watch = new MutationObserver(() => seen.push(...Object.values(drawn(el))));
    watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    try {
      await el.whenReady();
      expect(drawn(el)).to.deep.equal({ v: 'create: Value', log: 'output: Log' });
      expect(seen.filter((s) => String(s).startsWith('unknown')), 'no placeholder was ever drawn').to.deep.equal([]);
    } finally {
      watch.disconnect();
      el.remove();
      hint.remove();
    }
  });

  it('the library request starts while IndexedDB is still being read, not after', async () => {
    const times: Record<string, number> = {};
    const fetchTimed: typeof fetch = (input, init) => ((times.request ??= performance.now()), fetch(input, init));
    const registry = registryOn(undefined, fetchTimed);
    const restore = registry.restore.bind(registry);
    registry.restore = (url) => restore(url).then((n) => ((times.restored ??= performance.now()), n));
    const el = await mount(registry, library());
    await el.graphReady(); // both the cache and the network are done
    expect(times.request, 'requested').to.be.a('number');
    expect(times.restored, 'restored').to.be.a('number');
    expect(times.request, 'the request went out before the restore finished').to.be.below(times.restored);
  });
});
