import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

// This page is served from localhost; the package comes from 127.0.0.1, another origin,
// the way a page loads it from a CDN. Nothing here imports the editor from this origin.
const cdn = `${location.protocol}//127.0.0.1:${location.port}`;
const flowUrl = new URL('../../../demo/flows/customer-cleanup.json', import.meta.url).href;

describe('<v2u-editor> from a script tag on another origin', () => {
  before(async () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `${cdn}/dist/v2u-editor.js`;
    document.head.append(script);
    await customElements.whenDefined('v2u-editor');
  });

  it('loads chunks, node bundles and workers from the script origin and runs a flow (blob-URL workers)', async () => {
    const warnings: string[] = [];
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run style="width: 900px; height: 400px" @v2u-warning=${(e: CustomEvent<{ message: string }>) => warnings.push(e.detail.message)}></v2u-editor>`);
    el.graph = await (await fetch(flowUrl)).json();
    await waitUntil(() => el.graph.nodes.every((n) => el.registry.get(n.type)), 'the library from the script origin', { timeout: 10000 });
    expect(el.registry.entry('transform/join')!.module.startsWith(cdn), 'node modules resolve against the script, not the page').to.equal(true);
    const summary = await el.run();
    expect(summary.status).to.equal('done');
    expect((el.nodeState('clean')!.output!.rows as Array<{ customerId: string }>).map((r) => r.customerId)).to.deep.equal(['C-0000001', 'C-0000004', 'C-0000006']);
    expect(el.metrics.pool!.mode, 'cross-origin workers start from a blob URL').to.equal('blob');
    expect(warnings.some((w) => w.includes('blob')), `one warning says why: ${warnings.join(' | ')}`).to.equal(true);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.some((u) => u.startsWith(`${cdn}/dist/chunks/editing-kit`)), 'lazy chunks from the script origin').to.equal(true);
    expect(loaded.some((u) => u.startsWith(`${cdn}/dist/nodes/bundles/`)), 'manifest bundles from the script origin').to.equal(true);
  });

  it('worker-url points the pool at a copy on the page\u2019s own origin', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run worker-url="/dist/worker.js" style="width: 900px; height: 400px"></v2u-editor>`);
    el.graph = await (await fetch(flowUrl)).json();
    await waitUntil(() => el.graph.nodes.every((n) => el.registry.get(n.type)), 'the library', { timeout: 10000 });
    expect((await el.run()).status).to.equal('done');
    expect(el.metrics.pool!.mode).to.equal('worker');
  });
});
