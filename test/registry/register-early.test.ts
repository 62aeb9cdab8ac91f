import { expect, waitUntil } from '@open-wc/testing';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import type { V2uWarningDetail } from '../../src/registry/metrics.js';

// The manifest checks are a chunk the registry requests when made. This file is its own
// page, so the first registry below registers before that chunk has arrived.
const manifest = { type: 'acme/early', version: 1, category: 'transform', title: 'Early', inputs: {}, outputs: {}, module: '/early.js' } as const;

describe('register before the manifest checks have loaded', () => {
  it('knows a valid type at once, and drops an invalid one with a warning when the checks arrive', async () => {
    const registry = new NodeRegistry();
    const warnings: V2uWarningDetail[] = [];
    registry.addEventListener('v2u-warning', (e) => warnings.push((e as CustomEvent<V2uWarningDetail>).detail));
    registry.register(manifest);
    registry.register({ ...manifest, type: 'acme/broken', category: 'nope' as 'transform' });
    expect(registry.get('acme/early')?.title).to.equal('Early');
    expect(registry.get('acme/broken'), 'known until checked').to.exist;

    await waitUntil(() => warnings.length > 0, 'the invalid type is reported');
    expect(registry.get('acme/broken'), 'dropped').to.equal(undefined);
    expect(registry.get('acme/early')?.title).to.equal('Early');
    expect(warnings[0]!.code).to.equal('bad-definition');
    expect(warnings[0]!.message).to.include('acme/broken').and.include('category');

    // Once the checks are there, register() throws at once, naming type and field.
    expect(() => registry.register({ ...manifest, type: 'acme/broken2', category: 'nope' as 'transform' })).to.throw(/acme\/broken2.*category/);
    expect(registry.get('acme/broken2')).to.equal(undefined);
  });
});
