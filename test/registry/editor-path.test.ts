// The registry and the element prefetch in the path the editor itself takes: real editor,
// real fixture library and node modules, real workers, real mouse.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { NodeRegistry } from '../../src/registry/node-registry.js';
import { elementNameFor } from '../../src/core/index.js';
import { resolveFixture } from '../fixtures/engine/index.js';
import { flow } from '../fixtures/flows.js';
import { fixtureRegistry, variantType } from '../fixtures/registry.js';

// a=2, b=3 → sum (nodes laid out 200 px apart).
const graph = flow([['a', 'create/number', { value: 2 }], ['b', 'create/number', { value: 3 }], ['sum', 'transform/add']], ['a.value>sum.a', 'b.value>sum.b']);

/** Registers the engine's fixture nodes by module URL; `number` may carry extra performance options. */
function registerFixtures(registry: NodeRegistry, numberPerformance: Record<string, unknown> = {}) {
  for (const type of ['create/number', 'transform/add']) {
    const { manifest, moduleUrl } = resolveFixture(type)!;
    const performance = type === 'create/number' ? { ...manifest.performance, ...numberPerformance } : manifest.performance;
    registry.register({ ...manifest, performance, module: moduleUrl });
  }
}

async function mount(registry: NodeRegistry | undefined, graph: unknown, palette = false): Promise<V2uEditor> {
  await resetMouse();
  const style = 'position: fixed; left: 0; top: 0; width: 1000px; height: 600px';
  const el = await fixture<V2uEditor>(
    registry
      ? html`<v2u-editor no-library no-auto-run ?no-palette=${!palette} .registry=${registry} .graph=${graph} style=${style}></v2u-editor>`
      : html`<v2u-editor no-library no-auto-run ?no-palette=${!palette} .graph=${graph} style=${style}></v2u-editor>`,
  );
  await el.whenEditable();
  await el.updateComplete;
  return el;
}

function paletteItem(el: V2uEditor, type: string): HTMLElement | null | undefined {
  return el.shadowRoot!.querySelector('v2u-palette')?.shadowRoot?.querySelector<HTMLElement>(`[data-v2u-type="${type}"]`);
}

function centerOf(element: Element): [number, number] {
  const r = element.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

const poolTasks = (el: V2uEditor) => el.metrics.pool?.workers.reduce((n, w) => n + w.tasks, 0) ?? 0;

describe('registry in the editor path', () => {
  afterEach(() => resetMouse());

  it('a second run and a reopened inspector are answered by the L1 cache, with no logic imported on the page', async () => {
    const el = await mount(undefined, graph);
    registerFixtures(el.registry);
    await el.run();
    const first = el.metrics.registry;
    await el.run();
    const second = el.metrics.registry;
    expect(second.hits, 'the second run looked its types up').to.be.greaterThan(first.hits);
    expect(second.misses, 'and every lookup hit').to.equal(first.misses);
    el.select(['sum']);
    await el.updateComplete;
    const opened = el.metrics.registry;
    el.select([]);
    await el.updateComplete;
    el.select(['sum']);
    await el.updateComplete;
    const reopened = el.metrics.registry;
    expect(el.shadowRoot!.querySelector('v2u-inspector'), 'the inspector is open').to.exist;
    expect(reopened.hits, 'the reopened inspector looked up its manifest').to.be.greaterThan(opened.hits);
    expect(reopened.misses, 'from the L1 cache').to.equal(second.misses);
    expect(reopened.loads.count, 'runs import node logic in workers, never on the page').to.equal(0);
  });

  it('drops expired records in idle time, without a read', async () => {
    const registry = await fixtureRegistry({ ttl: 100 });
    registry.get('transform/fixture-double');
    registry.get('create/fixture-number');
    expect(registry.metrics.cached).to.equal(2);
    await waitUntil(() => registry.metrics.cached === 0, 'the idle sweep empties the cache', { timeout: 3000 });
    expect(registry.metrics.evictions).to.equal(2);
    expect(registry.metrics.hits + registry.metrics.misses, 'nothing read them meanwhile').to.equal(2);
  });

  it('counts each element once, when first needed: a hovered palette item is a hit, one needed before any prefetch a miss', async () => {
    const registry = await fixtureRegistry();
    const hovered = variantType(registry);
    const cold = variantType(registry);
    const el = await mount(registry, { version: 2, nodes: [], edges: [] }, true);
    await waitUntil(() => paletteItem(el, cold), 'the palette lists the types');
    await sendMouse({ type: 'move', position: centerOf(paletteItem(el, hovered)!) });
    await waitUntil(() => customElements.get(elementNameFor(hovered)), 'resting on the item defines its element');
    await sendMouse({ type: 'click', position: centerOf(paletteItem(el, hovered)!) });
    expect(el.metrics.lazy).to.include({ prefetchHits: 1, prefetchMisses: 0 });
    await sendMouse({ type: 'click', position: centerOf(paletteItem(el, cold)!) });
    expect(el.metrics.lazy, 'picked at once: no time to prefetch').to.include({ prefetchHits: 1, prefetchMisses: 1 });
    await sendMouse({ type: 'click', position: centerOf(paletteItem(el, hovered)!) });
    await el.updateComplete;
    expect(el.metrics.lazy, 'a type counts at its first need only').to.include({ prefetchHits: 1, prefetchMisses: 1 });
    const late = `transform/late-${Date.now().toString(36)}`;
    el.store.addNode({ id: 'late', type: late, position: { x: 500, y: 300 }, config: {} });
    registry.register({ ...registry.entry('transform/fixture-double')!, type: late, title: 'Late', element: `${registry.entry(hovered)!.element}&late` });
    await waitUntil(() => el.metrics.lazy!.prefetchMisses === 2, 'a body shown before its element was fetched is a miss');
    expect(el.metrics.lazy!.prefetchHits).to.equal(1);
  });

  it('shows the graph with its node elements defined, so their first need is a hit', async () => {
    const registry = await fixtureRegistry();
    const type = variantType(registry);
    const el = await mount(registry, { version: 2, nodes: [{ id: 'v', type, position: { x: 40, y: 40 }, config: {} }], edges: [] });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector(`[data-node="v"] ${elementNameFor(type)}`), 'the body is the element, not a placeholder').to.exist;
    expect(el.metrics.lazy).to.include({ prefetchHits: 1, prefetchMisses: 0 });
  });

  it('defines the element of a lazyLoad: false type with the palette, without any intent', async () => {
    const registry = await fixtureRegistry();
    const base = registry.entry('transform/fixture-double')!;
    const type = `transform/eager-${Date.now().toString(36)}`;
    registry.register({ ...base, type, title: 'Eager', element: `${base.element}?eager=${type}`, performance: { lazyLoad: false } });
    await mount(registry, { version: 2, nodes: [], edges: [] }, true);
    await waitUntil(() => customElements.get(elementNameFor(type)), 'defined with the palette', { timeout: 3000 });
  });

  it('runs a backgroundProcessing: false node on the page: no worker task for it', async () => {
    const el = await mount(undefined, graph);
    registerFixtures(el.registry, { backgroundProcessing: false });
    await el.run();
    const tasks = poolTasks(el);
    el.store.updateConfig('a', { value: 5 });
    el.store.updateConfig('b', { value: 7 });
    const summary = await el.run();
    expect(summary.status).to.equal('done');
    expect(el.nodeState('sum')!.output).to.deep.equal({ sum: 12 });
    expect(poolTasks(el) - tasks, 'only the add node went to a worker').to.equal(1);
  });
});
