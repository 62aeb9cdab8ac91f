import { expect } from '@open-wc/testing';
import { isOutputRef, type OutputRef } from '../../../src/core/engine/output-ref.js';
import { engineOn, until, warmUp } from '../../fixtures/engine-setup.js';
import { moduleUrl } from '../../fixtures/engine/index.js';
import { flow, withConfig } from '../../fixtures/flows.js';

const ROWS = 30000;
const SUM = (ROWS * (ROWS - 1)) / 2;
const kept = (pool: { metrics(): { workers: { kept: number }[] } }) => pool.metrics().workers.map((w) => w.kept);
/** A source of ROWS rows feeding `branches` totals; `spinMs` makes the source and the totals cost time. */
const fanOut = (branches: number, spinMs = { src: 0, total: 0 }) =>
  flow(
    [
      ['src', 'create/range', { rows: ROWS, spinMs: spinMs.src }],
      ...Array.from({ length: branches }, (_, b) => [`t${b}`, 'transform/total', { factor: b + 1, spinMs: spinMs.total }] as [string, string, Record<string, unknown>]),
    ],
    Array.from({ length: branches }, (_, b) => `src.rows>t${b}.rows`),
  );

describe('outputs kept in workers', () => {
  it('keeps a long table in its worker: the page gets its length and first rows, the next node the rows', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      engine.setDocument(fanOut(1));
      const summary = await engine.run();
      expect(summary.status).to.equal('done');
      const ref = output('src', 'rows') as OutputRef;
      expect(isOutputRef(ref), 'a handle').to.equal(true);
      expect(ref.length).to.equal(ROWS);
      expect(ref.head).to.have.length(100);
      expect(ref.head[0]).to.deep.equal({ i: 0, even: true });
      expect(output('t0', 'total')).to.equal(SUM);
      expect(kept(pool).reduce((a, b) => a + b)).to.be.greaterThan(0);
      const full = await engine.output('src');
      expect((full!.rows as unknown[]).length).to.equal(ROWS);
      expect((full!.rows as { i: number }[])[ROWS - 1]).to.deep.equal({ i: ROWS - 1, even: false });
    } finally {
      dispose();
    }
  });

  it('sends short outputs to the page as they are', async () => {
    const { engine, output, dispose } = engineOn({ size: 2 });
    try {
      engine.setDocument(withConfig(fanOut(1), 'src', { rows: 10 }));
      await engine.run();
      expect(output('src', 'rows')).to.have.length(10);
      expect(output('t0', 'total')).to.equal(45);
    } finally {
      dispose();
    }
  });

  /** Runs a 4-branch fan-out on a warm 2-worker pool; checks every total and that both workers worked. */
  async function fanOutOnTwo(spinMs: { src: number; total: number }) {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      const tasksSince = await warmUp(pool, moduleUrl('number'));
      engine.setDocument(fanOut(4, spinMs));
      expect((await engine.run()).status).to.equal('done');
      for (let b = 0; b < 4; b++) expect(output(`t${b}`, 'total'), `t${b}`).to.equal(SUM * (b + 1));
      expect(tasksSince().every((n) => n > 0), 'both workers ran branches').to.equal(true);
      const workers = pool.metrics().workers;
      return { kept: kept(pool), copies: workers.reduce((n, w) => n + w.copies, 0), rebuilds: workers.reduce((n, w) => n + w.rebuilds, 0) };
    } finally {
      dispose();
    }
  }

  it('copies a kept table to another worker, worker to worker, when its holder stays busy and making it again costs more', async () => {
    // Copying 30,000 rows is reckoned at ~210 ms: the source takes longer, each total 400 ms.
    const { kept: keptBy, copies, rebuilds } = await fanOutOnTwo({ src: 400, total: 400 });
    expect(keptBy.every((n) => n > 0), 'both workers keep tables').to.equal(true);
    expect([copies, rebuilds], 'one copy, nothing made again').to.deep.equal([1, 0]);
  });

  it('makes a cheap kept table again on another worker instead of copying it', async () => {
    const { copies, rebuilds } = await fanOutOnTwo({ src: 0, total: 200 });
    expect([copies, rebuilds], 'the range made again once, nothing copied').to.deep.equal([0, 1]);
  });

  it('runs a chain on the worker that holds its tables, though another worker is idle', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      const tasksSince = await warmUp(pool, moduleUrl('number'));
      engine.setDocument(flow([['src', 'create/range', { rows: ROWS }], ['t1', 'transform/total'], ['t2', 'transform/total', { factor: 2 }]], ['src.rows>t1.rows', 't1.rows>t2.rows']));
      await engine.run();
      expect(output('t2', 'total')).to.equal(SUM * 2);
      expect(tasksSince().sort(), 'one worker ran all three').to.deep.equal([0, 3]);
      expect(kept(pool).sort(), 'no copy was made').to.deep.equal([0, 3]);
    } finally {
      dispose();
    }
  });

  it('runs the upstream node again when the worker keeping its output is gone', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2 });
    try {
      const doc = fanOut(1);
      engine.setDocument(doc);
      await engine.run();
      pool.shutdown();
      engine.setDocument(withConfig(doc, 't0', { factor: 3 }));
      expect([...engine.dirty]).to.deep.equal(['t0']);
      const summary = await engine.run();
      expect(summary.status).to.equal('done');
      expect(summary.executed).to.have.members(['src', 't0']);
      expect(output('t0', 'total')).to.equal(SUM * 3);
    } finally {
      dispose();
    }
  });

  it('frees kept tables once nothing needs them', async () => {
    const { engine, pool, dispose } = engineOn({ size: 1 });
    try {
      let doc = fanOut(1);
      engine.setDocument(doc);
      await engine.run();
      const first = kept(pool)[0];
      expect(first, 'source rows and passed-on rows').to.equal(2);
      for (const rows of [ROWS + 1, ROWS + 2, ROWS + 3]) {
        engine.setDocument((doc = withConfig(doc, 'src', { rows })));
        await engine.run();
      }
      expect(kept(pool)[0], 'old versions released').to.equal(first);
      engine.dispose();
      await until(() => kept(pool)[0] === 0);
    } finally {
      dispose();
    }
  });

  it('fails a node that changes a kept input in place, and other readers still see it intact', async () => {
    const { engine, output, dispose } = engineOn({ size: 1 });
    try {
      engine.setDocument(flow([['src', 'create/range', { rows: ROWS }], ['bad', 'transform/reverse-in-place'], ['t', 'transform/total']], ['src.rows>bad.rows', 'src.rows>t.rows']));
      const summary = await engine.run();
      expect(summary.failed).to.deep.equal(['bad']);
      expect(engine.state('bad').error?.message).to.match(/read.only/i);
      expect(output('t', 'total')).to.equal(SUM);
      expect(((await engine.output('src'))!.rows as { i: number }[])[0].i).to.equal(0);
    } finally {
      dispose();
    }
  });

  it('keeps nothing on the main thread: outputs are plain there', async () => {
    const { engine, output, dispose } = engineOn({ mode: 'main', size: 1 });
    try {
      engine.setDocument(fanOut(1));
      await engine.run();
      expect(output('src', 'rows')).to.have.length(ROWS);
      expect(output('t0', 'total')).to.equal(SUM);
    } finally {
      dispose();
    }
  });
});

