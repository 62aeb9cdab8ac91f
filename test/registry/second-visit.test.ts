import { expect, fixture, html } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import '../../src/elements/palette/palette.js';
import type { V2uPalette } from '../../src/elements/palette/palette.component.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';
import { INDEX_URL } from '../fixtures/registry.js';

let dbCount = 0;
const freshName = () => `v2u-visit-${Date.now()}-${++dbCount}`;

/** fetch that counts requests and responses: a wrapper of the real network, not a stand-in. */
function countingFetch() {
  const counts = { requests: 0, responses: 0 };
  const counted: typeof fetch = async (...args) => {
    counts.requests++;
    const response = await fetch(...args);
    counts.responses++;
    return response;
  };
  return { counts, fetch: counted };
}

const itemsIn = (palette: V2uPalette) => [...palette.shadowRoot!.querySelectorAll('[part~="item"]')].map((b) => b.textContent!.trim());

describe('registry cache in IndexedDB', () => {
  it('paints the palette from IndexedDB on a second visit before any bundle request returns', async () => {
    const dbName = freshName();
    const first = new RegistryPersistence({ dbName });
    await new NodeRegistry({ cache: first }).registerIndex(INDEX_URL);

    const network = countingFetch();
    const registry = new NodeRegistry({ cache: new RegistryPersistence({ dbName }), fetch: network.fetch, slowThreshold: 10_000 });
    const palette = await fixture<V2uPalette>(html`<v2u-palette .source=${registry}></v2u-palette>`);
    const slowIndex = `${INDEX_URL}?v2u-slow=1500`;
    const refreshed = registry.registerIndex(slowIndex);
    expect(await registry.restore(), 'types restored').to.equal(3);
    await palette.updateComplete;

    expect(itemsIn(palette)).to.deep.equal(['Fixture number', 'Fixture double', 'Fixture note']);
    expect(network.counts.requests, 'the index request is out').to.equal(1);
    expect(network.counts.responses, 'no bundle request has returned yet').to.equal(0);
    await refreshed;
    expect(network.counts.requests, 'unchanged bundles are not fetched again').to.equal(1);
    expect(itemsIn(palette), 'same palette after the network answers').to.have.length(3);
    expect(registry.metrics).to.include({ restoredTypes: 3, bundlesFromCache: 3, bundlesFetched: 0 });
  });

  it('refetches a bundle whose hash changed and forgets bundles the index dropped', async () => {
    const dbName = freshName();
    const cache = new RegistryPersistence({ dbName });
    await new NodeRegistry({ cache }).registerIndex(INDEX_URL);
    const highUrl = new URL('create-high-0.json', INDEX_URL).href;
    const [high] = (await cache.readBundles()).filter((b) => b.url === highUrl);
    await cache.writeBundle(highUrl, { ...high!.bundle, hash: 'old', nodes: high!.bundle.nodes.map((n) => ({ ...n, title: 'Old title' })) });
    await cache.writeBundle(new URL('gone-0.json', INDEX_URL).href, { ...high!.bundle, nodes: [] });

    const network = countingFetch();
    const registry = new NodeRegistry({ cache: new RegistryPersistence({ dbName }), fetch: network.fetch });
    await registry.restore();
    expect(registry.get('create/fixture-number')!.title, 'stale copy shown first').to.equal('Old title');
    await registry.registerIndex(INDEX_URL);
    expect(registry.get('create/fixture-number')!.title, 'fresh copy replaces it').to.equal('Fixture number');
    expect(network.counts.requests, 'the index and the changed bundle').to.equal(2);
    const urls = (await new RegistryPersistence({ dbName }).readBundles()).map((b) => b.url);
    expect(urls).to.not.include(new URL('gone-0.json', INDEX_URL).href);
    expect(urls).to.have.length(3);
  });

  it('fetches critical bundles (priority high, types of the open graph) before the rest', async () => {
    const network = countingFetch();
    const order: string[] = [];
    const registry = new NodeRegistry({ fetch: (input, init) => (order.push(String(input).split('/').pop()!), network.fetch(input, init)) });
    await registry.registerIndex(INDEX_URL, ['utility/fixture-note']);
    expect(order[0]).to.equal('index.json');
    expect(order.slice(1, 3).sort()).to.deep.equal(['create-high-0.json', 'utility-low-0.json']);
    expect(order[3]).to.equal('transform-normal-0.json');
  });

  it('a restored entry loads its logic module from the cached absolute URL', async () => {
    const dbName = freshName();
    await new NodeRegistry({ cache: new RegistryPersistence({ dbName }) }).registerIndex(INDEX_URL);
    const registry = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
    await registry.restore();
    const definition = await registry.load('transform/fixture-double');
    expect(await definition.processLogic({ value: 4 }, {} as never, () => {})).to.deep.equal({ value: 8 });
  });

  it('ignores and deletes a corrupt cached bundle', async () => {
    const dbName = freshName();
    const raw = createStore(dbName, 'keyval');
    const nodes = [{ type: 'transform/evil', version: 1, category: 'transform', title: 'Evil', inputs: {}, outputs: {}, module: 'data:text/javascript,' }];
    await set('registry:bundle:https://example.test/b.json', { version: 1, hash: 'ffffffffffffff', data: { format: 'v2u-bundle', hash: 'x', nodes } }, raw);
    const registry = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
    expect(await registry.restore()).to.equal(0);
    expect(registry.get('transform/evil')).to.equal(undefined);
    expect(await keys(raw), 'the corrupt entry is gone').to.deep.equal([]);
  });

  it('ignores and deletes a cached bundle, intact, whose manifest no longer validates', async () => {
    const dbName = freshName();
    const nodes = [{ type: 'transform/stale', version: 1, category: 'nope', title: 'Stale', inputs: {}, outputs: {}, module: 'data:text/javascript,' }];
    await new RegistryPersistence({ dbName }).writeBundle('https://example.test/b.json', { format: 'v2u-bundle', category: 'transform', priority: 'normal', hash: 'x', nodes } as never);
    const registry = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
    expect(await registry.restore()).to.equal(0);
    expect(registry.get('transform/stale')).to.equal(undefined);
    expect(await keys(createStore(dbName, 'keyval')), 'the invalid bundle is gone').to.deep.equal([]);
  });

  it('records usage statistics that a later visit reads back', async () => {
    const dbName = freshName();
    const cache = new RegistryPersistence({ dbName });
    const registry = new NodeRegistry({ cache });
    registry.recordUsage('transform/fixture-double');
    registry.recordUsage('transform/fixture-double');
    registry.recordUsage('transform/fixture-double', 'prefetch-hit');
    await cache.flush();
    const usage = await new RegistryPersistence({ dbName }).readUsage();
    expect(usage['transform/fixture-double']).to.include({ use: 2, 'prefetch-hit': 1 });
  });
});
