import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { GraphDocument } from '../../src/core/index.js';
import { outputDigests } from '../fixtures/output-digest.js';

const flowUrl = (name: string) => new URL(`../../../demo/flows/${name}.json`, import.meta.url).href;

/** An editor with the built-in node library (dist/nodes), running on the shared worker pool. */
async function openFlow(name: string): Promise<V2uEditor> {
  const graph = (await (await fetch(flowUrl(name))).json()) as GraphDocument;
  const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette style="width: 1000px; height: 500px"></v2u-editor>`);
  el.graph = graph;
  await waitUntil(() => graph.nodes.every((n) => el.registry.get(n.type)), 'the built-in library knows every node type', { timeout: 10000 });
  return el;
}

type Rows = Array<Record<string, unknown>>;
/** A node's output table in full (large ones stay in the worker and are fetched). */
const rows = async (el: V2uEditor, id: string, port = 'rows') => (await el.nodeOutput(id))?.[port] as Rows;

describe('the demo flows run end to end in the editor', () => {
  it('order analytics: revenue by region, biggest first, to chart, table and the host page', async () => {
    const el = await openFlow('order-analytics');
    const outputs: Array<{ name: string; value: unknown }> = [];
    el.addEventListener('v2u-output', (e) => outputs.push(e.detail));
    const summary = await el.run();
    expect(summary.status, JSON.stringify(summary)).to.equal('done');
    const byRegion = await rows(el, 'sorted');
    expect(byRegion.length).to.be.within(3, 10);
    expect(byRegion.map((r) => r.revenue as number)).to.deep.equal([...byRegion.map((r) => r.revenue as number)].sort((a, b) => b - a));
    const kept = await rows(el, 'big');
    expect(kept.every((r) => (r.total as number) > 100 && r.status !== 'cancelled')).to.equal(true);
    expect(byRegion.reduce((n, r) => n + (r.orders as number), 0)).to.equal(kept.length);
    expect((el.nodeState('chart')!.output!.chart as { labels: string[] }).labels).to.deep.equal(byRegion.map((r) => r.region));
    expect(outputs).to.deep.equal([{ nodeId: 'result', name: 'revenueByRegion', value: byRegion }]);

    // A person changes a rule: only the filter and what follows it run again.
    el.store.updateConfig('big', { expression: "status != 'cancelled' and total > 500" });
    const again = await el.run();
    expect([...again.executed].sort()).to.deep.equal(['big', 'byRegion', 'chart', 'result', 'sorted', 'table']);
    expect(again.cached.length + again.executed.length).to.be.at.most(7);
    expect((await rows(el, 'big')).every((r) => (r.total as number) > 500)).to.equal(true);
  });

  it('pricing rules: tiers from a decision table, routed by a switch to exports and a table', async () => {
    const el = await openFlow('pricing-rules');
    expect((await el.run()).status).to.equal('done');
    const tiered = await rows(el, 'rules');
    expect(tiered).to.have.length(500);
    for (const p of tiered) expect(p.tier).to.equal((p.price as number) >= 1000 ? 'premium' : (p.price as number) >= 200 ? 'standard' : 'budget');
    const premium = el.nodeState('premium')!.output!.file as { text: string; fileName?: string };
    expect(premium.text.split('\n')[0]).to.contain('tier');
    expect(premium.text.trim().split('\n').length - 1).to.equal(tiered.filter((p) => p.tier === 'premium').length);
    expect((await rows(el, 'budget')).every((p) => p.tier === 'budget')).to.equal(true);
  });

  it('customer cleanup: invalid rows out, duplicates removed, names joined in', async () => {
    const el = await openFlow('customer-cleanup');
    expect((await el.run()).status).to.equal('done');
    const clean = await rows(el, 'clean');
    expect(clean.map((r) => r.customerId)).to.deep.equal(['C-0000001', 'C-0000004', 'C-0000006']);
    expect(clean.every((r) => typeof r.name === 'string' && (r.name as string).length > 0)).to.equal(true);
    expect((await rows(el, 'rejects')).map((r) => r.customerId)).to.deep.equal(['C-0000002', 'C-0000003', 'C-0000005']);
  });
});

describe('the demo flows give the same outputs in the browser as in Node', () => {
  // test/fixtures/demo-outputs.json: each node's output digest from an in-process run in Node
  // (checked by test/node/demo-outputs.test.mjs; threads and the queue match in-process in full).
  const expected = fetch(new URL('../../../test/fixtures/demo-outputs.json', import.meta.url)).then((r) => r.json() as Promise<Record<string, Record<string, string>>>);
  for (const name of ['order-analytics', 'pricing-rules', 'customer-cleanup']) {
    it(`${name}: every node's complete output, from the worker pool`, async () => {
      const el = await openFlow(name);
      expect((await el.run()).status).to.equal('done');
      const outputs = await Promise.all(el.graph.nodes.map(async (n) => [n.id, await el.nodeOutput(n.id)] as [string, unknown]));
      expect(await outputDigests(outputs)).to.deep.equal((await expected)[name]);
    });
  }
});

