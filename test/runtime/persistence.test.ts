import { expect } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { Persistence } from '../../src/runtime/persistence.js';
import { RegistryPersistence } from '../../src/runtime/persistence-registry.js';

let dbCount = 0;
const freshName = () => `v2u-test-${Date.now()}-${++dbCount}`;

function warningsOn(target: EventTarget): unknown[] {
  const seen: unknown[] = [];
  target.addEventListener('v2u-warning', (e) => seen.push((e as CustomEvent).detail));
  return seen;
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('Persistence', () => {
  it('reads the registry cache of a first visit without creating its database, and a later visit from it', async () => {
    const dbName = freshName();
    const cache = new RegistryPersistence({ dbName });
    expect(await cache.store.exists(), 'nothing stored yet').to.equal(false);
    expect(await cache.readBundles()).to.deep.equal([]);
    expect(await databaseNames(), 'no empty database made before the first paint').not.to.include(dbName);
    const bundle = { format: 'v2u-bundle' as const, category: 'utility', priority: 'normal' as const, hash: 'h', nodes: [] };
    await cache.writeBundle('https://example.test/b.json', bundle);
    expect(await databaseNames()).to.include(dbName);
    expect(await new Persistence({ dbName }).exists()).to.equal(true);
    expect((await new RegistryPersistence({ dbName }).store.keys()).length, 'the next visit finds it').to.equal(1);
  });

  it('says the database may exist when the browser cannot list them', async () => {
    const original = indexedDB.databases;
    indexedDB.databases = () => Promise.reject(new Error('not allowed'));
    try {
      expect(await new Persistence({ dbName: freshName() }).exists()).to.equal(true);
    } finally {
      indexedDB.databases = original;
    }
  });

  it('round-trips data through IndexedDB and finds it from a second instance', async () => {
    const dbName = freshName();
    await new Persistence({ dbName }).set('autosave:a', 1, { nodes: [1, 2] });
    const second = new Persistence({ dbName });
    expect(await second.get('autosave:a', 1)).to.deep.equal({ nodes: [1, 2] });
    expect(second.mode, 'still IndexedDB').to.equal('indexeddb');
    expect(await second.keys('autosave:')).to.deep.equal(['autosave:a']);
  });

  it('drops corrupt and stale entries instead of trusting them', async () => {
    const dbName = freshName();
    const raw = createStore(dbName, 'keyval');
    await set('corrupt', { version: 1, hash: '00000000000000', data: { evil: true } }, raw);
    await set('garbage', 'not an envelope', raw);
    const store = new Persistence({ dbName });
    await store.set('old', 1, { a: 1 });
    expect(await store.get('corrupt', 1), 'hash mismatch').to.equal(undefined);
    expect(await store.get('garbage', 1), 'no envelope').to.equal(undefined);
    expect(await store.get('old', 2), 'stale version').to.equal(undefined);
    expect(store.usage.drops).to.equal(3);
    expect(await store.keys(), 'dropped entries are deleted').to.deep.equal([]);
  });

  it('falls back to memory with exactly one warning when IndexedDB cannot open', async () => {
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('denied in this test', 'SecurityError');
    };
    try {
      const emitter = new EventTarget();
      const warnings = warningsOn(emitter);
      const store = new Persistence({ dbName: freshName(), emitter });
      await store.set('k', 1, { kept: true });
      await store.set('k2', 1, 2);
      expect(await store.get('k', 1)).to.deep.equal({ kept: true });
      expect(store.mode).to.equal('memory');
      expect(warnings, 'one warning for the whole session').to.have.length(1);
    } finally {
      indexedDB.open = original;
    }
  });

  it('treats an IndexedDB that never answers (blocked) as unavailable after the open timeout', async () => {
    const original = indexedDB.open;
    // An open request that never fires success or error, as when another tab blocks the database.
    indexedDB.open = () => new EventTarget() as IDBOpenDBRequest;
    try {
      const emitter = new EventTarget();
      const warnings = warningsOn(emitter);
      const store = new Persistence({ dbName: freshName(), emitter, openTimeout: 50 });
      await store.set('k', 1, 'v');
      expect(await store.get('k', 1)).to.equal('v');
      expect(warnings).to.have.length(1);
      expect((warnings[0] as { message: string }).message).to.contain('blocked');
    } finally {
      indexedDB.open = original;
    }
  });

  it('falls back to memory when a write is over quota, keeping the value', async () => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('quota reached in this test', 'QuotaExceededError');
    };
    try {
      const emitter = new EventTarget();
      const warnings = warningsOn(emitter);
      const store = new Persistence({ dbName: freshName(), emitter });
      await store.set('big', 1, 'x'.repeat(100));
      expect(await store.get('big', 1)).to.equal('x'.repeat(100));
      expect(warnings).to.have.length(1);
      expect((warnings[0] as { message: string }).message).to.contain('over quota');
    } finally {
      IDBObjectStore.prototype.put = original;
    }
  });
});
