import { expect, waitUntil } from '@open-wc/testing';
import { node, runnable, wire } from './helpers.js';

const chain = () => ({
  version: 2,
  nodes: [node('a', 'create/number', { value: 1 }), node('b', 'create/number', { value: 2 }, 200), node('sum', 'transform/add', {}, 400), node('slow', 'utility/spin', { ms: 20, steps: 2 }, 600)],
  edges: [wire('a', 'value', 'sum', 'a'), wire('b', 'value', 'sum', 'b'), wire('sum', 'sum', 'slow', 'value')],
});

const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

describe('under load', () => {
  it('100 runs in a row while editing all complete with the right result', async () => {
    const el = await runnable(chain());
    let completed = 0;
    for (let i = 0; i < 100; i++) {
      el.store.updateConfig('a', { value: i });
      if (i % 10 === 0) el.store.moveNodes([{ id: 'b', position: { x: 200 + i, y: 0 } }]);
      const summary = await el.run();
      if (summary.status === 'done') completed++;
      expect(el.nodeState('sum')!.output).to.deep.equal({ sum: i + 2 });
    }
    expect(completed).to.equal(100);
    console.log(`load: 100 runs completed: ${completed}`);
  });

  it('1,000 rapid edits with auto-run: stale runs are cancelled, the queue stays bounded, the end result is right', async () => {
    const graph = chain();
    graph.nodes[3].config = { ms: 400, steps: 8 };
    const el = await runnable(graph, { autoRun: true });
    await waitUntil(() => el.nodeState('slow')?.status === 'done', 'the first auto-run', { timeout: 10000 });
    let ends = 0;
    let cancelled = 0;
    el.addEventListener('v2u-run-end', (e) => {
      ends++;
      if (e.detail.summary.status === 'cancelled' || e.detail.summary.cancelled.length) cancelled++;
    });
    let peakQueue = 0;
    const before = heap();
    for (let i = 1; i <= 1000; i++) {
      el.store.updateConfig('a', { value: i });
      peakQueue = Math.max(peakQueue, el.metrics.pool?.queued ?? 0);
      // Pauses longer than the debounce let runs start, so later edits must cancel them.
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 300));
    }
    await waitUntil(() => !el.running && el.nodeState('slow')?.output?.value === 1000 + 2 + 1, 'the last edit wins', { timeout: 15000 });
    const after = heap();
    expect(peakQueue, `peak queue ${peakQueue}`).to.be.at.most(4);
    expect(ends, 'far fewer runs than edits').to.be.below(200);
    expect(ends, 'runs started between bursts').to.be.greaterThan(1);
    expect(cancelled, 'each burst cancelled the stale run').to.be.greaterThan(0);
    console.log(`load: 1000 edits → ${ends} runs (${cancelled} with stale work cancelled), peak queue ${peakQueue}, heap ${(before / 1e6).toFixed(1)} → ${(after / 1e6).toFixed(1)} MB`);
  });

  it('20 editors on one page share the pool and each gets its own result', async () => {
    const editors = [];
    for (let i = 0; i < 20; i++) {
      const graph = chain();
      graph.nodes[0].config = { value: i * 10 };
      editors.push(await runnable(graph));
    }
    const summaries = await Promise.all(editors.map((el) => el.run()));
    expect(summaries.every((s) => s.status === 'done')).to.equal(true);
    editors.forEach((el, i) => expect(el.nodeState('sum')!.output).to.deep.equal({ sum: i * 10 + 2 }));
    const pool = editors[0].metrics.pool!;
    expect(pool.users).to.equal(20);
    expect(pool.workers.length).to.be.at.most(Math.min(8, navigator.hardwareConcurrency));
    console.log(`load: 20 editors, ${pool.workers.length} shared workers, ${pool.workers.reduce((n, w) => n + w.tasks, 0)} tasks`);
  });
});
