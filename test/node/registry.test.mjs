// The registry runs in Node with no DOM: real fixture node modules imported by file URL,
// an injected clock for TTLs and an injected timer for slow-operation warnings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const { NodeRegistry } = await import('../../dist/src/registry/node-registry.js');
const { splitIntoBundles, loadBundleChecks } = await import('../../dist/src/registry/bundles.js');
const { LruCache } = await import('../../dist/src/registry/lru-cache.js');
const { manifestOf } = await import('../../dist/src/core/define-node.js');

const fixture = (name) => pathToFileURL(resolve(`dist/test/fixtures/nodes/${name}.js`)).href;
const definitions = {
  number: (await import(fixture('number'))).default,
  double: (await import(fixture('double'))).default,
  note: (await import(fixture('note'))).default,
};

function registryWith(options = {}) {
  const registry = new NodeRegistry(options);
  for (const [name, definition] of Object.entries(definitions)) registry.register({ ...manifestOf(definition), module: fixture(name) });
  return registry;
}

test('register makes a type known by manifest before any code loads', () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const registry = registryWith();
  assert.equal(registry.get('transform/fixture-double').title, 'Fixture double');
  assert.equal(registry.metrics.loads.count, 0, 'no code loaded');
  assert.deepEqual([registry.metrics.hits, registry.metrics.misses], [0, 1], 'the first lookup misses the L1 cache');
  registry.get('transform/fixture-double');
  assert.deepEqual([registry.metrics.hits, registry.metrics.misses, registry.metrics.cached], [1, 1, 1], 'the second hits it');
  assert.deepEqual(registry.list().map((m) => m.type).sort(), ['create/fixture-number', 'transform/fixture-double', 'utility/fixture-note']);
});

test('load imports the logic module once; later loads hit the L1 record', async () => {
  const registry = registryWith();
  const [a, b] = await Promise.all([registry.load('transform/fixture-double'), registry.load('transform/fixture-double')]);
  assert.equal(a, b, 'concurrent loads share one import');
  assert.deepEqual(await a.processLogic({ value: 21 }), { value: 42 });
  await registry.load('transform/fixture-double');
  const m = registry.metrics;
  assert.equal(m.misses, 1, 'the first lookup made the record');
  assert.equal(m.hits, 2);
  assert.equal(m.loads.count, 1, 'one real import');
});

test('the LRU evicts the least recently used definition past maxEntries', async () => {
  const registry = registryWith({ maxEntries: 2 });
  await registry.load('create/fixture-number');
  await registry.load('transform/fixture-double');
  await registry.load('create/fixture-number');
  await registry.load('utility/fixture-note');
  assert.equal(registry.metrics.evictions, 1);
  assert.equal(registry.metrics.cached, 2);
  const hitsBefore = registry.metrics.hits;
  await registry.load('create/fixture-number');
  assert.equal(registry.metrics.hits, hitsBefore + 1, 'recently used survived');
  await registry.load('transform/fixture-double');
  assert.equal(registry.metrics.hits, hitsBefore + 1, 'least recently used was evicted');
});

test('entries expire after the TTL of the injected clock', async () => {
  let now = 0;
  const registry = registryWith({ ttl: 1000, clock: () => now });
  await registry.load('transform/fixture-double');
  now = 999;
  await registry.load('transform/fixture-double');
  assert.equal(registry.metrics.hits, 1, 'fresh before the TTL');
  now = 2000;
  await registry.load('transform/fixture-double');
  assert.equal(registry.metrics.hits, 1, 'expired after the TTL');
  assert.equal(registry.metrics.evictions, 1);
});

test('LruCache alone: expiry counts, re-set refreshes', () => {
  let now = 0;
  const cache = new LruCache({ maxEntries: 3, ttl: 10, clock: () => now });
  cache.set('a', 1);
  now = 5;
  cache.set('a', 2);
  now = 12;
  assert.equal(cache.get('a'), 2, 're-set restarted the TTL');
  now = 16;
  assert.equal(cache.get('a'), undefined);
});

test('LruCache sweep drops expired entries without reading them', () => {
  let now = 0;
  const cache = new LruCache({ ttl: 10, clock: () => now });
  cache.set('a', 1);
  now = 5;
  cache.set('b', 2);
  now = 10;
  assert.equal(cache.sweep(), 1, 'a expired at 10');
  assert.deepEqual([cache.size, cache.evictions], [1, 1]);
  now = 15;
  assert.equal(cache.sweep(), 1);
  assert.equal(cache.size, 0);
});

