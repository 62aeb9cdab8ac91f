// A compact bundle index (manifests inline, as the build makes the built-in library's): one
// request for every type, registered without waiting for the IndexedDB cache.
import { expect } from '@open-wc/testing';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';
import { INDEX_URL } from '../fixtures/registry.js';

const INLINE_INDEX = INDEX_URL.replace('/bundled/', '/bundled-inline/');

function countingFetch() {
  const urls: string[] = [];
  const counted: typeof fetch = (input, init) => (urls.push(String(input).split('/').pop()!), fetch(input, init));
  return { urls, fetch: counted };
}

describe('a compact bundle index', () => {
  it('registers every type from the index alone, and a second visit writes nothing again', async () => {
    const dbName = `v2u-compact-${Math.random()}`;
    const network = countingFetch();
    const cache = new RegistryPersistence({ dbName });
    const first = new NodeRegistry({ cache, fetch: network.fetch });
    await first.registerIndex(INLINE_INDEX);
    expect(network.urls, 'one request').to.deep.equal(['index.json']);
    expect(first.get('create/fixture-number')?.title).to.equal('Fixture number');
    expect(first.entry('create/fixture-number')?.module, 'module URLs resolve against the bundle').to.match(/\/bundled-inline\/number-[\w-]+\.js$/);
    expect((await cache.readBundles()).length, 'cached for the next visit').to.be.greaterThan(0);

    const second = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
    let changes = 0;
    second.addEventListener('change', () => changes++);
    await second.restore(INLINE_INDEX);
    await second.registerIndex(INLINE_INDEX);
    expect(changes, 'the restored copy is the index’s: no second change').to.equal(1);
    expect(second.metrics).to.include({ bundlesFetched: 0, restoredTypes: first.list().length });
  });

  it('writes the bundles to IndexedDB only when the browser is idle, and a second visit restores them', async () => {
    const dbName = `v2u-compact-${Math.random()}`;
    const realIdle = window.requestIdleCallback;
    const held: IdleRequestCallback[] = [];
    let idleAsked!: () => void;
    const asked = new Promise<void>((resolve) => (idleAsked = resolve));
    window.requestIdleCallback = (callback) => (held.push(callback), idleAsked(), held.length);
    try {
      const first = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
      const done = first.registerIndex(INLINE_INDEX);
      await Promise.race([asked, done]);
      expect(first.get('create/fixture-number')?.title, 'the types are known').to.equal('Fixture number');
      expect(await new RegistryPersistence({ dbName }).readBundles(), 'nothing written before idle time').to.deep.equal([]);
      for (const callback of held.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
      await done;
    } finally {
      window.requestIdleCallback = realIdle;
    }
    const second = new NodeRegistry({ cache: new RegistryPersistence({ dbName }) });
    expect(await second.restore(INLINE_INDEX), 'types restored from IndexedDB').to.be.greaterThan(0);
    expect(second.get('create/fixture-number')?.title).to.equal('Fixture number');
  });

  it('knows the types before a slow IndexedDB restore finishes', async () => {
    const cache = new RegistryPersistence({ dbName: `v2u-compact-${Math.random()}` });
    const read = cache.readBundles.bind(cache);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    cache.readBundles = async () => (await held, read());
    const registry = new NodeRegistry({ cache });
    void registry.restore(INLINE_INDEX);
    const done = registry.registerIndex(INLINE_INDEX);
    while (!registry.get('create/fixture-number')) await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await done;
    expect(registry.get('create/fixture-number')?.title).to.equal('Fixture number');
  });
});
