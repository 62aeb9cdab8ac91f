import { expect } from '@open-wc/testing';

interface Reply {
  outputs?: Record<string, unknown>;
  error?: { name: string; message: string; code?: string };
  progress: number[];
}

const nodeUrl = (path: string) => new URL(`../../src/nodes/${path}.js`, import.meta.url).href;

/** Runs one node module inside a real module Worker, importing it by URL as the pool will. */
function runInWorker(worker: Worker, path: string, inputs: Record<string, unknown>, config: Record<string, unknown> = {}, onProgress?: () => void): Promise<Reply> {
  const progress: number[] = [];
  return new Promise((resolve) => {
    worker.onmessage = ({ data }) => {
      if ('progress' in data) return (progress.push(data.progress), onProgress?.());
      resolve({ ...data, progress });
    };
    worker.postMessage({ url: nodeUrl(path), inputs, config });
  });
}

describe('node modules in a real module Worker', () => {
  let worker: Worker;
  beforeEach(() => (worker = new Worker(new URL('./fixtures/node-worker.js', import.meta.url), { type: 'module' })));
  afterEach(() => worker.terminate());

  it('runs sample data → filter → group → hash, with progress, off the main thread', async () => {
    const sample = await runInWorker(worker, 'create/sample-data', {}, { rows: 60_000, seed: 3 });
    const rows = sample.outputs!.rows as Record<string, unknown>[];
    expect(rows).to.have.length(60_000);
    expect(sample.progress.at(-1), 'progress crossed the worker boundary').to.equal(1);
    const filtered = await runInWorker(worker, 'transform/filter', { rows }, { expression: 'status = "paid" and total > 500' });
    const kept = filtered.outputs!.rows as Record<string, unknown>[];
    expect(kept.length).to.equal(rows.filter((r) => r.status === 'paid' && (r.total as number) > 500).length);
    const grouped = await runInWorker(worker, 'transform/group', { rows: kept }, { groupBy: 'region', aggregations: 'n = count()' });
    expect((grouped.outputs!.rows as { n: number }[]).reduce((sum, g) => sum + g.n, 0)).to.equal(kept.length);
    const hashed = await runInWorker(worker, 'utility/hash', { value: 'abc' });
    expect(hashed.outputs!.value).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('fetches from the same origin inside the worker, and refuses others', async () => {
    const reply = await runInWorker(worker, 'create/http-request', {}, { url: '/__fixtures__/http/orders.csv' });
    expect(reply.outputs).to.deep.equal({ data: [{ id: 1, total: 9.5 }, { id: 2, total: 20 }], status: 200 });
    const denied = await runInWorker(worker, 'create/http-request', {}, { url: 'http://127.0.0.2:9/x' });
    expect(denied.error!.code).to.equal('origin-denied');
  });

  it('brings expression errors back with their position, as plain data', async () => {
    const reply = await runInWorker(worker, 'transform/filter', { rows: [{ a: 1 }] }, { expression: 'a = = 1' });
    expect(reply.error!.name).to.equal('V2uError');
    expect(reply.error!.code).to.equal('bad-expression');
    expect(reply.error!.message).to.match(/"a = = 1".* at position \d+/);
  });

  it('cancels a long run when told to', async () => {
    const rows = Array.from({ length: 400_000 }, (_, i) => ({ i }));
    // `$number()` takes JSONata's row-by-row path: the fast column path may finish before the abort arrives.
    const reply = await runInWorker(worker, 'transform/filter', { rows }, { expression: '$number(i) % 2 = 0' }, () => worker.postMessage('abort'));
    expect(reply.error?.name).to.equal('AbortError');
  });
});
