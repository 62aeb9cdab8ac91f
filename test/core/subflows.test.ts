import { expect } from '@open-wc/testing';
import { FlowEngine } from '../../src/core/engine/engine.js';
import { ErrorCodes, GraphStore, V2uError, editSubflow, expandSubflows, makeSubflow, parseDocument, readSubflows, serializeDocument, type GraphDocument } from '../../src/core/index.js';
import { browserClock as clock } from '../../src/runtime/pool/clock.js';
import { inProcessExecutor } from '../../src/runtime/pool/in-process-executor.js';
import { engineOn } from '../fixtures/engine-setup.js';
import { resolveFixture } from '../fixtures/engine/index.js';
import { flow, withSubflow } from '../fixtures/flows.js';

const resolvePorts = (type: string) => resolveFixture(type)?.manifest;
const storeOf = (doc: GraphDocument) => new GraphStore(parseDocument(doc, { resolvePorts }), { resolvePorts });

/** Runs a document in-process and returns each outer node's outputs. */
async function runInProcess(doc: GraphDocument) {
  const engine = new FlowEngine({ resolve: resolveFixture, executor: inProcessExecutor(), clock, autoRun: false });
  engine.setDocument(doc);
  const summary = await engine.run();
  const outputs = Object.fromEntries(doc.nodes.map((n) => [n.id, engine.state(n.id).output]));
  engine.dispose();
  return { summary, outputs };
}

function thrown(fn: () => unknown): V2uError {
  try {
    fn();
  } catch (error) {
    return error as V2uError;
  }
  throw new Error('expected an error');
}