test('unknown types and wrong modules reject with coded errors naming the type', async () => {
  const registry = registryWith();
  await assert.rejects(registry.load('acme/missing'), (e) => e.code === 'unknown-node-type' && e.message.includes('acme/missing'));
  registry.register({ ...manifestOf(definitions.double), type: 'transform/impostor', module: fixture('double') });
  await assert.rejects(registry.load('transform/impostor'), (e) => e.code === 'load-failed' && e.message.includes('transform/impostor'));
  registry.register({ ...manifestOf(definitions.double), type: 'transform/gone', module: fixture('no-such-file') });
  await assert.rejects(registry.load('transform/gone'), (e) => e.code === 'load-failed' && /Unable to load node "transform\/gone"/.test(e.message));
});

test('register validates the manifest and names type and field', async () => {
  const registry = new NodeRegistry();
  await loadBundleChecks(); // the chunk the registry requested when made (the early path: test/registry/register-early.test.ts)
  assert.throws(() => registry.register({ ...manifestOf(definitions.double), category: 'nope', module: fixture('double') }),
    (e) => e.message.includes('transform/fixture-double') && e.message.includes('category'));
});

/** Runs `act` with console.warn captured; resolves with the v2u-warning details and the console lines. */
async function warningsDuring(registry, act) {
  const seen = [];
  registry.addEventListener('v2u-warning', (e) => seen.push(e.detail));
  const original = console.warn;
  const logged = [];
  console.warn = (...args) => logged.push(args.join(' '));
  try {
    await act();
  } finally {
    console.warn = original;
  }
  return { seen, logged };
}

test('one slow operation counts in the metrics and warns nobody', async () => {
  const times = [0, 120];
  const registry = registryWith({ now: () => times.shift() });
  const { seen, logged } = await warningsDuring(registry, async () => {
    registry.get('transform/fixture-double');
    await registry.load('transform/fixture-double');
  });
  assert.deepEqual([seen, logged], [[], []], 'a cold page load is allowed a slow import');
  assert.equal(registry.metrics.slowOperations, 1, 'load took 120 ms (a lookup is not timed: the timer would cost more than it)');
});

test('with debug, every operation over the threshold warns on the console and as a v2u-warning', async () => {
  const times = [0, 60, 100, 220];
  const registry = registryWith({ now: () => times.shift(), debug: true });
  const { seen, logged } = await warningsDuring(registry, async () => {
    await registry.load('create/fixture-number');
    await registry.load('transform/fixture-double');
  });
  assert.equal(seen.length, 1, 'one load took 60 ms: no warning; the other 120 ms: one');
  assert.match(seen[0].message, /load transform\/fixture-double took 120 ms/);
  assert.equal(logged.length, 1);
});

test('many slow operations still warn nobody without debug, and all count', async () => {
  let clock = 0;
  const registry = registryWith({ now: () => (clock += 1000) });
  const { seen, logged } = await warningsDuring(registry, () => Promise.all(Object.values(definitions).map((d) => registry.load(d.type))));
  assert.equal(registry.metrics.slowOperations, 3);
  assert.deepEqual([seen, logged], [[], []], 'slowness is in the metrics; the console stays quiet');
});

test('preload loads high-priority types and the types of the open graph', async () => {
  const registry = registryWith();
  await registry.preload(['utility/fixture-note', 'acme/unknown']);
  await registry.load('create/fixture-number');
  await registry.load('utility/fixture-note');
  assert.equal(registry.metrics.hits, 2);
  assert.equal(registry.metrics.loads.count, 2, 'the double node was not loaded');
});

test('splitIntoBundles groups by category and priority, at most N per bundle, deterministically', () => {
  const base = manifestOf(definitions.double);
  const entries = Array.from({ length: 45 }, (_, i) => ({ ...base, type: `transform/t${String(i).padStart(2, '0')}`, module: `./t${i}.js` }));
  entries.push({ ...base, type: 'transform/urgent', performance: { priority: 'high' }, module: './u.js' });
  entries.push({ ...base, type: 'create/c', category: 'create', module: './c.js' });
  const bundles = splitIntoBundles(entries, 20);
  assert.deepEqual(bundles.map((b) => [b.category, b.priority, b.nodes.length]), [
    ['transform', 'high', 1], ['create', 'normal', 1], ['transform', 'normal', 20], ['transform', 'normal', 20], ['transform', 'normal', 5],
  ]);
  assert.deepEqual(splitIntoBundles([...entries].reverse(), 20).map((b) => b.hash), bundles.map((b) => b.hash));
});

