import { expect } from '@open-wc/testing';
import { rowsOf, type ColumnTable, type StringColumn } from '../../src/core/table/index.js';
import fileInput from '../../src/nodes/create/file-input.js';
import httpRequest from '../../src/nodes/create/http-request.js';
import now from '../../src/nodes/create/now.js';
import sampleData from '../../src/nodes/create/sample-data.js';
import tableFromText from '../../src/nodes/create/table-from-text.js';
import value from '../../src/nodes/create/value.js';
import { failure, run } from './run-node.js';

describe('create/value', () => {
  it('parses each kind', async () => {
    expect((await run(value, {}, { kind: 'number', value: ' 1e21 ' })).outputs.value).to.equal(1e21);
    expect((await run(value, {}, { kind: 'string', value: 'héllo 👋' })).outputs.value).to.equal('héllo 👋');
    expect((await run(value, {}, { kind: 'boolean', value: 'TRUE' })).outputs.value).to.equal(true);
    expect((await run(value, {}, { kind: 'date', value: '2024-02-29' })).outputs.value).to.equal('2024-02-29T00:00:00.000Z');
    expect((await run(value, {}, { kind: 'json', value: '{"a":[1,null]}' })).outputs.value).to.deep.equal({ a: [1, null] });
  });

  it('names the bad value', async () => {
    expect((await failure(value, {}, { kind: 'number', value: 'abc' })).message).to.contain('Value: value "abc" is not a number');
    expect((await failure(value, {}, { kind: 'number', value: '' })).code).to.equal('bad-config');
    expect((await failure(value, {}, { kind: 'date', value: 'someday' })).message).to.contain('is not a date');
    expect((await failure(value, {}, { kind: 'json', value: '{' })).message).to.contain('is not valid JSON');
  });
});

describe('create/table-from-text', () => {
  it('parses CSV with a header and typed columns', async () => {
    const text = 'id,name,price,active,zip\n1,"Doe, Jane",9.5,true,01234\n2,Zoë ✓,,false,98765\n';
    const { rows } = (await run(tableFromText, {}, { text })).outputs;
    expect(rows).to.deep.equal([
      { id: 1, name: 'Doe, Jane', price: 9.5, active: true, zip: '01234' },
      { id: 2, name: 'Zoë ✓', price: null, active: false, zip: '98765' },
    ]);
  });

  it('sniffs TSV and semicolons, keeps huge integers as text, names blank and repeated headers', async () => {
    const tsv = (await run(tableFromText, {}, { text: 'a\tb\n1\t12345678901234567890' })).outputs.rows;
    expect(tsv).to.deep.equal([{ a: 1, b: '12345678901234567890' }]);
    const semi = (await run(tableFromText, {}, { text: 'x;x;\n1;2;3' })).outputs.rows;
    expect(semi).to.deep.equal([{ x: 1, x_2: 2, column_3: 3 }]);
  });

  it('reads JSON and rows without a header; empty text is an empty table', async () => {
    expect((await run(tableFromText, {}, { text: '[{"a":1},{"b":"2"}]' })).outputs.rows).to.deep.equal([{ a: 1 }, { b: '2' }]);
    expect((await run(tableFromText, {}, { text: '5,6', header: false, detectTypes: false })).outputs.rows).to.deep.equal([{ column_1: '5', column_2: '6' }]);
    expect((await run(tableFromText, {}, { text: '' })).outputs.rows).to.deep.equal([]);
  });

  it('names the row of broken quoting', async () => {
    const error = await failure(tableFromText, {}, { text: 'a,b\n1,2\n"3,4' });
    expect(error.code).to.equal('bad-input');
    expect(error.message).to.match(/Table from text: .*quote.* in data row 3/i);
  });

  it('rejects JSON that is not a list of objects', async () => {
    expect((await failure(tableFromText, {}, { text: '[1,2]' })).message).to.contain('JSON item 0 is not an object');
    expect((await failure(tableFromText, {}, { text: '[{' })).code).to.equal('bad-json');
  });
});

describe('create/file-input', () => {
  it('picks the format from the file name', async () => {
    const csv = await run(fileInput, {}, { fileName: 'list.csv', content: '[a],b\n1,2' });
    expect(csv.outputs.rows, 'a .csv starting with [ is still CSV').to.deep.equal([{ '[a]': 1, b: 2 }]);
    const tsv = await run(fileInput, {}, { fileName: 'list.tsv', content: 'a,b\tc\n1,5\t2' });
    expect(tsv.outputs.rows).to.deep.equal([{ 'a,b': '1,5', c: 2 }]);
    const json = await run(fileInput, {}, { fileName: 'orders.JSON', content: '[{"a":1}]' });
    expect(json.outputs.rows).to.deep.equal([{ a: 1 }]);
  });

  it('names the file in errors', async () => {
    expect((await failure(fileInput, {}, { fileName: 'bad.json', content: 'nope' })).message).to.contain('File input (bad.json)');
  });
});