describe('outputs kept in workers, when the holder dies', () => {
  it('a node waiting for a table from a worker that is replaced runs its upstream again', async () => {
    const { engine, pool, output, dispose } = engineOn({ size: 2, taskTimeoutMs: 1500 });
    try {
      await warmUp(pool, moduleUrl('number'));
      // The rows are made on one worker while the other spins; the stall then takes the rows'
      // worker, so the total (which waits for the spin) goes to the other one and asks the
      // stalled holder for the rows, which never answers until the timeout replaces it.
      engine.setDocument(
        flow(
          [['spin', 'utility/spin', { ms: 400, steps: 4 }], ['src', 'create/range', { rows: ROWS, spinMs: 300 }], ['stall', 'utility/stall'], ['t', 'transform/total']],
          ['src.rows>stall.rows', 'src.rows>t.rows', 'spin.value>t.after'],
        ),
      );
      const summary = await engine.run();
      expect(engine.state('stall').error?.code).to.equal('task-timeout');
      expect(output('t', 'total')).to.equal(SUM);
      expect(summary.executed.filter((id) => id === 'src'), 'the source ran again').to.have.length(2);
      expect(pool.metrics().workers.reduce((n, w) => n + w.restarts, 0)).to.equal(1);
    } finally {
      dispose();
    }
  });
});