test('the build emits node chunks and manifest bundles; the entry holds no node code', async () => {
  const dir = resolve('dist/test/fixtures/bundled/bundles');
  const index = JSON.parse(readFileSync(`${dir}/index.json`, 'utf8'));
  assert.deepEqual(index.bundles.map((b) => b.url), ['./create-high-0.json', './transform-normal-0.json', './utility-low-0.json']);
  const bundle = JSON.parse(readFileSync(`${dir}/create-high-0.json`, 'utf8'));
  const [node] = bundle.nodes;
  assert.match(node.module, /^\.\.\/number-[\w-]+\.js$/);
  assert.match(node.element, /^\.\.\/number\.element-[\w-]+\.js$/);
  const logic = (await import(new URL(node.module, pathToFileURL(`${dir}/create-high-0.json`)).href)).default;
  assert.equal(logic.type, 'create/fixture-number', 'the emitted chunk is the real logic module');
  const entry = readFileSync('dist/v2u-editor.js', 'utf8');
  assert.ok(!entry.includes('fixture-number') && !entry.includes('Doubles a number'), 'no node code in the entry');
});

test('with no IndexedDB (Node), persistence keeps working in memory after one warning', async () => {
  const { RegistryPersistence } = await import('../../dist/src/runtime/persistence-registry.js');
  const emitter = new EventTarget();
  const warnings = [];
  emitter.addEventListener('v2u-warning', (e) => warnings.push(e.detail.code));
  const original = console.warn;
  console.warn = () => {};
  try {
    const cache = new RegistryPersistence({ emitter });
    const first = registryWith({ cache });
    await cache.writeBundle('https://example.test/b.json', { format: 'v2u-bundle', category: 'transform', priority: 'normal', hash: 'h', nodes: [first.entry('transform/fixture-double')] });
    const second = new NodeRegistry({ cache });
    assert.equal(await second.restore(), 1);
    assert.equal(second.get('transform/fixture-double').title, 'Fixture double');
    assert.equal(cache.store.mode, 'memory');
    assert.deepEqual(warnings, ['storage-fallback']);
  } finally {
    console.warn = original;
  }
});

/** A fetch that answers only when told to, and rejects as fetch does when its signal aborts. */
function heldFetch() {
  const calls = [];
  const fetch = (url, init = {}) =>
    new Promise((resolve, reject) => {
      const call = { url: String(url), signal: init.signal, answer: (json) => resolve(new Response(JSON.stringify(json))) };
      init.signal?.addEventListener('abort', () => reject(init.signal.reason));
      calls.push(call);
    });
  return { calls, fetch };
}

const bundle = (definition, name) => ({ nodes: [{ ...manifestOf(definition), module: fixture(name) }] });

test('a bundle fetch shared by two callers survives one of them aborting', async () => {
  const network = heldFetch();
  const registry = new NodeRegistry({ fetch: network.fetch, baseUrl: 'https://lib.test/' });
  const leaving = new AbortController();
  const first = registry.registerBundle('a.json', { signal: leaving.signal });
  const second = registry.registerBundle('a.json', { signal: new AbortController().signal });
  assert.equal(network.calls.length, 1, 'one request for both');
  leaving.abort();
  await assert.rejects(first, (e) => e.name === 'AbortError', 'the caller that left stops waiting');
  assert.equal(network.calls[0].signal.aborted, false, 'the other caller still waits for it');
  network.calls[0].answer(bundle(definitions.number, 'number'));
  assert.equal((await second)[0].type, 'create/fixture-number');
});

test('a bundle fetch is cancelled once every caller has aborted, and fetched again on the next ask', async () => {
  const network = heldFetch();
  const registry = new NodeRegistry({ fetch: network.fetch, baseUrl: 'https://lib.test/' });
  const callers = [new AbortController(), new AbortController()];
  const waits = callers.map((c) => registry.registerBundle('a.json', { signal: c.signal }));
  for (const c of callers) c.abort();
  await Promise.allSettled(waits);
  assert.equal(network.calls[0].signal.aborted, true, 'no one waits: the request is cancelled');
  const again = registry.registerBundle('a.json');
  assert.equal(network.calls.length, 2, 'a new request, not the cancelled one');
  network.calls[1].answer(bundle(definitions.note, 'note'));
  assert.equal((await again)[0].type, 'utility/fixture-note');
});

test('registerIndex with an aborted signal cancels the index request and fetches no bundle', async () => {
  const network = heldFetch();
  const registry = new NodeRegistry({ fetch: network.fetch, baseUrl: 'https://lib.test/' });
  const controller = new AbortController();
  const pending = registry.registerIndex('index.json', [], { signal: controller.signal });
  await new Promise((r) => setTimeout(r));
  controller.abort();
  await assert.rejects(pending, (e) => e.name === 'AbortError');
  assert.equal(network.calls[0].signal.aborted, true, 'the index request is cancelled');
  assert.equal(network.calls.length, 1, 'no bundle requested');
});
