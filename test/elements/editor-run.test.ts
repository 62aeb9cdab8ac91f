import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, centerOf, mountRunnable } from './editor-helpers.js';

const TYPES = ['create/number', 'transform/add', 'utility/spin', 'utility/fail'];

const flow = {
  version: 2,
  nodes: [
    { id: 'a', type: 'create/number', position: { x: 20, y: 20 }, config: { value: 2 } },
    { id: 'b', type: 'create/number', position: { x: 20, y: 200 }, config: { value: 3 } },
    { id: 'sum', type: 'transform/add', position: { x: 300, y: 80 }, config: {} },
    { id: 'bad', type: 'utility/fail', position: { x: 300, y: 300 }, config: {} },
    { id: 'after', type: 'transform/add', position: { x: 600, y: 300 }, config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'a', port: 'value' }, to: { node: 'sum', port: 'a' } },
    { id: 'e2', from: { node: 'b', port: 'value' }, to: { node: 'sum', port: 'b' } },
    { id: 'e3', from: { node: 'b', port: 'value' }, to: { node: 'bad', port: 'value' } },
    { id: 'e4', from: { node: 'bad', port: 'value' }, to: { node: 'after', port: 'a' } },
  ],
};

/** The fixture flow in an editor whose registry knows the engine's fixture nodes. */
const runnableEditor = (graph: unknown = flow, autoRun = false) => mountRunnable(graph, TYPES, autoRun);

/** A number into a spin node named `slow` that busies its worker `ms` long in `steps` progress steps. */
const slowFlow = (ms: number, steps: number) => ({
  version: 2,
  nodes: [
    { id: 'n', type: 'create/number', position: { x: 20, y: 20 }, config: { value: 1 } },
    { id: 'slow', type: 'utility/spin', position: { x: 300, y: 20 }, config: { ms, steps } },
  ],
  edges: [{ id: 'e', from: { node: 'n', port: 'value' }, to: { node: 'slow', port: 'value' } }],
});

