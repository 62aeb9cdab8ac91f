import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

// 127.0.0.1 is another origin than this page's (localhost): a third-party API for the flow.
const other = `${location.protocol}//127.0.0.1:${location.port}`;
const flow = (url: string) => ({
  version: 2,
  nodes: [{ id: 'http', type: 'create/http-request', position: { x: 0, y: 0 }, config: { url, responseType: 'json' } }],
  edges: [],
});

async function editorWith(url: string, allowedOrigins?: string) {
  const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette allowed-origins=${allowedOrigins ?? ''} style="width: 600px; height: 300px"></v2u-editor>`);
  el.graph = flow(url) as never;
  await waitUntil(() => el.registry.get('create/http-request'), 'the built-in library', { timeout: 10000 });
  return el;
}

/**
 * Runs the flow; a run cancelled because the library's bundles arrived meanwhile (their
 * types become dirty) is run again, as a person would press Run again.
 */
async function run(el: V2uEditor) {
  let summary = await el.run();
  for (let i = 0; i < 3 && summary.status === 'cancelled'; i++) summary = await el.run();
  return summary;
}

describe('the HTTP request node reaches only the origins the page allows', () => {
  it('same origin by default; another origin is refused, with the URL named', async () => {
    const local = await editorWith('/__fixtures__/http/orders.json');
    expect((await run(local)).status).to.equal('done');
    expect(local.nodeState('http')!.output!.data).to.deep.equal([{ id: 1, total: 9.5 }, { id: 2, total: 20 }]);

    const remote = await editorWith(`${other}/__fixtures__/http/orders.json`);
    await run(remote);
    expect(remote.nodeState('http')!.status).to.equal('error');
    expect(remote.nodeState('http')!.error!.message).to.contain('127.0.0.1');
  });

  it('allowed-origins on the element lets the flow call that origin, and a graph cannot widen it', async () => {
    const allowed = await editorWith(`${other}/__fixtures__/http/orders.json`, other);
    expect((await run(allowed)).status).to.equal('done');
    const sneaky = await editorWith(`${other}/__fixtures__/http/orders.json`);
    sneaky.store.updateConfig('http', { allowedOrigins: ['*'], host: { allowedOrigins: '*' } });
    await run(sneaky);
    expect(sneaky.nodeState('http')!.status, 'config cannot grant origins').to.equal('error');
  });
});
