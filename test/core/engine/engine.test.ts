import { expect } from '@open-wc/testing';
import { RunErrorCodes } from '../../../src/core/run-errors.js';
import { diamond, flow, wide, withConfig } from '../../fixtures/flows.js';
import { engineOn, until, warmUp } from '../../fixtures/engine-setup.js';
import { moduleUrl, resolveFixture } from '../../fixtures/engine/index.js';

for (const mode of ['worker', 'main'] as const) {
  describe(`FlowEngine on the ${mode === 'worker' ? 'worker pool' : 'main-thread fallback'}`, () => {
    let setup: ReturnType<typeof engineOn>;
    beforeEach(() => (setup = engineOn({ mode })));
    afterEach(() => setup.dispose());

    it('computes a diamond graph', async () => {
      setup.engine.setDocument(diamond());
      const summary = await setup.engine.run();
      expect(summary.status).to.equal('done');
      expect(setup.output('left', 'sum')).to.equal(3);
      expect(setup.output('right', 'sum')).to.equal(13);
      expect(setup.output('total', 'sum'), 'total = left + right').to.equal(16);
      expect(summary.executed.indexOf('total'), 'total runs last').to.equal(4);
      expect(setup.pool.mode).to.equal(mode);
    });

    it('computes a wide graph with a multiple input', async () => {
      setup.engine.setDocument(wide(12));
      const summary = await setup.engine.run();
      expect(summary.executed).to.have.length(25);
      expect(setup.output('sum', 'total'), 'sum of 1..12').to.equal(78);
    });

    it('isolates the downstream of a throwing node and of an unknown type', async () => {
      const doc = flow(
        [['a', 'create/number', { value: 1 }], ['bad', 'utility/fail'], ['below', 'transform/add'], ['ok', 'transform/add'], ['nope', 'acme/nope'], ['after', 'transform/add']],
        ['a.value>bad.value', 'bad.value>below.a', 'a.value>ok.a', 'a.value>nope.in', 'nope.out>after.a'],
      );
      const before = structuredClone(doc);
      setup.engine.setDocument(doc);
      const summary = await setup.engine.run();
      expect(summary.status).to.equal('error');
      expect(setup.engine.state('bad').error).to.include({ name: 'BoomError', code: 'boom' });
      expect(setup.engine.state('below')).to.include({ status: 'cancelled', blockedBy: 'bad' });
      expect(setup.output('ok', 'sum'), 'the other branch finishes').to.equal(1);
      expect(setup.engine.state('nope').error).to.include({ code: RunErrorCodes.unknownNodeType, message: 'unknown node type "acme/nope"' });
      expect(setup.engine.state('after').blockedBy).to.equal('nope');
      expect([...summary.skipped].sort()).to.deep.equal(['after', 'below']);
      expect(setup.events.filter((e) => e.type === 'error').map((e) => e.type === 'error' && e.nodeId).sort()).to.deep.equal(['bad', 'nope']);
      expect(doc, 'the graph is untouched').to.deep.equal(before);
    });
  });
}

