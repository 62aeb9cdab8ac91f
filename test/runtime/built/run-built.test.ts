import { expect } from '@open-wc/testing';
import type { BuiltNodeType } from '../../../src/core/built-type.js';
import { runBuiltType } from '../../../src/runtime/built/run-built.js';
import { inProcessExecutor } from '../../../src/runtime/pool/in-process-executor.js';
import { WorkerPool } from '../../../src/runtime/pool/pool.js';
import { poolExecutor } from '../../../src/runtime/pool/shared-pool.js';
import { resolveFixture } from '../../fixtures/engine/index.js';
import { addTen, lineTotal } from '../../fixtures/built-types.js';
import { engineOn } from '../../fixtures/engine-setup.js';
import { flow } from '../../fixtures/flows.js';
import { builtRecipe } from '../../../src/runtime/built/interpreter.js';

/** Runs `type` in real workers and on this thread; both must give the same outputs. */
async function onBoth(type: BuiltNodeType, inputs: Record<string, unknown>, config: Record<string, unknown> = {}) {
  const pool = new WorkerPool({ size: 2, mode: 'worker' });
  try {
    const worker = await runBuiltType(type, inputs, config, { resolve: resolveFixture, executor: poolExecutor(pool) });
    const main = await runBuiltType(type, inputs, config, { resolve: resolveFixture, executor: inProcessExecutor() });
    expect(pool.metrics().workers.reduce((n, w) => n + w.tasks, 0), 'the workers ran the nodes').to.be.greaterThan(0);
    expect(worker, 'workers and the main thread agree').to.deep.equal(main);
    return main;
  } finally {
    pool.shutdown();
  }
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('running builder-made types', () => {
  it('runs an expression type in workers and on the main thread alike, config reached as $config', async () => {
    expect(await onBoth(lineTotal(), { price: 4, quantity: 3 })).to.deep.equal({ total: 18, label: 'x3' });
    expect(await onBoth(lineTotal(), { price: 4, quantity: 3 }, { rate: 0 }), 'the node config wins over the default').to.deep.equal({ total: 12, label: 'x3' });
  });

  it('runs a subflow type through the engine\'s subflow expansion, $param reading the config', async () => {
    expect(await onBoth(addTen(), { value: 5 })).to.deep.equal({ sum: 15 });
    expect(await onBoth(addTen(), { value: 5 }, { plus: 1 })).to.deep.equal({ sum: 6 });
  });

  it('reports an expression that fails at run time as the node error, code bad-expression', async () => {
    const broken: BuiltNodeType = { ...lineTotal(), logic: { kind: 'expression', outputs: { total: '$number("x") + $notAFunction()', label: '"ok"' } } };
    const error = await rejection(runBuiltType(broken, { price: 1, quantity: 1 }));
    expect(error.code, error.message).to.equal('bad-expression');
    expect(error.message).to.contain('logic.outputs.total');
  });

  it('keeps hostile strings as data: an expression yielding markup is just text', async () => {
    const hostile: BuiltNodeType = {
      ...lineTotal(),
      title: '<img src=x onerror=alert(1)>',
      inputs: { '<script>': { type: 'string' }, 'a "quoted" port': { type: 'string' } },
      outputs: { total: { type: 'string' }, label: { type: 'string' } },
      logic: { kind: 'expression', outputs: { total: '`<script>` & "</script><script>alert(1)</script>"', label: '`a "quoted" port` & \'"\'' } },
    };
    expect(await onBoth(hostile, { '<script>': 'x', 'a "quoted" port': 'q' })).to.deep.equal({ total: 'x</script><script>alert(1)</script>', label: 'q"' });
  });

  it('expands a flow type again when it is redefined or becomes known after the document', async () => {
    let current: BuiltNodeType | undefined;
    const setup = engineOn({ mode: 'worker', size: 1 }, {}, (type) => (type === 'shop/add-ten' ? current && builtRecipe(current) : resolveFixture(type)));
    try {
      setup.engine.setDocument(flow([['n', 'create/number', { value: 5 }], ['t', 'shop/add-ten']], ['n.value>t.value']));
      await setup.engine.run();
      expect(setup.engine.state('t').status, 'unknown at first').to.equal('error');
      current = addTen();
      setup.engine.typesChanged(['shop/add-ten']);
      await setup.engine.run();
      expect(await setup.engine.output('t'), 'known now: expanded, not sent to the interpreter').to.deep.equal({ sum: 15 });
      const redefined = addTen();
      (redefined.config!.plus as { default: number }).default = 100;
      current = redefined;
      setup.engine.typesChanged(['shop/add-ten']);
      await setup.engine.run();
      expect(await setup.engine.output('t'), 'redefined: the new inside runs').to.deep.equal({ sum: 105 });
    } finally {
      setup.dispose();
    }
  });
});
