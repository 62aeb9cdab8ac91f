// Builder-made types in the registry: defined, listed, deleted, stored in the real IndexedDB and
// found again by a fresh registry and by a second editor, before v2u-ready.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../../src/elements/editor/editor.component.js';
import type { BuiltNodeType } from '../../../src/core/built-type.js';
import { NodeRegistry } from '../../../src/registry/node-registry.js';
import { defineBuilt, deleteBuilt, listBuilt } from '../../../src/runtime/built/built-types.js';
import { runBuiltType } from '../../../src/runtime/built/run-built.js';
import { Persistence } from '../../../src/runtime/persistence.js';
import { RegistryPersistence } from '../../../src/runtime/persistence-registry.js';
import { lineTotal } from '../../fixtures/built-types.js';
import { flow } from '../../fixtures/flows.js';
import { INDEX_URL } from '../../fixtures/registry.js';

let count = 0;
const unique = () => `${Date.now().toString(36)}-${++count}`;
/** The line-total type under a fresh id, so tests sharing the browser's IndexedDB keep apart. */
const freshType = (): BuiltNodeType => ({ ...lineTotal(), type: `shop/line-total-${unique()}` });
const registryOn = (dbName: string, emitter?: EventTarget) => new NodeRegistry({ cache: new RegistryPersistence(new Persistence({ dbName })), emitter });

describe('builder-made types in the registry', () => {
  it('defines, lists and deletes; a fresh registry on the same IndexedDB restores them and runs them', async () => {
    const dbName = `v2u-built-${unique()}`;
    const first = registryOn(dbName);
    let changes = 0;
    first.addEventListener('change', () => changes++);
    const type = freshType();
    await defineBuilt(first, type);
    expect(changes, 'the palette hears of it at once').to.equal(1);
    expect(listBuilt(first).map((t) => t.type)).to.deep.equal([type.type]);
    expect(first.recipe(type.type)!.manifest, 'the run recipe carries the logic').to.have.property('logic');

    const second = registryOn(dbName);
    expect(await second.restore(), 'restored from IndexedDB').to.equal(1);
    const [restored] = listBuilt(second);
    expect(restored).to.deep.equal(type);
    expect(await runBuiltType(restored, { price: 2, quantity: 5 }), 'the restored type runs').to.deep.equal({ total: 15, label: 'x5' });

    expect(await deleteBuilt(first, type.type)).to.equal(true);
    expect(first.get(type.type), 'gone from the registry').to.equal(undefined);
    expect(await deleteBuilt(first, 'create/not-built'), 'only built types are deleted').to.equal(false);
    expect(await registryOn(dbName).restore(), 'and from IndexedDB').to.equal(0);
  });

  it('drops a corrupt stored type with a v2u-warning and restores the others', async () => {
    const dbName = `v2u-built-${unique()}`;
    const good = freshType();
    await defineBuilt(registryOn(dbName), good);
    const store = new Persistence({ dbName });
    await store.set('registry:built:shop/broken', 1, { ...lineTotal(), type: 'shop/broken', logic: { kind: 'expression', outputs: { total: 'price * (' } } });
    await store.set('registry:built:shop/junk', 1, '<script>alert(1)</script>');
    const emitter = new EventTarget();
    const warnings: string[] = [];
    emitter.addEventListener('v2u-warning', (e) => warnings.push((e as CustomEvent<{ message: string }>).detail.message));
    const registry = registryOn(dbName, emitter);
    expect(await registry.restore(), 'start-up goes on with the good one').to.equal(1);
    expect(listBuilt(registry).map((t) => t.type)).to.deep.equal([good.type]);
    expect(warnings).to.have.length(2);
    expect(warnings.join('\n')).to.contain('"shop/broken"').and.to.contain('$.logic.outputs.total').and.to.contain('"shop/junk"');
    expect((await store.keys('registry:built:')).sort(), 'the bad entries are deleted').to.deep.equal([`registry:built:${good.type}`]);
  });

  it('an editor without a library (no-library) restores the builder-made types, and no library\'s cached bundles', async function () {
    this.timeout(60_000);
    const dbName = `v2u-built-${unique()}`;
    const first = registryOn(dbName);
    await first.registerIndex(INDEX_URL);
    const type = freshType();
    await defineBuilt(first, type);
    expect(first.get('create/fixture-number'), 'the library is cached too').to.exist;
    const graph = flow([['p', 'create/fixture-number', { value: 4 }], ['t', type.type, { rate: 0 }]], ['p.value>t.price']);
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-auto-run no-palette .registry=${registryOn(dbName)} .graph=${graph} style="height: 300px"></v2u-editor>`);
    const { unknownTypes } = await el.whenReady();
    expect(unknownTypes, 'the built type is known; the library type stays unknown').to.deep.equal(['create/fixture-number']);
    expect(el.shadowRoot!.querySelector<HTMLElement>('[data-node="t"]')!.dataset.category).to.equal('transform');
    await deleteBuilt(el.registry, type.type);
  });

  it('shows a defined type in the palette at once; a second editor finds it before v2u-ready and runs it in the pool', async function () {
    // Unbundled, the editing code (the palette's icons: hundreds of modules) takes long to load on a busy machine.
    this.timeout(120_000);
    const type = freshType();
    const dbName = `v2u-built-${unique()}`;
    const style = 'position: fixed; left: 0; top: 0; width: 1000px; height: 600px';
    const first = await fixture<V2uEditor>(html`<v2u-editor no-auto-run library=${INDEX_URL} .registry=${registryOn(dbName)} .graph=${flow([])} style=${style}></v2u-editor>`);
    await first.whenEditable();
    await defineBuilt(first.registry, type);
    const palette = () => first.shadowRoot!.querySelector('v2u-palette')?.shadowRoot?.querySelector<HTMLElement>(`[data-v2u-type="${type.type}"]`);
    await waitUntil(() => palette(), 'the palette lists the new type');
    expect(palette()!.textContent).to.contain('Line total');
    first.remove();

    const graph = flow([['p', 'create/fixture-number', { value: 4 }], ['q', 'create/fixture-number', { value: 3 }], ['t', type.type, { rate: 0 }]], ['p.value>t.price', 'q.value>t.quantity']);
    const second = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette library=${INDEX_URL} .registry=${registryOn(dbName)} .graph=${graph} style=${style}></v2u-editor>`);
    const { unknownTypes } = await second.whenReady();
    expect(unknownTypes, 'the built type is known at v2u-ready').to.deep.equal([]);
    expect(second.shadowRoot!.querySelector<HTMLElement>('[data-node="t"]')!.dataset.category).to.equal('transform');
    const summary = await second.run();
    expect(summary.status).to.equal('done');
    expect(second.metrics.pool!.workers.reduce((n, w) => n + w.tasks, 0), 'in the worker pool').to.be.greaterThan(0);
    expect(await second.nodeOutput('t')).to.deep.equal({ total: 12, label: 'x3' });
    await deleteBuilt(second.registry, type.type);
  });
});