const statusText = (el: V2uEditor, id: string) => $(el, `[data-node="${id}"] [part~="node-status"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<v2u-editor> running flows', () => {
  it('runs the graph in workers, shows status, duration and preview, and isolates a failing branch', async () => {
    const el = await runnableEditor();
    const events: string[] = [];
    for (const type of ['v2u-run-start', 'v2u-run-end'] as const) el.addEventListener(type, () => events.push(type));
    const errors: string[] = [];
    el.addEventListener('v2u-error', (e) => errors.push(`${e.detail.source}:${(e.detail as { nodeId?: string }).nodeId}`));
    const summary = await el.run();
    expect(summary.status).to.equal('error');
    expect(el.nodeState('sum')!.output).to.deep.equal({ sum: 5 });
    expect(el.nodeState('bad')!.status).to.equal('error');
    expect(el.nodeState('after')!.status, 'downstream of the failure does not run').to.equal('cancelled');
    expect(events).to.deep.equal(['v2u-run-start', 'v2u-run-end']);
    expect(errors).to.deep.equal(['run:bad']);
    await el.updateComplete;
    expect(statusText(el, 'sum')).to.match(/^done \d+(\.\d+)? (ms|s) 5$/);
    expect(statusText(el, 'bad')).to.contain('error').and.contain('boom on call');
    expect(el.graph.nodes, 'nothing is lost').to.have.length(5);
    expect(el.metrics.pool!.workers.length, 'it ran on the shared pool').to.be.greaterThan(0);
  });

  it('re-runs only what an edit made dirty, by itself when auto-run is on', async () => {
    const el = await runnableEditor(flow, true);
    // The first auto-run (and any run the library's arrival starts) must be over before the edit.
    await waitUntil(() => el.nodeState('sum')?.status === 'done' && el.nodeState('bad')?.status === 'error' && !el.running, 'auto-run runs the graph');
    await new Promise((r) => setTimeout(r, 300));
    await waitUntil(() => !el.running, 'no run in flight');
    const ended = oneEvent(el, 'v2u-run-end');
    el.store.updateConfig('b', { value: 10 });
    const { summary } = (await ended).detail;
    expect([...summary.executed, ...summary.failed].sort(), 'only the edited node and its downstream').to.deep.equal(['b', 'bad', 'sum']);
    expect(summary.skipped).to.deep.equal(['after']);
    expect(el.nodeState('sum')!.output).to.deep.equal({ sum: 12 });
    el.store.moveNodes([{ id: 'a', position: { x: 40, y: 40 } }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(el.running, 'a move does not run anything').to.equal(false);
  });

  it('cancels a running node from the toolbar, showing progress until then', async () => {
    const el = await runnableEditor(slowFlow(8000, 160));
    const progress = oneEvent(el, 'v2u-node-progress');
    const done = el.run();
    await progress;
    // A run draws its progress at most every 100 ms: the bar comes with the next drawing, not the pending update.
    await waitUntil(() => $(el, '[data-node="slow"] progress') && el.running, 'a progress bar while it runs');
    await waitUntil(() => !($(el, 'button[data-action="cancel"]') as HTMLButtonElement).disabled, 'Cancel is enabled while running');
    await sendMouse({ type: 'click', position: centerOf($(el, 'button[data-action="cancel"]')!) });
    const summary = await done;
    expect(summary.status).to.equal('cancelled');
    expect(el.nodeState('slow')!.status).to.equal('cancelled');
  });

  it("draws a run's progress at most every 100 ms, and its end at once", async () => {
    const el = await runnableEditor(slowFlow(800, 200));
    await el.run(); // the worker and the spin module are loaded: the measured run is all progress
    let progress = 0;
    el.addEventListener('v2u-node-progress', () => progress++);
    const drawn: number[] = [];
    const update = Reflect.get(el, 'update') as (changed: unknown) => void;
    Reflect.set(el, 'update', function (this: V2uEditor, changed: unknown) {
      drawn.push(performance.now());
      update.call(this, changed);
    });
    const started = performance.now();
    const ended = oneEvent(el, 'v2u-run-end');
    await el.run({ all: true });
    const runMs = performance.now() - started;
    await ended;
    await el.updateComplete;
    expect(($(el, 'button[data-action="run"]') as HTMLButtonElement).disabled, 'Run is enabled as soon as the run ended').to.equal(false);
    expect(statusText(el, 'slow'), 'its end is drawn').to.match(/done/i);
    expect(progress, 'progress events').to.be.at.least(100);
    expect(drawn.length, `${drawn.length} drawings in a ${Math.round(runMs)} ms run`).to.be.at.most(Math.ceil(runMs / 100) + 3);
    expect(drawn.length, 'it was drawn while running').to.be.at.least(3);
  });

  it('two editors on one page share one pool and do not interfere', async () => {
    const one = await runnableEditor();
    const two = await runnableEditor({ ...flow, nodes: flow.nodes.map((n) => (n.id === 'a' ? { ...n, config: { value: 100 } } : n)) });
    const summaries = await Promise.all([one.run(), two.run()]);
    expect(one.nodeState('sum')!.output).to.deep.equal({ sum: 5 });
    expect(two.nodeState('sum')!.output).to.deep.equal({ sum: 103 });
    // Worker ids are slot numbers (0, 1, …) in every pool, so they cannot tell pools apart; users and tasks can.
    expect(one.metrics.pool!.users, 'the first editor\'s pool has both editors as users').to.equal(2);
    expect(two.metrics.pool!.users, 'the second editor\'s pool has both editors as users').to.equal(2);
    const tasksRun = (el: V2uEditor) => el.metrics.pool!.workers.reduce((n, w) => n + w.tasks, 0);
    const nodesRun = summaries.reduce((n, s) => n + s.executed.length + s.failed.length, 0);
    expect(tasksRun(one), 'the pool the first editor reports ran the nodes of both runs').to.equal(nodesRun);
    expect(tasksRun(two), 'the pool the second editor reports ran the nodes of both runs').to.equal(nodesRun);
  });

  it('a pointer resting on Run starts a worker before the press, and runs nothing', async () => {
    const el = await runnableEditor();
    expect(el.metrics.pool, 'no run code yet').to.equal(undefined);
    const run = $(el, '[data-action="run"]')!;
    await sendMouse({ type: 'move', position: centerOf(run) });
    await waitUntil(() => el.metrics.pool?.workers.some((w) => w.starts > 0), 'a worker started on the hover', { timeout: 10000 });
    expect(el.metrics.pool!.workers.filter((w) => w.starts > 0), 'one worker').to.have.length(1);
    expect(el.metrics.pool!.workers.every((w) => w.tasks === 0), 'no task ran').to.equal(true);
    expect(el.nodeState('sum')!.status, 'nothing ran').to.equal('idle');
    await sendMouse({ type: 'move', position: [5, 590] });
    run.click();
    await waitUntil(() => el.nodeState('sum')!.status === 'done', 'the press runs the flow', { timeout: 10000 });
    el.remove();
  });

  it('keyboard focus on Run warms the pool too', async () => {
    const el = await runnableEditor();
    $(el, '[data-action="run"]')!.focus();
    await waitUntil(() => el.metrics.pool?.workers.some((w) => w.starts > 0), 'a worker started on focus', { timeout: 10000 });
    el.remove();
  });

  it('pool-size set after the editing code loaded still decides where the next run goes', async () => {
    const el = await runnableEditor();
    el.poolSize = 1;
    await el.updateComplete;
    expect((await el.run()).status).to.equal('error');
    expect(el.metrics.pool!.size, 'one worker').to.equal(1);
    expect(el.nodeState('sum')!.output).to.deep.equal({ sum: 5 });
    el.poolSize = 0;
    await el.updateComplete;
    await el.run();
    expect(el.metrics.pool!.mode, 'the main thread').to.equal('main');
    expect(el.nodeState('sum')!.output, 'results run again there').to.deep.equal({ sum: 5 });
    el.remove();
  });

  it('unknown node types do not run and say so, and keep their data', async () => {
    const el = await runnableEditor({ version: 2, nodes: [{ id: 'u', type: 'vendor/unknown', position: { x: 0, y: 0 }, config: { keep: 1 } }], edges: [] });
    await el.run();
    expect(el.nodeState('u')!.status).to.equal('error');
    expect(el.nodeState('u')!.error!.message).to.contain('vendor/unknown');
    expect(el.graph.nodes[0].config).to.deep.equal({ keep: 1 });
  });
});

