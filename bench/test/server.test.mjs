// The bench serves as a real host would, the same for every editor: content-hashed files
// cached for a year, everything else revalidated with an ETag (304 when unchanged).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cacheControl, startServer } from '../lib/server.mjs';

let server;
let origin;
before(async () => {
  server = await startServer(8450);
  origin = `http://127.0.0.1:${server.address().port}`;
});
after(() => server.close());

/** GET `path`, then again with the ETag it answered: both answers. */
async function twice(path) {
  const first = await fetch(origin + path);
  await first.arrayBuffer();
  const second = await fetch(origin + path, { headers: { 'if-none-match': first.headers.get('etag') } });
  return [first, second];
}

test('content-hashed files are cached for a year, immutable; others revalidated', () => {
  assert.equal(cacheControl('/dist/chunks/lit-PvsPwjc1.js'), 'max-age=31536000, immutable');
  assert.equal(cacheControl('/dist/nodes/transform/filter-Ab_3-x9Q.js'), 'max-age=31536000, immutable');
  for (const path of ['/dist/v2u-editor.js', '/dist/nodes/bundles/index.json', '/bench/.build/litegraph.js']) assert.equal(cacheControl(path), 'no-cache', path);
});

for (const path of ['/bench/pages/common.js', '/bench-page/litegraph', '/bench-graph/100.json']) {
  test(`${path} is revalidated: no-cache, then 304 for its ETag`, async () => {
    const [first, second] = await twice(path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    assert.ok(first.headers.get('etag'));
    assert.equal(second.status, 304);
  });
}
