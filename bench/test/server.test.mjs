// The bench serves as a real host would, the same for every editor: content-hashed files
// cached for a year, everything else revalidated with an ETag (304 when unchanged).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startServer } from '../lib/server.mjs';

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

test('a content-hashed chunk is cached for a year, immutable', async () => {
  const chunk = readdirSync('dist/chunks').find((name) => /-[\w-]{8}\.js$/.test(name));
  assert.ok(chunk, 'dist/chunks has a hashed chunk (run npm run build)');
  const [first] = await twice(`/dist/chunks/${chunk}`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('cache-control'), 'max-age=31536000, immutable');
});

for (const path of ['/dist/v2u-editor.js', '/bench-page/litegraph', '/bench-graph/100.json']) {
  test(`${path} is revalidated: no-cache, then 304 for its ETag`, async () => {
    const [first, second] = await twice(path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    assert.ok(first.headers.get('etag'));
    assert.equal(second.status, 304);
  });
}
