import { expect, fixture, html, unsafeStatic, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { GraphStore } from '../../../../src/core/index.js';
import { LibraryController, type LibraryHost } from '../../../../src/elements/editor/library-controller.js';
import { NodeRegistry } from '../../../../src/registry/node-registry.js';
import { RegistryPersistence } from '../../../../src/runtime/persistence-registry.js';
import { INDEX_URL } from '../../../fixtures/registry.js';
import { defineHost } from './hosts.js';

class TestLibraryHost extends LitElement implements LibraryHost {
  registry = freshRegistry();
  readonly store = new GraphStore();
  library?: string;
  noLibrary = false;
  readonly errors: string[] = [];
  typeChanges = 0;
  updates = 0;
  readonly libraryControl = new LibraryController(this);

  reportError(_error: unknown, source: string) {
    this.errors.push(source);
  }

  typesChanged() {
    this.typeChanges++;
  }

  override updated() {
    this.updates++;
  }
}
const tag = unsafeStatic(defineHost('test-library-host', TestLibraryHost));

let dbCount = 0;
/** A registry with an empty IndexedDB cache of its own. */
function freshRegistry(): NodeRegistry {
  return new NodeRegistry({ cache: new RegistryPersistence({ dbName: `v2u-library-controller-${Date.now()}-${++dbCount}` }) });
}

const KNOWN = 'create/fixture-number';
const MISSING_INDEX = new URL('no-such-index.json', INDEX_URL).href;

const mount = (library: string, noLibrary = false) =>
  fixture<TestLibraryHost>(html`<${tag} .library=${library} .noLibrary=${noLibrary}></${tag}>`);

describe('LibraryController', () => {
  it('ready resolves once the index is registered, however slow the network', async () => {
    const start = performance.now();
    const host = await mount(`${INDEX_URL}?v2u-slow=300`);
    expect(host.registry.get(KNOWN), 'nothing known before the index answers').to.equal(undefined);
    await host.libraryControl.ready;
    expect(host.registry.get(KNOWN)?.title, 'the index is in').to.equal('Fixture number');
    expect(performance.now() - start, 'waited for the index').to.be.at.least(290);
    expect(host.libraryControl.failure).to.equal(undefined);
    expect(host.errors).to.deep.equal([]);
  });

  it('no-library loads nothing', async () => {
    const host = await mount(INDEX_URL, true);
    await host.libraryControl.ready;
    expect(host.registry.list(), 'no types').to.have.length(0);
  });

  it('a failing library sets failure, reports it once and renders the notice', async () => {
    const host = await mount(MISSING_INDEX);
    const updatesBefore = host.updates;
    await host.libraryControl.ready;
    expect(host.libraryControl.failure, 'why').to.be.a('string').and.not.equal('');
    expect(host.errors).to.deep.equal(['library']);
    await host.updateComplete;
    expect(host.updates, 'the host renders the failure').to.be.greaterThan(updatesBefore);
  });

  it('retry() clears the failure and loads the library again', async () => {
    const host = await mount(MISSING_INDEX);
    await host.libraryControl.ready;
    expect(host.libraryControl.failure, 'the first attempt fails').to.be.a('string');

    host.library = INDEX_URL; // the network (here: the URL) works now
    host.libraryControl.retry();
    expect(host.libraryControl.failure, 'cleared at once').to.equal(undefined);
    await host.libraryControl.ready;
    expect(host.registry.get(KNOWN), 'loaded on the second try').to.not.equal(undefined);
    expect(host.libraryControl.failure).to.equal(undefined);
    expect(host.errors, 'only the first failure reported').to.deep.equal(['library']);
  });

  it('follows a replaced registry: loads its library and listens to it, not the old one', async () => {
    const host = await mount(INDEX_URL);
    await host.libraryControl.ready;
    const old = host.registry;
    host.registry = freshRegistry();
    host.libraryControl.follow();
    await host.libraryControl.ready;
    expect(host.registry.get(KNOWN), 'the new registry has the library').to.not.equal(undefined);

    const before = host.typeChanges;
    old.dispatchEvent(new Event('change'));
    expect(host.typeChanges, 'the old registry is no longer heard').to.equal(before);
    host.registry.dispatchEvent(new Event('change'));
    expect(host.typeChanges, 'the new one is').to.equal(before + 1);
  });

  it('removal stops waiting at once, quietly, and reconnecting starts over', async () => {
    const host = await mount(`${INDEX_URL}?v2u-slow=800`);
    const parent = host.parentElement!;
    const start = performance.now();
    host.remove();
    await host.libraryControl.ready;
    expect(performance.now() - start, 'not waiting for the network').to.be.below(500);
    expect(host.libraryControl.failure, 'not a failure').to.equal(undefined);
    expect(host.errors).to.deep.equal([]);
    const before = host.typeChanges;
    host.registry.dispatchEvent(new Event('change'));
    expect(host.typeChanges, 'a removed host stops listening').to.equal(before);

    parent.append(host);
    await host.libraryControl.ready;
    await waitUntil(() => host.registry.get(KNOWN), 'loaded after coming back');
  });
});