describe('a large table in the editor', () => {
  it('stays in the worker: nodes show its first rows, nodeOutput() and v2u-output give all of it', async () => {
    const node = (id: string, type: string, x: number, config = {}) => ({ id, type, position: { x, y: 40 }, config });
    const graph = {
      version: 2,
      nodes: [node('orders', 'create/sample-data', 20, { dataset: 'orders', rows: 30000 }), node('table', 'output/table', 320), node('result', 'output/emit', 620, { name: 'orders' })],
      edges: [
        { id: 'e1', from: { node: 'orders', port: 'rows' }, to: { node: 'table', port: 'rows' } },
        { id: 'e2', from: { node: 'table', port: 'rows' }, to: { node: 'result', port: 'value' } },
      ],
      groups: [],
      viewport: { x: 0, y: 0, zoom: 1 },
      metadata: {},
    } as unknown as GraphDocument;
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette style="width: 1000px; height: 500px"></v2u-editor>`);
    el.graph = graph;
    await waitUntil(() => graph.nodes.every((n) => el.registry.get(n.type)), 'the library knows the types', { timeout: 10000 });
    const emitted = new Promise<{ value: unknown }>((resolve) => el.addEventListener('v2u-output', (e) => resolve(e.detail), { once: true }));
    expect((await el.run()).status).to.equal('done');
    const ref = el.nodeState('table')!.output!.rows as { $v2uRef: string; length: number; head: unknown[] };
    expect(ref.$v2uRef, 'a handle, not 30,000 rows').to.be.a('string');
    expect(ref.length).to.equal(30000);
    expect(el.nodeState('table')!.preview).to.include({ kind: 'table', totalRows: 30000 });
    const full = await el.nodeOutput('table');
    expect((full!.rows as unknown[]).length).to.equal(30000);
    expect((full!.rows as unknown[]).slice(0, 100)).to.deep.equal(ref.head);
    expect(((await emitted).value as unknown[]).length, 'the host page gets every row').to.equal(30000);
    // The table view pages through the rows in the worker as it scrolls.
    const view = () => el.shadowRoot!.querySelector('[data-node="table"] [part~="node-element"]')!.shadowRoot!;
    await waitUntil(() => view()?.querySelector('[part="count"]')?.textContent?.includes('30,000 rows'), 'the table view shows the count', { timeout: 10000 });
    const viewport = view().querySelector<HTMLElement>('[part="viewport"]')!;
    viewport.scrollTop = 25000 * 24;
    viewport.dispatchEvent(new Event('scroll'));
    const orderIds = () => [...view().querySelectorAll('[part="row"]')].map((row) => row.querySelector('[role="cell"]')?.textContent);
    await waitUntil(() => orderIds().includes('O-0025001'), `row 25,000 read from the worker (shown: ${orderIds().slice(0, 3)})`, { timeout: 10000 });
    expect(view().querySelector('[part="sort-button"]')!.hasAttribute('disabled'), 'sorting is a Sort node\'s job here').to.equal(true);
  });
});