describe('create/now', () => {
  it('gives the current time in each format', async () => {
    const before = Date.now();
    const ms = (await run(now, {}, { format: 'epoch-ms' })).outputs.value as number;
    expect(ms).to.be.within(before, Date.now());
    expect((await run(now, {}, { format: 'date' })).outputs.value).to.match(/^\d{4}-\d{2}-\d{2}$/);
    expect((await run(now)).outputs.value).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(now.performance?.cacheStrategy).to.equal('none');
  });
});

describe('create/sample-data', () => {
  it('is deterministic per seed and differs across seeds', async () => {
    const a = (await run(sampleData, {}, { rows: 50, seed: 7 })).outputs.rows as Record<string, unknown>[];
    const b = (await run(sampleData, {}, { rows: 50, seed: 7 })).outputs.rows;
    const c = (await run(sampleData, {}, { rows: 50, seed: 8 })).outputs.rows;
    expect(a).to.deep.equal(b);
    expect(a).not.to.deep.equal(c);
    expect(a[0]).to.have.keys(['orderId', 'date', 'customerId', 'region', 'product', 'category', 'quantity', 'unitPrice', 'total', 'status']);
    expect(a.every((row) => Math.abs((row.total as number) - (row.quantity as number) * (row.unitPrice as number)) < 0.01)).to.equal(true);
  });

  it('gives a seed the same rows as ever (random numbers drawn a block at a time, in row order)', async () => {
    // Row 2,000 of seed 7, as the generator made it when it drew one number per call: past the first block of 1,024 rows.
    const last = async (dataset: string) => ((await run(sampleData, {}, { dataset, rows: 2000, seed: 7 })).outputs.rows as unknown[])[1999];
    expect(await last('orders')).to.deep.equal({ orderId: 'O-0002000', date: '2024-10-09', customerId: 'C-0025672', region: 'Latin America', product: 'Desk', category: 'Software', quantity: 1, unitPrice: 962.7, total: 962.7, status: 'pending' });
    expect(await last('customers')).to.deep.equal({ customerId: 'C-0002000', name: 'Léa García', email: 'lea.garcia.2000@example.com', country: 'Mexico', segment: 'Small business', signupDate: '2026-07-16', lifetimeValue: 18476.03 });
    expect(await last('products')).to.deep.equal({ productId: 'P-0002000', name: 'Printer X299', category: 'Office', price: 483.9, stock: 748, rating: 4.1 });
  });

  it('keeps ids as a numbered recipe, not a string per row (a million order ids cost the source most)', async () => {
    const signal = new AbortController().signal;
    const { rows } = (await sampleData.processLogic({}, { signal, config: { rows: 1000, seed: 1, dataset: 'orders' }, nodeId: 'n', log: () => undefined }, () => undefined)) as { rows: ColumnTable };
    const ids = rows.columns[rows.names.indexOf('orderId')] as StringColumn;
    expect(Array.isArray(ids.dictionary), 'no array of strings').to.equal(false);
    expect(rowsOf(rows, 998).map((r) => r.orderId)).to.deep.equal(['O-0000999', 'O-0001000']);
    expect(rowsOf(rows).every((r) => /^C-00\d{5}$/.test(r.customerId as string)), 'customer ids').to.equal(true);
  });

  it('makes customers and products, and zero rows', async () => {
    const customers = (await run(sampleData, {}, { dataset: 'customers', rows: 20 })).outputs.rows as Record<string, string>[];
    expect(customers.every((c) => /^[a-z.]+\.\d+@example\.com$/.test(c.email)), 'ASCII e-mails').to.equal(true);
    const products = (await run(sampleData, {}, { dataset: 'products', rows: 3 })).outputs.rows as Record<string, unknown>[];
    expect(products.map((p) => p.productId)).to.deep.equal(['P-0000001', 'P-0000002', 'P-0000003']);
    expect((await run(sampleData, {}, { rows: 0 })).outputs.rows).to.deep.equal([]);
  });

  it('reports progress on large runs, honours cancel, and caps the size', async () => {
    const { outputs, progress } = await run(sampleData, {}, { rows: 120_000 });
    expect((outputs.rows as unknown[]).length).to.equal(120_000);
    // Reports come on a time budget (at most every 50 ms), so a fast run may report only its end.
    expect(progress.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= progress[i - 1])), `progress rises: ${progress}`).to.equal(true);
    expect(progress.at(-1)).to.equal(1);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(sampleData, {}, { rows: 10 }, controller.signal)).name).to.equal('AbortError');
    expect((await failure(sampleData, {}, { rows: 1_000_001 })).message).to.contain('rows must be a whole number from 0 to 1,000,000');
    expect(sampleData.performance?.backgroundProcessing).to.equal(true);
  });
});

