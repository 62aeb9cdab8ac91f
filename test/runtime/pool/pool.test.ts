import { expect } from '@open-wc/testing';
import { RunErrorCodes } from '../../../src/core/run-errors.js';
import { WorkerPool, type PoolOptions } from '../../../src/runtime/pool/pool.js';
import type { SubmitOptions } from '../../../src/runtime/pool/pending-task.js';
import type { TaskError } from '../../../src/runtime/pool/protocol.js';
import { hashPorts } from '../../../src/core/engine/stable-hash.js';
import { sharedPool } from '../../../src/runtime/pool/shared-pool.js';
import { moduleUrl } from '../../fixtures/engine/index.js';
import { until, warmUp } from '../../fixtures/engine-setup.js';

const job = (name: string, config: Record<string, unknown> = {}, inputs: Record<string, unknown> = {}) => ({ nodeId: name, moduleUrl: moduleUrl(name), inputs, config });
/** A pool task's outputs (the pool also returns port hashes). */
const run = (pool: WorkerPool, j: ReturnType<typeof job>, options?: SubmitOptions) => pool.submit(j, options).then((r) => r.outputs);
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected the task to fail'), (error: TaskError) => error);

describe('WorkerPool', () => {
  const pools: WorkerPool[] = [];
  const newPool = (options: PoolOptions = {}) => {
    const pool = new WorkerPool({ size: 2, ...options });
    pools.push(pool);
    return pool;
  };
  afterEach(() => pools.splice(0).forEach((p) => p.shutdown()));

  it('runs two heavy tasks at the same time on two workers', async () => {
    const pool = newPool({ size: 2 });
    const tasksSince = await warmUp(pool, moduleUrl('number'));
    const [a, b] = await Promise.all([run(pool, job('spin', { ms: 600, steps: 6 })), run(pool, job('spin', { ms: 600, steps: 6 }))]);
    const [sa, ea, sb, eb] = [a.startedAt, a.endedAt, b.startedAt, b.endedAt] as number[];
    expect(sa < eb && sb < ea, `windows [${sa}, ${ea}] and [${sb}, ${eb}] overlap`).to.equal(true);
    expect(pool.mode).to.equal('worker');
    expect(tasksSince(), 'one task on each worker').to.deep.equal([1, 1]);
  });

  it('cancels a running task that honours its signal, without a restart', async () => {
    const pool = newPool({ size: 1, cancelGraceMs: 5000 });
    const controller = new AbortController();
    const task = run(pool, job('spin', { ms: 10000, steps: 1000 }), { signal: controller.signal, onStart: () => setTimeout(() => controller.abort(), 50) });
    expect(await failure(task)).to.include({ name: 'AbortError', code: 'cancelled' });
    expect(pool.metrics().workers[0].restarts).to.equal(0);
  });

  it('cancels a stuck task by replacing its worker; the next task works', async () => {
    const pool = newPool({ size: 1, cancelGraceMs: 100 });
    const controller = new AbortController();
    const task = run(pool, job('forever'), { signal: controller.signal, onStart: () => setTimeout(() => controller.abort(), 50) });
    expect(await failure(task)).to.include({ name: 'AbortError' });
    expect(pool.metrics().workers[0].restarts).to.equal(1);
    expect(await run(pool, job('number', { value: 3 }))).to.deep.equal({ value: 3 });
  });

  it('times out an endless loop, replaces the worker and runs the next task', async () => {
    const pool = newPool({ size: 1 });
    const error = await failure(run(pool, job('forever'), { timeoutMs: 300 }));
    expect(error).to.include({ name: 'TimeoutError', code: RunErrorCodes.taskTimeout });
    expect(await run(pool, job('number', { value: 4 }))).to.deep.equal({ value: 4 });
    const [worker] = pool.metrics().workers;
    expect(worker).to.include({ timeouts: 1, restarts: 1, starts: 2, failures: 1 });
  });

  /** The order in which tasks submitted behind a running one start, on a pool of one worker. */
  const startOrder = async (tasks: [string, SubmitOptions][]) => {
    const pool = newPool({ size: 1 });
    const order: string[] = [];
    const submit = (name: string, options: SubmitOptions) => run(pool, job('number', { value: 1 }), { ...options, onStart: () => order.push(name) });
    let started!: () => void;
    const blockerStarted = new Promise<void>((r) => (started = r));
    const blocker = run(pool, job('spin', { ms: 300 }), { onStart: () => (order.push('blocker'), started()) });
    await blockerStarted;
    await Promise.all([blocker, ...tasks.map(([name, options]) => submit(name, options))]);
    return order;
  };

  it('starts queued tasks by priority, FIFO within a priority, when saturated', async () => {
    const order = await startOrder([['low', { priority: 'low' }], ['normal1', {}], ['high1', { priority: 'high' }], ['normal2', {}], ['high2', { priority: 'high' }]]);
    expect(order).to.deep.equal(['blocker', 'high1', 'high2', 'normal1', 'normal2', 'low']);
  });

  it('starts the task with the most work behind it first, within a priority', async () => {
    const order = await startOrder([['short', { pathMs: 10 }], ['untimed', {}], ['long', { pathMs: 90 }], ['high', { priority: 'high', pathMs: 1 }], ['middle', { pathMs: 40 }]]);
    expect(order).to.deep.equal(['blocker', 'high', 'long', 'middle', 'short', 'untimed']);
  });

  it('retries failures marked retryable with backoff, and not others', async () => {
    const pool = newPool({ size: 1, retryDelayMs: 20 });
    expect(await run(pool, job('fail', { failTimes: 2, retryable: true }))).to.deep.equal({ value: 3 });
    expect(pool.metrics().workers[0].failures).to.equal(2);
    const error = await failure(run(pool, job('fail', { failTimes: 99, retryable: false })));
    expect(error).to.include({ name: 'BoomError', code: 'boom', message: 'boom on call 4' });
    expect(await failure(run(pool, job('fail', { failTimes: 99, retryable: true }), { retries: 1 }))).to.include({ message: 'boom on call 6' });
  });

  it('sends queued small tasks to a worker in one message', async () => {
    const pool = newPool({ size: 1 });
    let started!: () => void;
    const blocker = run(pool, job('spin', { ms: 200 }), { onStart: () => started() });
    await new Promise<void>((r) => (started = r));
    const values = await Promise.all([1, 2, 3, 4, 5, 6].map((value) => run(pool, job('number', { value }), { small: true })));
    await blocker;
    expect(values.map((v) => v.value)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(pool.metrics().workers[0]).to.include({ tasks: 7, batches: 2 });
  });

  it('fails a task whose inputs cannot be cloned, without retrying, and goes on', async () => {
    const pool = newPool({ size: 1 });
    const error = await failure(run(pool, job('add', { plus: 0 }, { a: () => 1 })));
    expect(error.name).to.equal('DataCloneError');
    expect(pool.metrics().workers[0].failures, 'no retries').to.equal(1);
    expect(await run(pool, job('add', { plus: 0 }, { a: 1, b: 1 }))).to.deep.equal({ sum: 2 });
  });

  it('waits for dependencies and fails when one fails', async () => {
    const pool = newPool({ size: 2 });
    const done: string[] = [];
    const first = run(pool, job('spin', { ms: 100 })).then((r) => (done.push('first'), r));
    const second = run(pool, job('number', { value: 1 }), { dependsOn: [first], onStart: () => done.push('second started') });
    await second;
    expect(done).to.deep.equal(['first', 'second started']);
    const broken = run(pool, job('fail', { failTimes: -1 }));
    const error = await failure(run(pool, job('number'), { dependsOn: [broken] }));
    expect(error).to.include({ code: RunErrorCodes.dependencyFailed });
  });

  it('transfers typed arrays back and reports progress in order', async () => {
    const pool = newPool({ size: 1 });
    const { outputs, portHashes } = await pool.submit(job('buffer', { length: 1_000_000 }));
    const data = outputs.data as Float64Array;
    expect(data).to.be.instanceOf(Float64Array);
    expect(portHashes, 'hashed in the worker, as the main thread would').to.deep.equal(hashPorts(outputs));
    expect([data.length, data[10], data[999_999]]).to.deep.equal([1_000_000, 5, 499_999.5]);
    const progress: number[] = [];
    await run(pool, job('spin', { ms: 40, steps: 20 }), { onProgress: (f) => progress.push(f) });
    expect(progress).to.deep.equal(Array.from({ length: 20 }, (_, i) => (i + 1) / 20));
  });

  it('terminates idle workers, and every worker when its last user leaves', async () => {
    const pool = newPool({ size: 2, idleTimeoutMs: 100 });
    await run(pool, job('number'));
    await until(() => pool.metrics().workers[0].state === 'idle');
    await until(() => pool.metrics().workers.every((w) => w.state === 'stopped'));
    const release = pool.acquire();
    await run(pool, job('number'));
    const pending = failure(run(pool, job('spin', { ms: 5000 })));
    release();
    expect(await pending).to.include({ name: 'AbortError' });
    expect(pool.metrics().workers.map((w) => w.state)).to.deep.equal(['stopped', 'stopped']);
    expect(pool.metrics().workers[0].starts).to.equal(2);
  });

  it('replaces a worker that stops answering health pings', async () => {
    const pool = newPool({ size: 1, healthIntervalMs: 100, pingTimeoutMs: 150 });
    expect(await run(pool, job('hang-later'))).to.deep.equal({ value: 1 });
    await until(() => pool.metrics().workers[0].restarts >= 1);
    expect(await run(pool, job('number', { value: 8 }))).to.deep.equal({ value: 8 });
  });

  it('falls back to the main thread with one warning when the worker cannot start', async () => {
    const pool = newPool({ workerUrl: new URL('./no-such-worker.js', import.meta.url).href });
    const warnings: string[] = [];
    pool.onWarning((w) => warnings.push(`${w.from}>${w.to}`));
    const results = await Promise.all([run(pool, job('number', { value: 2 })), run(pool, job('add', { plus: 1 }, { a: 2, b: 3 }))]);
    expect(results).to.deep.equal([{ value: 2 }, { sum: 6 }]);
    expect(pool.mode).to.equal('main');
    expect(warnings).to.deep.equal(['worker>main']);
    expect(pool.warnings[0].message).to.contain('main thread');
  });

  it('yields on the main thread while a node awaits reportProgress', async () => {
    const pool = newPool({ mode: 'main' });
    let frames = 0;
    let running = true;
    const tick = () => (frames++, running && requestAnimationFrame(tick));
    requestAnimationFrame(tick);
    try {
      await run(pool, job('spin', { ms: 1000, steps: 100 }));
    } finally {
      running = false;
    }
    // 1 s of wall-clock work yielding every 8 ms (a MessageChannel turn, which lets the page
    // paint; scheduler.yield() would not): about 60 frames on a quiet machine, fewer when loaded.
    expect(frames, 'frames drawn during 1 s of main-thread work').to.be.greaterThan(15);
  });

  it('runs on the bundled, self-contained dist/worker.js', async () => {
    const pool = newPool({ size: 1, workerUrl: new URL('../../../worker.js', import.meta.url).href });
    expect(await run(pool, job('add', { plus: 1 }, { a: 1, b: 1 }))).to.deep.equal({ sum: 3 });
    expect([pool.mode, pool.warnings.length]).to.deep.equal(['worker', 0]);
  });

  it('is one instance per worker URL on a page', () => {
    expect(sharedPool()).to.equal(sharedPool());
    const first = sharedPool();
    first.acquire()();
    expect(sharedPool(), 'a pool is forgotten once its last user left').to.not.equal(first);
    expect(sharedPool({ workerUrl: new URL('./other.js', import.meta.url).href })).to.not.equal(sharedPool());
  });
});

describe('WorkerPool from another origin', () => {
  it('starts a blob-URL module worker that imports the cross-origin worker script', async () => {
    const url = new URL('../../../src/runtime/pool/worker.js', import.meta.url);
    url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const pool = new WorkerPool({ workerUrl: url.href, size: 1 });
    try {
      expect(await run(pool, job('add', { plus: 0 }, { a: 1, b: 2 }))).to.deep.equal({ sum: 3 });
      expect(pool.mode).to.equal('blob');
      expect(pool.warnings.map((w) => `${w.from}→${w.to}`), 'one warning says why').to.deep.equal(['worker→blob']);
      expect(pool.warnings[0].message).to.contain('another origin');
    } finally {
      pool.shutdown();
    }
  });
});

describe('WorkerPool with every worker stuck', () => {
  it('starts an extra worker so waiting tasks run before the hung ones time out, and stops it after', async () => {
    const pool = new WorkerPool({ size: 2, stuckAfterMs: 300, extraWorkers: 1, taskTimeoutMs: 8000, idleTimeoutMs: 60000 });
    try {
      await warmUp(pool, moduleUrl('number'));
      const hung = [run(pool, job('forever')), run(pool, job('forever'))].map((p) => p.catch((error: TaskError) => error));
      const started = performance.now();
      expect(await run(pool, job('number', { value: 7 })), 'the waiting task ran').to.deep.equal({ value: 7 });
      const waited = performance.now() - started;
      expect(waited, `ran after ${Math.round(waited)} ms, long before the 8 s timeout`).to.be.below(4000);
      expect(pool.metrics().workers.length, 'one extra worker at most').to.be.at.most(3);
      await until(() => pool.metrics().workers.length === 2);
      pool.shutdown();
      expect((await Promise.all(hung)).map((e) => (e as TaskError).code)).to.deep.equal(['cancelled', 'cancelled']);
    } finally {
      pool.shutdown();
    }
  });
});
