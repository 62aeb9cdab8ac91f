import { expect } from '@open-wc/testing';
import { CURRENT_VERSION, ErrorCodes, V2uError, parseDocument, serializeDocument, type NodePorts } from '../../src/core/index.js';

const ports: Record<string, NodePorts> = {
  'create/value': { inputs: {}, outputs: { value: { type: 'number' } } },
  'transform/add': { inputs: { a: { type: 'number' }, b: { type: 'number' } }, outputs: { sum: { type: 'number' } } },
};
const resolvePorts = (type: string) => ports[type];

function doc(extra: Record<string, unknown> = {}) {
  return {
    version: CURRENT_VERSION,
    nodes: [
      { id: 'a', type: 'create/value', position: { x: 0, y: 0 }, config: { value: 1 } },
      { id: 'b', type: 'transform/add', position: { x: 200, y: 0 }, config: {} },
    ],
    edges: [{ id: 'e1', from: { node: 'a', port: 'value' }, to: { node: 'b', port: 'a' } }],
    ...extra,
  };
}

function expectError(input: unknown, code: string, path: string) {
  let caught: unknown;
  try {
    parseDocument(input as string, { resolvePorts });
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ${code} error at ${path}`).to.be.instanceOf(V2uError);
  const error = caught as V2uError;
  expect(error.code, error.message).to.equal(code);
  expect(error.path, error.message).to.equal(path);
  expect(error.message, 'message names the path').to.contain(path);
}

describe('parseDocument', () => {
  it('accepts a valid document and fills defaults', () => {
    const parsed = parseDocument(JSON.stringify(doc()), { resolvePorts });
    expect(parsed.nodes).to.have.length(2);
    expect(parsed.groups).to.deep.equal([]);
    expect(parsed.viewport).to.deep.equal({ x: 0, y: 0, zoom: 1 });
    expect(parsed.metadata).to.deep.equal({});
  });

  it('reports bad JSON with the parser\'s reason', () => {
    expectError('{"version": 2,\n "nodes": [}', ErrorCodes.badJson, '$');
    expect(() => parseDocument('{"version": 2,\n "nodes": [}')).to.throw(/^\$: not valid JSON/);
  });

  it('names the path of wrong types', () => {
    expectError({ ...doc(), nodes: {} }, ErrorCodes.wrongType, '$.nodes');
    const badX = doc();
    (badX.nodes[1].position as { x: unknown }).x = 'left';
    expectError(badX, ErrorCodes.wrongType, '$.nodes[1].position.x');
    const nan = doc();
    nan.nodes[0].position.x = Number.NaN;
    expectError(nan, ErrorCodes.wrongType, '$.nodes[0].position.x');
    expectError({ ...doc(), viewport: { x: 0, y: 0, zoom: 0 } }, ErrorCodes.outOfRange, '$.viewport.zoom');
  });

  it('reports missing fields', () => {
    expectError({ nodes: [] }, ErrorCodes.missingField, '$.version');
    expectError({ version: 2 }, ErrorCodes.wrongType, '$.nodes');
    const noType = doc();
    delete (noType.nodes[0] as { type?: string }).type;
    expectError(noType, ErrorCodes.wrongType, '$.nodes[0].type');
  });

  it('rejects duplicate ids', () => {
    const d = doc();
    d.nodes[1].id = 'a';
    expectError(d, ErrorCodes.duplicateId, '$.nodes[1].id');
  });

  it('rejects edges to missing nodes and ports', () => {
    const missingNode = doc({ edges: [{ id: 'e1', from: { node: 'a', port: 'value' }, to: { node: 'zz', port: 'a' } }] });
    expectError(missingNode, ErrorCodes.missingNode, '$.edges[0].to.node');
    const missingPort = doc({ edges: [{ id: 'e1', from: { node: 'a', port: 'nope' }, to: { node: 'b', port: 'a' } }] });
    expectError(missingPort, ErrorCodes.missingPort, '$.edges[0].from.port');
  });

  it('rejects cycles and names them', () => {
    const cyclic = {
      version: 2,
      nodes: ['x', 'y', 'z', 'w'].map((id) => ({ id, type: 'mystery', position: { x: 0, y: 0 } })),
      edges: [
        { id: 'e1', from: { node: 'x', port: 'o' }, to: { node: 'y', port: 'i' } },
        { id: 'e2', from: { node: 'y', port: 'o' }, to: { node: 'z', port: 'i' } },
        { id: 'e3', from: { node: 'z', port: 'o' }, to: { node: 'y', port: 'j' } },
        { id: 'e4', from: { node: 'z', port: 'o' }, to: { node: 'w', port: 'i' } },
      ],
    };
    expectError(cyclic, ErrorCodes.cycle, '$.edges');
    try {
      parseDocument(cyclic);
    } catch (error) {
      expect((error as Error).message).to.match(/(y → z → y|z → y → z)/);
    }
  });

  it('keeps unknown node types and unknown fields, round-tripping them', () => {
    const input = {
      version: 2,
      nodes: [{ id: 'u', type: 'acme/secret-sauce', position: { x: 1, y: 2 }, config: { deep: { a: [1, 2] } }, vendor: { x: 1 } }],
      edges: [],
      groups: [],
      viewport: { x: 0, y: 0, zoom: 1 },
      metadata: { author: 'ana' },
      plugin: { keep: true },
    };
    const text = JSON.stringify(input);
    expect(serializeDocument(parseDocument(text))).to.equal(text);
  });

  it('rejects a future version', () => {
    expectError({ ...doc(), version: CURRENT_VERSION + 1 }, ErrorCodes.futureVersion, '$.version');
  });

  it('rejects prototype-pollution keys anywhere', () => {
    expectError('{"version":2,"nodes":[],"__proto__":{"polluted":1}}', ErrorCodes.forbiddenKey, '$');
    const d = doc();
    Object.defineProperty(d.nodes[0].config, 'constructor', { value: { prototype: 1 }, enumerable: true });
    expectError(d, ErrorCodes.forbiddenKey, '$.nodes[0].config');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('rejects runaway nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { d: deep };
    const d = doc();
    d.nodes[0].config = { deep } as never;
    let caught: V2uError | undefined;
    try {
      parseDocument(d);
    } catch (error) {
      caught = error as V2uError;
    }
    expect(caught?.code).to.equal(ErrorCodes.tooDeep);
    expect(caught?.path.startsWith('$.nodes[0].config.deep')).to.equal(true);
  });

  it('does not share objects with its input', () => {
    const input = doc();
    const parsed = parseDocument(input);
    input.nodes[0].position.x = 999;
    expect(parsed.nodes[0].position.x).to.equal(0);
  });

  it('validates group frames: colour, collapsed and a hand-sized rect round-trip; wrong types name their path', () => {
    const group = { id: 'g', label: 'In', nodes: ['a', 'b'], color: 'blue', collapsed: true, rect: { x: -10, y: -40, width: 400, height: 200 } };
    const text = serializeDocument(parseDocument(doc({ groups: [group] }), { resolvePorts }));
    expect(JSON.parse(text).groups).to.deep.equal([group]);
    expectError(doc({ groups: [{ ...group, color: 3 }] }), ErrorCodes.wrongType, '$.groups[0].color');
    expectError(doc({ groups: [{ ...group, collapsed: 'yes' }] }), ErrorCodes.wrongType, '$.groups[0].collapsed');
    expectError(doc({ groups: [{ ...group, rect: { x: 0, y: 0, width: 'wide', height: 1 } }] }), ErrorCodes.wrongType, '$.groups[0].rect.width');
    expectError(doc({ groups: [{ ...group, rect: { x: 1e9, y: 0, width: 1, height: 1 } }] }), ErrorCodes.outOfRange, '$.groups[0].rect.x');
  });

  it('asks for the ports of each type once, however many edges use it', () => {
    const asked: string[] = [];
    const nodes = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, type: i % 2 ? 'transform/add' : 'create/value', position: { x: i * 200, y: 0 }, config: {} }));
    const edges = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, from: { node: `n${2 * i}`, port: 'value' }, to: { node: `n${2 * i + 1}`, port: 'a' } }));
    const parsed = parseDocument({ version: CURRENT_VERSION, nodes, edges }, { resolvePorts: (type) => (asked.push(type), ports[type]) });
    expect(parsed.edges).to.have.length(10);
    expect(asked.sort()).to.deep.equal(['create/value', 'transform/add']);
    // A second edge into the same single-value input is still refused, with the ports asked for once.
    edges.push({ id: 'twice', from: { node: 'n2', port: 'value' }, to: { node: 'n1', port: 'a' } });
    expectError({ version: CURRENT_VERSION, nodes, edges }, ErrorCodes.inputTaken, '$.edges[10].to');
  });
});
