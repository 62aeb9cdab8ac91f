import { expect } from '@open-wc/testing';
import { ErrorCodes, GraphStore, addSubflowField, parseDocument, paramUsers, readSubflows, removeSubflowField, renameSubflowField, setSubflowField, type GraphDocument } from '../../src/core/index.js';
import { resolveFixture } from '../fixtures/engine/index.js';

const resolvePorts = (type: string) => resolveFixture(type)?.manifest;

/** One subflow whose inner node reads `rate` at two depths, and another node that does not. */
function store(): GraphStore {
  const doc = {
    version: 2,
    nodes: [],
    edges: [],
    subflows: [{
      id: 'sf1', version: 1, title: 'S', inputs: [], outputs: [], config: { rate: { type: 'number', default: 2 }, other: { type: 'string' } },
      nodes: [
        { id: 'n', type: 'create/number', position: { x: 0, y: 0 }, config: { value: { $param: 'rate' }, deep: [{ keep: { $param: 'rate' } }, { $param: 'other' }] } },
        { id: 'm', type: 'create/number', position: { x: 0, y: 200 }, config: { value: 1 } },
      ],
      edges: [],
    }],
  } as unknown as GraphDocument;
  return new GraphStore(parseDocument(doc, { resolvePorts }), { resolvePorts });
}

const def = (s: GraphStore) => readSubflows(s.document)[0];
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string; message: string });
  }
  throw new Error('expected an error');
};

describe('subflow config fields', () => {
  it('finds the inner nodes reading a field at any depth', () => {
    expect(paramUsers(def(store()), 'rate')).to.deep.equal(['n']);
    expect(paramUsers(def(store()), 'none')).to.deep.equal([]);
  });

  it('renames a field and every reference to it, keeping the order, as one undo step', () => {
    const s = store();
    renameSubflowField(s, 'sf1', 'rate', 'speed');
    expect(Object.keys(def(s).config!)).to.deep.equal(['speed', 'other']);
    expect(def(s).nodes[0].config).to.deep.equal({ value: { $param: 'speed' }, deep: [{ keep: { $param: 'speed' } }, { $param: 'other' }] });
    s.undo();
    expect(Object.keys(def(s).config!)).to.deep.equal(['rate', 'other']);
    expect(def(s).nodes[0].config.value).to.deep.equal({ $param: 'rate' });
  });

  it('moves each instance\'s value to the new name, in the document and inside other subflows, in the same undo step', () => {
    const doc = structuredClone(store().document) as unknown as { nodes: unknown[]; subflows: unknown[] };
    doc.nodes.push({ id: 'i1', type: 'subflow/sf1', position: { x: 0, y: 0 }, config: { rate: 5, other: 'x' } });
    doc.subflows.push({ id: 'sf2', version: 1, title: 'Outer', inputs: [], outputs: [], nodes: [{ id: 'i2', type: 'subflow/sf1', position: { x: 0, y: 0 }, config: { rate: 7 } }], edges: [] });
    const s = new GraphStore(parseDocument(doc as unknown as GraphDocument, { resolvePorts }), { resolvePorts });
    renameSubflowField(s, 'sf1', 'rate', 'speed');
    expect(s.state.getNode('i1')!.config).to.deep.equal({ speed: 5, other: 'x' });
    expect(readSubflows(s.document)[1].nodes[0].config).to.deep.equal({ speed: 7 });
    s.undo();
    expect(s.state.getNode('i1')!.config).to.deep.equal({ rate: 5, other: 'x' });
    expect(readSubflows(s.document)[1].nodes[0].config).to.deep.equal({ rate: 7 });
    expect(Object.keys(def(s).config!)).to.deep.equal(['rate', 'other']);
  });

  it('refuses, naming the field: a taken or bad name, removing a field still read, adding one twice', () => {
    const s = store();
    expect(codeOf(() => renameSubflowField(s, 'sf1', 'rate', 'other')).message).to.contain('"other"');
    expect(codeOf(() => renameSubflowField(s, 'sf1', 'rate', '1x')).code).to.equal(ErrorCodes.badValue);
    const refused = codeOf(() => removeSubflowField(s, 'sf1', 'rate'));
    expect(refused.message).to.contain('"rate"').and.contain('"n"');
    expect(codeOf(() => addSubflowField(s, 'sf1', 'rate', { type: 'string' })).code).to.equal(ErrorCodes.duplicateId);
    expect(def(s).version, 'nothing was written').to.equal(1);
  });

  it('sets and removes a field that nothing reads', () => {
    const s = store();
    setSubflowField(s, 'sf1', 'unused', { type: 'boolean', default: true, label: 'Unused' });
    expect(def(s).config!.unused).to.deep.equal({ type: 'boolean', default: true, label: 'Unused' });
    removeSubflowField(s, 'sf1', 'unused');
    expect(def(s).config).to.not.have.property('unused');
  });
});
