// The node modules are isomorphic: the compiled ones must import and run in Node (no DOM).
import assert from 'node:assert/strict';
import { test } from 'node:test';

const load = async (path) => (await import(new URL(`../../dist/src/nodes/${path}.js`, import.meta.url))).default;
const context = (config = {}) => ({ signal: new AbortController().signal, config, nodeId: 'n', log() {} });

test('table from text → compute → sort runs in Node, with jsonata and d3-dsv', async () => {
  assert.equal(typeof globalThis.document, 'undefined');
  const [fromText, compute, sort] = await Promise.all(['create/table-from-text', 'transform/compute', 'transform/sort'].map(load));
  const { rows } = await fromText.processLogic({}, context({ text: 'item,price,qty\nb,2,3\na,10,1', format: 'auto', header: true, detectTypes: true }), () => {});
  const computed = await compute.processLogic({ rows }, context({ column: 'total', expression: 'price * qty' }), () => {});
  const sorted = await sort.processLogic(computed, context({ keys: 'total desc' }), () => {});
  const { rowsAtEdge } = await import(new URL('../../dist/src/core/table/column-table.js', import.meta.url));
  assert.deepEqual(rowsAtEdge(sorted).rows, [{ item: 'a', price: 10, qty: 1, total: 10 }, { item: 'b', price: 2, qty: 3, total: 6 }]);
});

test('hash uses globalThis.crypto in Node 20', async () => {
  const hash = await load('utility/hash');
  const { value } = await hash.processLogic({ value: 'abc' }, context({ algorithm: 'SHA-256', column: '' }), () => {});
  assert.equal(value, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('expression errors point at the position in Node too', async () => {
  const filter = await load('transform/filter');
  await assert.rejects(filter.processLogic({ rows: [] }, context({ expression: 'a >' }), () => {}), (error) => error.name === 'V2uError' && /at position \d+/.test(error.message));
});

test('HTTP request without a host policy denies every URL in Node, whatever the config says', async () => {
  const http = await load('create/http-request');
  const config = { url: 'https://example.com/x', method: 'GET', timeoutMs: 100, allowedOrigins: '*', origin: 'https://example.com' };
  await assert.rejects(http.processLogic({}, context(config), () => {}), (error) => error.code === 'origin-denied');
});

test('a 10 MB invalid value or expression gives a short error that quotes the start and says how long it was', async () => {
  const huge = 'x'.repeat(10_000_000);
  const [value, filter] = await Promise.all(['create/value', 'transform/filter'].map(load));
  const short = (error) => error.name === 'V2uError' && error.message.length < 1000 && error.message.includes('(10,000,000 characters)');
  await assert.rejects(async () => value.processLogic({}, context({ kind: 'number', value: huge }), () => {}), short);
  await assert.rejects(filter.processLogic({ rows: [{ a: 1 }] }, context({ expression: `a > ${huge} >` }), () => {}), (error) => error.name === 'V2uError' && error.message.length < 1000);
});

test('in Node, the HTTP request node checks every redirect hop before sending it', async () => {
  const { createServer } = await import('node:http');
  const reached = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/redirect') return res.writeHead(Number(url.searchParams.get('status')), { location: url.searchParams.get('to') }).end();
    let body = '';
    req.on('data', (chunk) => (body += chunk)).on('end', () => {
      reached.push({ host: req.headers.host, method: req.method, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, body }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const [own, other] = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const http = await load('create/http-request');
  const request = (url, method = 'POST') => http.processLogic({ body: { secret: 1 } }, { ...context({ url, method, responseType: 'json', timeoutMs: 5000 }), host: { origin: own } }, () => {});
  const redirect = (status, to) => `${own}/redirect?status=${status}&to=${encodeURIComponent(to)}`;
  try {
    for (const status of [301, 302, 303, 307, 308])
      await assert.rejects(request(redirect(status, `${other}/record`)), (error) => error.code === 'origin-denied' && error.message.includes(`${other} is not an allowed origin`), `${status} to another origin`);
    assert.deepEqual(reached, [], 'nothing reached the other origin');
    assert.deepEqual((await request(redirect(307, `${own}/echo`))).data, { method: 'POST', body: '{"secret":1}' }, 'a 307 on the same origin keeps the POST body');
    assert.deepEqual((await request(redirect(303, `${own}/echo`))).data, { method: 'GET', body: '' }, 'a 303 continues as a GET without the body');
  } finally {
    server.close();
  }
});