describe('create/http-request', () => {
  const base = {};

  it('GETs JSON and CSV from the same origin', async () => {
    const json = await run(httpRequest, {}, { ...base, url: '/__fixtures__/http/orders.json' });
    expect(json.outputs).to.deep.equal({ data: [{ id: 1, total: 9.5 }, { id: 2, total: 20 }], status: 200 });
    const csv = await run(httpRequest, {}, { ...base, url: '/__fixtures__/http/orders.csv' });
    expect(csv.outputs.data).to.deep.equal([{ id: 1, total: 9.5 }, { id: 2, total: 20 }]);
  });

  it('POSTs the body input as JSON with headers', async () => {
    const { outputs } = await run(httpRequest, { body: { q: 'ü' } }, { ...base, url: '/__fixtures__/http/echo', method: 'POST', headers: { 'x-token': 't1' } });
    expect(outputs.data).to.deep.equal({ method: 'POST', body: { q: 'ü' }, token: 't1' });
  });

  it('names the URL and status when the server fails', async () => {
    const error = await failure(httpRequest, {}, { ...base, url: '/__fixtures__/http/broken' });
    expect(error.code).to.equal('http-failed');
    expect(error.message).to.contain(`${location.origin}/__fixtures__/http/broken answered 500`);
  });

  it('times out and cancels', async () => {
    const slow = await failure(httpRequest, {}, { ...base, url: '/__fixtures__/http/slow', timeoutMs: 100 });
    expect(slow.message).to.contain('/__fixtures__/http/slow did not answer within 100 ms');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure(httpRequest, {}, { ...base, url: '/__fixtures__/http/slow' }, controller.signal)).name).to.equal('AbortError');
  });

  describe('redirects', () => {
    // The test server answers on two loopback names: two origins.
    const other = location.origin.includes('localhost') ? location.origin.replace('localhost', '127.0.0.1') : location.origin.replace('127.0.0.1', 'localhost');
    const recorded = async (key: string) => (await (await fetch(`${other}/__fixtures__/http/recorded?key=${key}`)).json()) as unknown[];
    const redirect = (status: number, to: string) => `/__fixtures__/http/redirect?status=${status}&to=${encodeURIComponent(to)}`;

    for (const status of [301, 302, 303, 307, 308]) {
      it(`a ${status} from the page's origin to another origin fails, and nothing (no request, no body) reaches it`, async () => {
        const key = `r${status}-${Math.random().toString(36).slice(2)}`;
        const target = `${other}/__fixtures__/http/record?key=${key}`;
        for (const method of ['GET', 'POST']) {
          const error = await failure(httpRequest, { body: { secret: 'pin 1234' } }, { url: redirect(status, target), method });
          expect(error.code, `${method}: ${error.message}`).to.match(/^(http-failed|origin-denied)$/);
          expect(error.message, method).to.match(/redirect|allowed origin/);
        }
        expect(await recorded(key), 'requests that reached the other origin').to.deep.equal([]);
      });
    }

    it('a redirect within the page\'s origin is followed, a 307 keeping the POST body', async () => {
      const got = await run(httpRequest, {}, { url: redirect(302, '/__fixtures__/http/orders.json') });
      expect(got.outputs.data).to.deep.equal([{ id: 1, total: 9.5 }, { id: 2, total: 20 }]);
      const posted = await run(httpRequest, { body: { q: 1 } }, { url: redirect(307, '/__fixtures__/http/echo'), method: 'POST' });
      expect(posted.outputs.data).to.deep.equal({ method: 'POST', body: { q: 1 }, token: null });
    });

    it('from an allowed other origin, a redirect is refused before it is followed (a browser hides where it leads)', async () => {
      const key = `x-${Math.random().toString(36).slice(2)}`;
      const url = `${other}${redirect(307, `${location.origin}/__fixtures__/http/record?key=${key}`)}`;
      const error = await failure(httpRequest, { body: { secret: 1 } }, { url, method: 'POST' }, undefined, { host: { allowedOrigins: [other] } });
      expect(error.message).to.contain('redirect');
      expect(await (await fetch(`/__fixtures__/http/recorded?key=${key}`)).json(), 'nothing reached the target').to.deep.equal([]);
    });
  });

  it('refuses origins the host did not allow; the graph cannot widen them', async () => {
    const denied = await failure(httpRequest, {}, { url: 'http://127.0.0.2:9/x', allowedOrigins: '*', origin: 'http://127.0.0.2:9' });
    expect(denied.code, 'config keys are ignored').to.equal('origin-denied');
    expect(denied.message).to.contain(`http://127.0.0.2:9 is not an allowed origin for http://127.0.0.2:9/x (allowed: ${location.origin})`);
    const host = { host: { allowedOrigins: '*' } };
    expect((await failure(httpRequest, {}, { url: 'javascript:alert(1)' }, undefined, host)).code).to.equal('origin-denied');
    const allowed = await failure(httpRequest, {}, { url: 'http://127.0.0.2:9/x', timeoutMs: 2000 }, undefined, { host: { allowedOrigins: ['http://127.0.0.2:9'] } });
    expect(allowed.code, 'allowed by the host, then fails to connect').to.equal('http-failed');
    const elsewhere = await failure(httpRequest, {}, { url: '/__fixtures__/http/orders.json' }, undefined, { host: { origin: 'http://127.0.0.3:9' } });
    expect(elsewhere.message, 'relative URLs resolve against the host origin').to.contain('http://127.0.0.3:9/__fixtures__/http/orders.json');
  });
});