describe('FlowEngine on workers', () => {
  let setup: ReturnType<typeof engineOn>;
  afterEach(() => setup.dispose());

  it('runs two independent heavy branches at the same time on two workers', async () => {
    setup = engineOn({ mode: 'worker', size: 2 });
    const tasksSince = await warmUp(setup.pool, moduleUrl('number'));
    setup.engine.setDocument(flow([['a', 'utility/spin', { ms: 600, steps: 6 }], ['b', 'utility/spin', { ms: 600, steps: 6 }]]));
    await setup.engine.run();
    const [sa, ea, sb, eb] = ['a', 'b'].flatMap((id) => [setup.output(id, 'startedAt'), setup.output(id, 'endedAt')] as number[]);
    expect(sa < eb && sb < ea, `windows [${sa}, ${ea}] and [${sb}, ${eb}] overlap`).to.equal(true);
    expect(tasksSince(), 'one branch on each worker').to.deep.equal([1, 1]);
  });

  it('re-runs only the edited node and its downstream', async () => {
    setup = engineOn({ mode: 'worker' });
    const doc = diamond();
    setup.engine.setDocument(doc);
    expect((await setup.engine.run()).executed).to.have.length(5);
    setup.engine.setDocument(withConfig(doc, 'right', { plus: 20 }));
    const second = await setup.engine.run();
    expect([...second.executed].sort(), 'right and total only').to.deep.equal(['right', 'total']);
    expect(setup.output('total', 'sum')).to.equal(26);
    setup.engine.setDocument(withConfig(withConfig(doc, 'right', { plus: 20 }), 'a', { value: 1 }));
    expect((await setup.engine.run()).executed, 'an equal config is no edit').to.deep.equal([]);
    const moved = { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5, y: 9 } })) };
    setup.engine.setDocument(withConfig(moved, 'right', { plus: 20 }));
    expect((await setup.engine.run()).executed, 'moving nodes is no edit').to.deep.equal([]);
  });

  it('answers an edit that leaves inputs equal from the cache', async () => {
    setup = engineOn({ mode: 'worker' });
    const doc = flow([['a', 'create/number', { value: 1 }], ['b', 'create/number', { value: 2 }], ['sum', 'transform/add']], ['a.value>sum.a', 'b.value>sum.b']);
    setup.engine.setDocument(doc);
    await setup.engine.run();
    setup.engine.setDocument({ ...doc, edges: doc.edges.slice(0, 1) });
    expect((await setup.engine.run()).executed).to.deep.equal(['sum']);
    setup.engine.setDocument({ ...doc, edges: [...doc.edges.slice(0, 1), { id: 'e9', from: { node: 'b', port: 'value' }, to: { node: 'sum', port: 'b' } }] });
    const summary = await setup.engine.run();
    expect(summary.executed).to.deep.equal(['sum'], 'sum re-runs (normal cache keeps the latest only)');
    expect(setup.output('sum', 'sum')).to.equal(3);
  });

  it('keeps earlier results of aggressive nodes and never caches uncached ones', async () => {
    setup = engineOn({ mode: 'worker', size: 1 }); // one worker: the counter counts per realm
    const doc = flow([['n', 'create/number', { value: 3 }], ['x', 'transform/scale', { factor: 2 }], ['c', 'create/counter']], ['n.value>x.value']);
    setup.engine.setDocument(doc);
    await setup.engine.run();
    setup.engine.setDocument(withConfig(doc, 'x', { factor: 5 }));
    expect([...(await setup.engine.run()).executed].sort(), 'run() re-runs the uncached counter').to.deep.equal(['c', 'x']);
    setup.engine.setDocument(withConfig(doc, 'x', { factor: 2 }));
    const back = await setup.engine.run();
    expect(back.cached, 'factor 2 again comes from the cache').to.deep.equal(['x']);
    expect(setup.engine.state('x')).to.include({ status: 'done', cached: true });
    expect(setup.output('x', 'value')).to.equal(6);
    expect(setup.output('c', 'value'), 'the counter ran on every run()').to.equal(3);
  });

  it('runs nodes of a type again once the type becomes known', async () => {
    const known = new Set(['create/number']);
    setup = engineOn({ mode: 'worker' }, {}, (type) => (known.has(type) ? resolveFixture(type) : undefined));
    setup.engine.setDocument(flow([['a', 'create/number', { value: 2 }], ['x', 'transform/scale', { factor: 3 }]], ['a.value>x.value']));
    await setup.engine.run();
    expect(setup.engine.state('x').error?.code).to.equal(RunErrorCodes.unknownNodeType);
    known.add('transform/scale');
    setup.engine.typesChanged(['transform/scale']);
    expect((await setup.engine.run()).executed).to.deep.equal(['x']);
    expect(setup.output('x', 'value')).to.equal(6);
    setup.engine.typesChanged(['transform/scale']);
    expect([...setup.engine.dirty], 'a new module version re-runs its nodes').to.deep.equal(['x']);
    expect((await setup.engine.run()).executed, 'not from the cache').to.deep.equal(['x']);
  });

  it('fails nodes on a cycle instead of waiting forever; the rest runs', async () => {
    setup = engineOn({ mode: 'worker' });
    const doc = flow(
      [['a', 'transform/add'], ['b', 'transform/add'], ['after', 'transform/add'], ['ok', 'create/number', { value: 1 }]],
      ['a.sum>b.a', 'b.sum>a.a', 'b.sum>after.a'],
    );
    setup.engine.setDocument(doc);
    const summary = await setup.engine.run();
    expect([...summary.failed].sort()).to.deep.equal(['a', 'b']);
    expect(setup.engine.state('a').error?.code).to.equal('cycle');
    expect(setup.engine.state('after').status).to.equal('cancelled');
    expect(setup.output('ok', 'value')).to.equal(1);
  });

  it('auto-runs after edits, debounced, and can be switched off', async () => {
    setup = engineOn({ mode: 'worker' }, { autoRun: true, debounceMs: 40 });
    const doc = diamond();
    setup.engine.setDocument(doc);
    setup.engine.setDocument(withConfig(doc, 'a', { value: 5 }));
    setup.engine.setDocument(withConfig(doc, 'a', { value: 6 }));
    await until(() => setup.events.some((e) => e.type === 'run-end'));
    expect(setup.events.filter((e) => e.type === 'run-start'), 'three edits, one run').to.have.length(1);
    expect(setup.output('total', 'sum')).to.equal(6 + 2 + 6 + 2 + 10);
    setup.engine.autoRun = false;
    setup.engine.setDocument(withConfig(doc, 'a', { value: 7 }));
    await new Promise((r) => setTimeout(r, 120));
    expect(setup.events.filter((e) => e.type === 'run-start'), 'no run with auto-run off').to.have.length(1);
    expect([...setup.engine.dirty].sort()).to.deep.equal(['a', 'left', 'right', 'total']);
  });

  it('a newer edit cancels the stale part of a running run; other branches finish', async () => {
    setup = engineOn({ mode: 'worker' });
    const doc = flow(
      [['n', 'create/number', { value: 1 }], ['slow', 'utility/spin', { ms: 4000, steps: 400 }], ['after', 'transform/add'], ['x', 'create/number', { value: 7 }]],
      ['n.value>slow.value', 'slow.value>after.a'],
    );
    setup.engine.setDocument(doc);
    const first = setup.engine.run();
    await until(() => setup.engine.state('slow').status === 'running');
    setup.engine.setDocument(withConfig(doc, 'slow', { ms: 20, steps: 2, add: 5 }));
    const stale = await first;
    expect(stale.cancelled).to.include.members(['slow', 'after']);
    expect(setup.output('x', 'value'), 'the independent branch finished').to.equal(7);
    const fresh = await setup.engine.run();
    expect(fresh.executed).to.deep.equal(['slow', 'after']);
    expect(setup.output('after', 'sum')).to.equal(6);
  });

  it('cancel() stops a running task and reports cancelled', async () => {
    setup = engineOn({ mode: 'worker' });
    setup.engine.setDocument(flow([['slow', 'utility/spin', { ms: 5000, steps: 500 }]]));
    const running = setup.engine.run();
    await until(() => setup.engine.state('slow').status === 'running');
    setup.engine.cancel();
    const summary = await running;
    expect(summary.status).to.equal('cancelled');
    expect(setup.engine.state('slow').status).to.equal('cancelled');
    expect(summary.durationMs, 'stopped long before the 5 s of work').to.be.below(4000);
  });

  it('cancel() also drops a run waiting behind the running one', async () => {
    setup = engineOn({ mode: 'worker' });
    const doc = flow([['slow', 'utility/spin', { ms: 5000, steps: 500 }]]);
    setup.engine.setDocument(doc);
    const first = setup.engine.run();
    await until(() => setup.engine.state('slow').status === 'running');
    setup.engine.setDocument(withConfig(doc, 'slow', { add: 2 }));
    const second = setup.engine.run();
    setup.engine.cancel();
    const summaries = await Promise.all([first, second]);
    expect(summaries.map((s) => s.status)).to.deep.equal(['cancelled', 'cancelled']);
    expect(setup.events.filter((e) => e.type === 'run-start'), 'the waiting run never started').to.have.length(1);
    expect([...setup.engine.dirty], 'the edit still waits for a run').to.deep.equal(['slow']);
  });

  it('reports progress in order before done', async () => {
    setup = engineOn({ mode: 'worker' });
    setup.engine.setDocument(flow([['slow', 'utility/spin', { ms: 60, steps: 12 }]]));
    await setup.engine.run();
    const trail = setup.events.filter((e) => (e.type === 'node-progress' || e.type === 'node-status') && e.nodeId === 'slow');
    const progress = trail.flatMap((e) => (e.type === 'node-progress' ? [e.progress] : []));
    expect(progress).to.deep.equal(Array.from({ length: 12 }, (_, i) => (i + 1) / 12));
    expect(trail.map((e) => (e.type === 'node-status' ? e.state.status : 'p')).filter((s, i, all) => s !== all[i - 1])).to.deep.equal(['queued', 'running', 'p', 'done']);
  });
});

