import { expect } from '@open-wc/testing';
import { loadedBundleChecks } from '../../src/registry/bundles.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { INDEX_URL } from '../fixtures/registry.js';

// A compact index (manifests inline) that is already in the page, as a preload hint makes it:
// its types are known as soon as it answers, not one round trip later when the manifest checks
// (a chunk the registry requests when made) arrive. This file is its own page, so the first
// registry below meets the index before that chunk.
const INLINE_INDEX = INDEX_URL.replace('/bundled/', '/bundled-inline/');

/** A fetch that answers from the body fetched before: the index is in the page already. */
async function inPage(): Promise<typeof fetch> {
  const body = await (await fetch(INLINE_INDEX)).text();
  return async () => new Response(body, { headers: { 'content-type': 'application/json' } });
}

describe('a compact index in the page', () => {
  it('registers its types before the manifest checks have arrived, and checks them after', async () => {
    const registry = new NodeRegistry({ fetch: await inPage() });
    expect(loadedBundleChecks(), 'this page has not loaded the checks yet').to.equal(undefined);
    const heard: { types: number; checked: boolean }[] = [];
    registry.addEventListener('change', () => heard.push({ types: registry.list().length, checked: !!loadedBundleChecks() }));
    await registry.registerIndex(INLINE_INDEX);
    expect(heard[0]?.types, 'every type at once').to.be.greaterThan(0);
    expect(heard[0]?.checked, 'before the checks arrived').to.equal(false);
    expect(heard, 'one change for the whole index').to.have.length(1);
    expect(registry.get('create/fixture-number')?.title).to.equal('Fixture number');
  });

  it('takes the types back, and fails naming the field, when one of its manifests is invalid', async () => {
    const index = await (await fetch(INLINE_INDEX)).json();
    const bundle = index.bundles.find((b: { nodes?: { type: string }[] }) => b.nodes?.some((n) => n.type === 'create/fixture-number'));
    bundle.nodes = bundle.nodes.map((n: { type: string }) => (n.type === 'create/fixture-number' ? { ...n, category: 'nope' } : n));
    const registry = new NodeRegistry({ fetch: async () => new Response(JSON.stringify(index)) });
    const error = await registry.registerIndex(INLINE_INDEX).then(() => null, (e: Error) => e);
    expect(error?.message).to.include('create/fixture-number').and.include('category');
    expect(registry.list().map((e) => e.type), 'none of the unchecked types stays').to.deep.equal([]);
  });
});
