import { expect } from '@open-wc/testing';
import { loadedBundleChecks } from '../../src/registry/bundles.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';
import { INDEX_URL } from '../fixtures/registry.js';

// A first visit: nothing in IndexedDB, the library's compact index in the page (preloaded). Its
// types are drawn at once; the manifest checks (a chunk and its two imports: module requests,
// compiles and the checks of every manifest) wait for the page's first idle moment, so they stay
// off the path to the first paint. This file is its own page: no registry has loaded the checks.
const INLINE_INDEX = INDEX_URL.replace('/bundled/', '/bundled-inline/');

/** Idle callbacks held until `flush()`: the test decides when the page is idle. */
function holdIdle() {
  const held: IdleRequestCallback[] = [];
  const original = window.requestIdleCallback;
  window.requestIdleCallback = (callback) => held.push(callback);
  return {
    flush: () => held.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })),
    restore: () => (window.requestIdleCallback = original),
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('the manifest checks on a first visit', () => {
  it('are not loaded by an empty cache nor before the first idle moment, and check the index then', async () => {
    const body = await (await fetch(INLINE_INDEX)).text();
    const idle = holdIdle();
    try {
      const registry = new NodeRegistry({
        cache: new RegistryPersistence({ dbName: `v2u-checks-at-idle-${Math.random()}` }),
        fetch: async () => new Response(body, { headers: { 'content-type': 'application/json' } }),
      });
      expect(await registry.restore(INLINE_INDEX), 'nothing cached').to.equal(0);
      expect(loadedBundleChecks() === undefined, 'an empty cache needs no checks').to.equal(true);
      let done = false;
      const indexed = registry.registerIndex(INLINE_INDEX).then(() => (done = true));
      await new Promise((resolve) => registry.addEventListener('change', resolve, { once: true }));
      expect(registry.get('create/fixture-number')?.title, 'drawn with its types at once').to.equal('Fixture number');
      for (let i = 0; i < 3; i++) await frame();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(loadedBundleChecks() === undefined, 'three frames later, not idle yet: no checks').to.equal(true);
      expect(done, 'the index waits for its checks').to.equal(false);
      idle.flush();
      await indexed;
      expect(loadedBundleChecks() !== undefined, 'checked when idle').to.equal(true);
      expect(registry.get('create/fixture-number')?.title, 'still known, now checked').to.equal('Fixture number');
    } finally {
      idle.restore();
    }
  });
});
