// Autosave when something stands in its way: a banner waiting for the person, a full disk.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { Persistence } from '../../src/runtime/persistence.js';

const key = () => `trouble-${Math.random().toString(36).slice(2)}`;
const initial = JSON.stringify({ version: 2, nodes: [{ id: 'a', type: 'output/log', position: { x: 40, y: 40 } }], edges: [] });
type Stored = { graph: { nodes: { id: string }[] } } | undefined;
const ids = (stored: Stored) => stored?.graph.nodes.map((n) => n.id) ?? [];
/** An IndexedDB write can take seconds on a busy machine; waitUntil's default gives it one. */
const IDB_WAIT = { timeout: 10000 };
const open = (storageKey: string) =>
  fixture<V2uEditor>(html`<v2u-editor no-library no-palette no-auto-run storage-key=${storageKey} value=${initial} style="height: 300px"></v2u-editor>`);
const banner = (el: V2uEditor) => el.shadowRoot!.querySelector('[part="banner"]');
const press = (el: V2uEditor, label: string) => [...banner(el)!.querySelectorAll('button')].find((b) => b.textContent === label)!.click();

describe('autosave in trouble', () => {
  it('keeps new work while the restore banner waits, and offers it on the next visit', async () => {
    const storageKey = key();
    const store = new Persistence();
    await store.set(`draft:${storageKey}`, 1, { graph: { ...JSON.parse(initial), nodes: [] }, savedAt: Date.now() - 1000, tab: 'old' });
    const el = await open(storageKey);
    await waitUntil(() => banner(el), 'the restore banner');
    el.store.addNode({ id: 'new', type: 'output/log', position: { x: 300, y: 40 } });
    await el.saveDraft();
    expect(ids(await store.get(`draft:${storageKey}`, 1)), 'the offered draft is untouched').to.deep.equal([]);
    el.remove();
    const again = await open(storageKey);
    const found = new Promise<CustomEvent>((resolve) => again.addEventListener('v2u-draft-found', resolve as EventListener, { once: true }));
    await waitUntil(() => banner(again), 'offered again');
    expect((await found).detail.graph.nodes.map((n: { id: string }) => n.id), 'the work done under the banner').to.include('new');
    press(again, 'Restore');
    await waitUntil(async () => ids(await store.get(`draft:${storageKey}`, 1)).includes('new'), 'restored work is the draft', IDB_WAIT);
    await waitUntil(async () => (await store.get(`draft:${storageKey}:aside`, 1)) === undefined, 'the aside copy is gone', IDB_WAIT);
  });

  it('says on screen when storage is full, retries, and loses nothing once space frees up', async () => {
    const storageKey = key();
    const el = await open(storageKey);
    await el.saveDraft();
    const put = IDBObjectStore.prototype.put;
    const warnings: string[] = [];
    el.addEventListener('v2u-warning', (e) => warnings.push(e.detail.code));
    // The disk is full: IndexedDB refuses every write (the browser's own error).
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      el.store.addNode({ id: 'b', type: 'output/log', position: { x: 300, y: 40 } });
      await el.saveDraft();
      await el.updateComplete;
      expect(banner(el)?.textContent, 'the person is told').to.contain('not being saved');
      expect(warnings).to.deep.equal(['storage-full']);
      el.store.addNode({ id: 'c', type: 'output/log', position: { x: 300, y: 200 } });
      await el.saveDraft();
      expect(el.persistence.mode, 'still on IndexedDB, not memory for good').to.equal('indexeddb');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    press(el, 'Retry now');
    const store = new Persistence();
    await waitUntil(async () => ids(await store.get(`draft:${storageKey}`, 1)).includes('c'), 'saved once space is back', IDB_WAIT);
    await el.updateComplete;
    expect(banner(el), 'the notice is gone').to.equal(null);
  });
});