describe('subflows', () => {
  it('makes a subflow from a selection: ports from the crossing edges, named and typed after the inner ports; undo restores it exactly', async () => {
    const store = storeOf(flow(
      [['a', 'create/number', { value: 1 }], ['b', 'create/number', { value: 2 }], ['add', 'transform/add'], ['scale', 'transform/scale', { factor: 3 }], ['total', 'transform/add']],
      ['a.value>add.a', 'b.value>add.b', 'add.sum>scale.value', 'scale.value>total.a', 'b.value>total.b'],
    ));
    store.group(['add', 'b']);
    const before = serializeDocument(store.document);
    const expected = await runInProcess(store.document);
    const { node, definition } = makeSubflow(store, ['add', 'scale'], { title: 'Add & scale' });
    expect(definition.inputs.map((p) => [p.name, p.type])).to.deep.equal([['a', 'number'], ['b', 'number']]);
    expect(definition.outputs.map((p) => [p.name, p.type, p.from])).to.deep.equal([['value', 'number', { node: 'scale', port: 'value' }]]);
    expect(definition.nodes.map((n) => n.id)).to.deep.equal(['add', 'scale']);
    expect(store.state.getNode('add'), 'the inner nodes left the outer graph').to.equal(undefined);
    const edges = [...store.state.edges()].map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`);
    expect(edges).to.have.members(['a.value>' + node.id + '.a', 'b.value>' + node.id + '.b', node.id + '.value>total.a', 'b.value>total.b']);
    const text = serializeDocument(store.document);
    expect(serializeDocument(parseDocument(text)), 'the document round-trips').to.equal(text);
    expect((await runInProcess(store.document)).outputs.total, 'the flow computes the same').to.deep.equal(expected.outputs.total);
    expect(store.undo()).to.equal(true);
    expect(serializeDocument(store.document), 'one undo restores the selection exactly').to.equal(before);
    store.redo();
    expect(serializeDocument(store.document)).to.equal(text);
  });

  it('refuses a selection the rest of the flow leads back into, changing nothing', () => {
    const store = storeOf(flow([['a', 'create/number'], ['add', 'transform/add'], ['mid', 'transform/scale'], ['end', 'transform/add']], ['a.value>add.a', 'add.sum>mid.value', 'mid.value>end.a', 'add.sum>end.b']));
    const before = serializeDocument(store.document);
    const error = thrown(() => makeSubflow(store, ['add', 'end']));
    expect(error.code).to.equal(ErrorCodes.cycle);
    expect(error.message).to.contain('"mid"');
    expect(serializeDocument(store.document)).to.equal(before);
  });

  it('runs instances with their own params, and every instance follows an edit of the definition', async () => {
    const store = storeOf(withSubflow());
    expect((await runInProcess(store.document)).outputs).to.deep.include({ twice: { value: 9 }, again: { value: 6 }, total: { sum: 15 } });
    editSubflow(store, 'sf1', (inner) => inner.updateConfig('add', { plus: 1 }));
    expect(readSubflows(store.document)[0].version, 'the definition is versioned').to.equal(2);
    const { outputs } = await runInProcess(store.document);
    expect(outputs, 'both instances changed').to.deep.include({ twice: { value: 12 }, again: { value: 8 }, total: { sum: 20 } });
    store.undo();
    expect(readSubflows(store.document)[0].version).to.equal(1);
  });

  it('gives the same results on the worker pool as in-process, with inner nodes run as pool tasks', async () => {
    const setup = engineOn({ mode: 'worker', size: 2 });
    try {
      setup.engine.setDocument(withSubflow());
      const summary = await setup.engine.run();
      expect(summary.status).to.equal('done');
      expect(summary.executed, 'inner nodes are scheduled in the outer run').to.include.members(['twice/add', 'twice/scale', 'again/add', 'again/scale']);
      expect(setup.pool.mode).to.equal('worker');
      const inWorkers = Object.fromEntries(withSubflow().nodes.map((n) => [n.id, setup.engine.state(n.id).output]));
      expect(inWorkers).to.deep.equal((await runInProcess(withSubflow())).outputs);
      expect(setup.engine.state('twice').status).to.equal('done');
      expect(await setup.engine.output('twice')).to.deep.equal({ value: 9 });
    } finally {
      setup.dispose();
    }
  });

  it('refuses a subflow that contains itself, naming the chain, in the document, in an edit and in the engine', () => {
    const doc = withSubflow() as GraphDocument & { subflows: Array<Record<string, unknown>> };
    const inner = flow([['loop', 'subflow/sf1']]);
    const looped = { ...doc, subflows: [...doc.subflows, { id: 'sf2', version: 1, title: 'Outer', inputs: [], outputs: [], nodes: inner.nodes, edges: [] }] };
    (looped.subflows[0].nodes as unknown[]).push({ id: 'back', type: 'subflow/sf2', position: { x: 0, y: 0 }, config: {} });
    const error = thrown(() => readSubflows(looped));
    expect(error.code).to.equal(ErrorCodes.cycle);
    expect(error.message).to.contain('"sf1" → "sf2" → "sf1"');
    const engine = new FlowEngine({ resolve: resolveFixture, executor: inProcessExecutor(), clock, autoRun: false });
    expect(thrown(() => engine.setDocument(looped as GraphDocument)).code, 'the engine refuses to run it').to.equal(ErrorCodes.cycle);
    const store = storeOf({ ...doc, subflows: [...doc.subflows, { id: 'sf2', version: 1, title: 'Outer', inputs: [], outputs: [], nodes: inner.nodes, edges: [] }] } as GraphDocument);
    const before = serializeDocument(store.document);
    const refused = thrown(() => editSubflow(store, 'sf1', (s) => s.addNode({ type: 'subflow/sf2', position: { x: 0, y: 0 } })));
    expect(refused.message).to.contain('"sf1" → "sf2" → "sf1"');
    expect(serializeDocument(store.document), 'nothing changed').to.equal(before);
    const lookupLoop = thrown(() => expandSubflows(flow([['x', 'subflow/self']]), (type) => (type === 'subflow/self' ? { id: 'self', version: 1, title: 'Self', inputs: [], outputs: [], nodes: flow([['me', 'subflow/self']]).nodes, edges: [] } : undefined)));
    expect(lookupLoop.message, 'types that carry a subflow are checked too').to.contain('"self" → "self"');
  });

  it('refuses an edit that drops a port an instance edge uses, changing nothing', () => {
    const store = storeOf(withSubflow());
    const before = serializeDocument(store.document);
    const refused = thrown(() => editSubflow(store, 'sf1', () => {}, { outputs: [] }));
    expect(refused.code).to.equal(ErrorCodes.missingPort);
    expect(refused.message).to.contain('output "value" of instance "twice"');
    expect(serializeDocument(store.document), 'nothing changed').to.equal(before);
    expect(store.canUndo, 'no undo step').to.equal(false);
  });

  it('validates definitions with JSON paths', () => {
    const doc = withSubflow() as GraphDocument & { subflows: Array<Record<string, unknown>> };
    const bad = (patch: Record<string, unknown>) => ({ ...doc, subflows: [{ ...doc.subflows[0], ...patch }] });
    expect(thrown(() => readSubflows(bad({ title: 4 }))).path).to.equal('$.subflows[0].title');
    expect(thrown(() => readSubflows(bad({ outputs: [{ name: 'v', type: 'number', from: { node: 'nope', port: 'value' } }] }))).path).to.equal('$.subflows[0].outputs[0].from');
    expect(thrown(() => readSubflows(bad({ nodes: [{ id: 'x' }] }))).path).to.equal('$.subflows[0].nodes[0].type');
  });
});