describe('FlowEngine state it keeps', () => {
  let setup: ReturnType<typeof engineOn>;
  beforeEach(() => (setup = engineOn({ mode: 'main' })));
  afterEach(() => setup.dispose());

  it('shares one frozen state among the nodes a failure blocks, and one among queued nodes', async () => {
    const doc = flow(
      [['bad', 'utility/fail'], ['x', 'transform/add'], ['y', 'transform/add'], ['z', 'transform/add'], ['nope', 'acme/nope'], ['w', 'transform/add']],
      ['bad.value>x.a', 'bad.value>y.a', 'x.sum>z.a', 'nope.out>w.a'],
    );
    setup.engine.setDocument(doc);
    const queued = new Set<unknown>();
    setup.engine.subscribe((e) => e.type === 'node-status' && e.state.status === 'queued' && queued.add(e.state));
    await setup.engine.run();
    expect(queued.size, 'one queued state for all six nodes').to.equal(1);
    const [x, y, z, w] = ['x', 'y', 'z', 'w'].map((id) => setup.engine.state(id));
    expect(x).to.include({ status: 'cancelled', blockedBy: 'bad' });
    expect(y === x && z === x, 'one object per blocking node').to.equal(true);
    expect(Object.isFrozen(x)).to.equal(true);
    expect(w).to.include({ status: 'cancelled', blockedBy: 'nope' });
    expect(w).to.not.equal(x);
  });

  it('lets go of the run once it ended', async () => {
    setup.engine.setDocument(diamond());
    const running = setup.engine.run();
    expect(setup.engine.running).to.equal(false, 'the run waits for its turn');
    await running;
    expect(setup.engine.running).to.equal(false);
    expect(setup.engine['_run'], 'no run state (its per-node arrays) is kept').to.equal(undefined);
    expect(setup.engine['_graph']!['_index'], 'nor the id index of the graph').to.equal(undefined);
    expect(setup.engine.state('total').output).to.deep.equal({ sum: 16 });
    setup.engine.setDocument(withConfig(diamond(), 'right', { plus: 20 }));
    expect([...setup.engine.dirty].sort(), 'an edit after it still finds what changed').to.deep.equal(['right', 'total']);
  });
});
