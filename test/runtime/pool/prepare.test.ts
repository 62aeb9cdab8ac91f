import { expect } from '@open-wc/testing';
import { FlowEngine } from '../../../src/core/engine/engine.js';
import type { RunPlan } from '../../../src/core/engine/types.js';
import { browserClock as clock } from '../../../src/runtime/pool/clock.js';
import { WorkerPool } from '../../../src/runtime/pool/pool.js';
import { poolExecutor } from '../../../src/runtime/pool/shared-pool.js';
import { engineOn, until } from '../../fixtures/engine-setup.js';
import { moduleUrl, resolveFixture } from '../../fixtures/engine/index.js';
import { flow, withConfig } from '../../fixtures/flows.js';

const ROWS = 30000;
/** A source feeding `branches` totals (each spins `spinMs.total`, never yielding). */
const fanOut = (branches: number, spinMs: { src: number; total: number }) =>
  flow(
    [['src', 'create/range', { rows: ROWS, spinMs: spinMs.src }], ...Array.from({ length: branches }, (_, b) => [`t${b}`, 'transform/total', { factor: b + 1, spinMs: spinMs.total }] as [string, string, Record<string, unknown>])],
    Array.from({ length: branches }, (_, b) => `src.rows>t${b}.rows`),
  );
const chain = () => flow([['src', 'create/range', { rows: 10 }], ['t1', 'transform/total'], ['t2', 'transform/total', { factor: 2 }]], ['src.rows>t1.rows', 't1.rows>t2.rows']);
const started = (pool: WorkerPool) => pool.metrics().workers.filter((w) => w.starts > 0).length;

describe('a run prepares the pool', () => {
  it('warmed ahead of a run, starts one worker, which stops after the idle period if no run comes', async () => {
    const { engine, pool, dispose } = engineOn({ size: 2, idleTimeoutMs: 300 });
    try {
      engine.setDocument(chain());
      engine.warm();
      await until(() => pool.metrics().workers.some((w) => w.state === 'idle'));
      expect(started(pool), 'one worker, before any task').to.equal(1);
      expect(pool.metrics().workers.every((w) => w.tasks === 0), 'no task ran').to.equal(true);
      await until(() => pool.metrics().workers.every((w) => w.state === 'stopped'));
      expect((await engine.run()).status, 'a run after it starts again').to.equal('done');
    } finally {
      dispose();
    }
  });

  it('tells the executor how wide the run is', async () => {
    const plans: RunPlan[] = [];
    const pool = new WorkerPool({ size: 2 });
    const executor = { ...poolExecutor(pool), prepare: (plan: RunPlan) => plans.push(plan) };
    const engine = new FlowEngine({ resolve: resolveFixture, executor, clock, autoRun: false });
    try {
      engine.setDocument(fanOut(3, { src: 0, total: 0 }));
      await engine.run();
      engine.setDocument(chain());
      await engine.run();
      expect(plans.map((p) => p.width), 'three branches, then a chain').to.deep.equal([3, 1]);
      expect(plans.map((p) => p.modules), 'each module once, first needed first').to.deep.equal([
        [moduleUrl('range'), moduleUrl('total')],
        [moduleUrl('range'), moduleUrl('total')],
      ]);
    } finally {
      engine.dispose();
      pool.shutdown();
    }
  });

  it('starts the second worker while the source still runs, when the run has branches for it', async () => {
    const { engine, pool, dispose } = engineOn({ size: 2 });
    try {
      engine.setDocument(fanOut(2, { src: 1500, total: 0 }));
      const done = engine.run();
      await until(() => engine.state('src').status === 'running');
      await until(() => started(pool) === 2 || engine.state('src').status !== 'running');
      expect(engine.state('src').status, 'the source was still running').to.equal('running');
      expect(started(pool), 'both workers started').to.equal(2);
      expect((await done).status).to.equal('done');
    } finally {
      dispose();
    }
  });

  it('warmed ahead of a run, its worker imports the graph\'s node modules before any task', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      engine.setDocument(flow([['s', 'utility/stamp']]));
      engine.warm();
      await until(() => pool.metrics().workers.some((w) => w.state === 'idle'));
      // Long enough for a local import of a small module; the task is only sent after it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const pressedAt = performance.timeOrigin + performance.now();
      expect((await engine.run()).status).to.equal('done');
      expect(output('s', 'loadedAt') as number, 'the module loaded before the run began').to.be.below(pressedAt);
      expect(pool.metrics().workers.every((w) => w.tasks <= 1), 'nothing ran but the node').to.equal(true);
    } finally {
      dispose();
    }
  });

  it('has the worker that waits for the source import the nodes that follow it', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    let sourceDoneAt = Infinity;
    const stop = engine.subscribe((event) => {
      if (event.type === 'node-status' && event.nodeId === 'src' && event.state.status === 'done') sourceDoneAt = performance.timeOrigin + performance.now();
    });
    try {
      engine.setDocument(flow([['src', 'create/range', { spinMs: 1000 }], ['a', 'utility/stamp', { spinMs: 300 }], ['b', 'utility/stamp', { spinMs: 300 }]], ['src.rows>a.after', 'src.rows>b.after']));
      expect((await engine.run()).status).to.equal('done');
      expect(started(pool), 'both workers started').to.equal(2);
      // Without importing ahead, no worker loads the stamp module before the source is done: its nodes wait for the source.
      const loaded = Math.min(output('a', 'loadedAt') as number, output('b', 'loadedAt') as number);
      expect(loaded, 'the idle worker loaded the module while the source ran').to.be.below(sourceDoneAt);
    } finally {
      stop();
      dispose();
    }
  });

  it('starts one worker for a chain', async () => {
    const { engine, pool, dispose } = engineOn({ size: 2 });
    try {
      engine.setDocument(chain());
      expect((await engine.run()).status).to.equal('done');
      expect(started(pool), 'one worker').to.equal(1);
    } finally {
      dispose();
    }
  });

  it('forgets the plan once idle: after its workers stopped, a lone task starts one worker', async () => {
    const pool = new WorkerPool({ size: 2, idleTimeoutMs: 50 });
    const task = () => pool.submit({ nodeId: 'n', moduleUrl: moduleUrl('number'), inputs: {}, config: { value: 1 } });
    try {
      pool.prepare(2);
      await task();
      await until(() => started(pool) === 2);
      await until(() => pool.metrics().workers.every((w) => w.state === 'stopped'));
      await task();
      expect(pool.metrics().workers.filter((w) => w.state !== 'stopped').length, 'one worker').to.equal(1);
    } finally {
      pool.shutdown();
    }
  });

  it('copies the source to the idle worker at once: its branch runs while the holder runs another that never yields', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      // A first run imports every module in both workers, so the holder's next task starts without waiting for an import.
      engine.setDocument(fanOut(2, { src: 0, total: 0 }));
      await engine.run();
      engine.setDocument(withConfig(fanOut(2, { src: 300, total: 800 }), 'src', { rows: ROWS + 1 }));
      expect((await engine.run()).status).to.equal('done');
      const [s0, e0, s1, e1] = ['t0.startedAt', 't0.endedAt', 't1.startedAt', 't1.endedAt'].map((at) => output(...(at.split('.') as [string, string])) as number);
      expect(s0 < e1 && s1 < e0, `t0 [${s0}, ${e0}] and t1 [${s1}, ${e1}] overlap`).to.equal(true);
      expect(pool.metrics().workers.reduce((n, w) => n + w.copies, 0), 'one copy').to.equal(1);
    } finally {
      dispose();
    }
  });
});

