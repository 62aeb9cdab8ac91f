import { expect, waitUntil } from '@open-wc/testing';
import { ENGINE_TYPES, node, runnable, wire } from './helpers.js';
import { resolveFixture } from '../fixtures/engine/index.js';
import type { V2uWarningDetail } from '../../src/registry/metrics.js';

describe('failures never lose work', () => {
  it('a node module that fails to load errors on its node, and the next run recovers', async () => {
    const el = await runnable({ version: 2, nodes: [node('a', 'create/number', { value: 4 }), node('x', 'transform/flaky-add', {}, 300)], edges: [wire('a', 'value', 'x', 'a')] });
    const { manifest, moduleUrl } = resolveFixture('transform/add')!;
    // The module answers 503 twice (with retries inside one load, the first run may already pass).
    const path = new URL(moduleUrl).pathname;
    el.registry.register({ ...manifest, type: 'transform/flaky-add', module: `${location.origin}/__v2u/flaky/add-${Math.random()}/4${path}` });
    const first = await el.run();
    expect(first.status).to.equal('error');
    expect(el.nodeState('x')!.error!.message).to.match(/flaky|load|fetch|import/i);
    expect(el.graph.nodes.map((n) => n.id), 'nothing lost').to.deep.equal(['a', 'x']);
    let summary = first;
    for (let i = 0; i < 4 && summary.status !== 'done'; i++) {
      el.store.updateConfig('x', { plus: i });
      summary = await el.run();
    }
    expect(summary.status, 'a later run loads the module').to.equal('done');
  });

  it('a worker that crashes is replaced; the task fails with a clear error and the next run works', async () => {
    const el = await runnable({ version: 2, nodes: [node('c', 'utility/crash'), node('n', 'create/number', { value: 1 }, 300)], edges: [] });
    const summary = await el.run();
    expect(el.nodeState('c')!.status).to.equal('error');
    expect(el.nodeState('c')!.error!.message).to.contain('the worker crashed while running node "c"').and.contain('segfault in a node');
    expect(el.nodeState('n')!.output, 'other nodes finish').to.deep.equal({ value: 1 });
    expect(summary.failed).to.deep.equal(['c']);
    el.store.removeNodes(['c']);
    el.store.updateConfig('n', { value: 2 });
    expect((await el.run()).status).to.equal('done');
    expect(el.metrics.pool!.workers.reduce((n, w) => n + w.restarts, 0), 'the crashed worker was replaced').to.be.greaterThan(0);
  });

  it('a node that runs out of memory fails with the reason; the page and the graph stay fine', async () => {
    const el = await runnable({ version: 2, nodes: [node('h', 'utility/hog'), node('n', 'create/number', { value: 3 }, 300)], edges: [] });
    await el.run();
    expect(el.nodeState('h')!.status).to.equal('error');
    expect(el.nodeState('h')!.error!.message).to.match(/allocation failed|memory|Array buffer/i);
    expect(el.nodeState('n')!.output).to.deep.equal({ value: 3 });
  });

  it('the tab hidden during a run: the run completes and the draft is saved at once', async () => {
    const key = `hidden-${Math.random()}`;
    const el = await runnable({ version: 2, nodes: [node('s', 'utility/spin', { ms: 300, steps: 3 }), node('n', 'create/number', { value: 1 }, 300)], edges: [wire('n', 'value', 's', 'value')] }, { storageKey: key });
    await el.saveDraft();
    const running = el.run();
    el.store.moveNodes([{ id: 'n', position: { x: 5, y: 5 } }]);
    // Headless Chromium cannot hide its tab; the page hears exactly what a hidden tab sends.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete (document as { visibilityState?: string }).visibilityState;
    expect((await running).status).to.equal('done');
    await waitUntil(async () => (await el.persistence.get<{ graph: { nodes: Array<{ position: { x: number } }> } }>(`draft:${key}`, 1))?.graph.nodes[1].position.x === 5, 'the draft has the move', { timeout: 10000 });
  });

  it('the clipboard refused: copy and paste work inside the editor and say so', async () => {
    const el = await runnable({ version: 2, nodes: [node('n', 'create/number', { value: 1 })], edges: [] });
    const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    const original = { writeText: navigator.clipboard.writeText, readText: navigator.clipboard.readText };
    Object.assign(navigator.clipboard, { writeText: refuse, readText: refuse });
    try {
      el.select(['n']);
      await el.actions!.copy(false);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('clipboard refused');
      await el.actions!.paste();
      expect(el.store.state.nodeCount).to.equal(2);
    } finally {
      Object.assign(navigator.clipboard, original);
    }
  });

  it('IndexedDB unavailable: autosave falls back to memory with one warning, and no edit is lost', async () => {
    const open = indexedDB.open;
    const transaction = IDBDatabase.prototype.transaction;
    const denied = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    indexedDB.open = denied;
    // Editors share one connection per page, which earlier tests may have opened already.
    IDBDatabase.prototype.transaction = denied;
    try {
      const warnings: V2uWarningDetail[] = [];
      const key = `noidb-${Math.random()}`;
      // Listening from the first render: the draft lookup on connect already meets the refusal.
      const el = await runnable({ version: 2, nodes: [node('n', 'create/number', { value: 1 })], edges: [] }, { storageKey: key, onWarning: (e) => warnings.push(e.detail) });
      el.store.updateConfig('n', { value: 99 });
      await el.saveDraft();
      expect(el.persistence.mode).to.equal('memory');
      expect((await el.persistence.get<{ graph: { nodes: Array<{ config: { value: number } }> } }>(`draft:${key}`, 1))!.graph.nodes[0].config.value).to.equal(99);
      expect(el.graph.nodes[0].config.value).to.equal(99);
      // persistence.ts: "switches to memory, emits one `v2u-warning`, and keeps working". Slow-operation warnings may come too.
      const fallbacks = warnings.filter((w) => w.code === 'storage-fallback');
      expect(fallbacks.length, `exactly one storage-fallback warning: ${warnings.map((w) => `${w.code}: ${w.message}`).join(' | ')}`).to.equal(1);
      expect(fallbacks[0].message).to.contain('keeping data in memory');
    } finally {
      indexedDB.open = open;
      IDBDatabase.prototype.transaction = transaction;
    }
  });
});

export { ENGINE_TYPES };
