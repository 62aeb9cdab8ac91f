import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { expandSubflows, type Expansion } from '../../src/core/structure/subflow-expand.js';
import { mapParamRefs, subflowIdOf, type SubflowDefinition } from '../../src/core/structure/subflow-read.js';
import type { GraphDocument, GraphEdge, GraphNode, PortRef } from '../../src/core/document.js';

/**
 * The oracle: the first expansion, one instance at a time (a pass over every node and
 * edge per instance, so quadratic). The linear expansion must give exactly its result.
 */
function oneAtATime(doc: GraphDocument): { doc: GraphDocument; instances: Map<string, Expansion> } {
  const defs = new Map(((doc as { subflows?: SubflowDefinition[] }).subflows ?? []).map((d) => [d.id, d]));
  const find = (type: string) => defs.get(subflowIdOf(type) ?? '');
  const instances = new Map<string, Expansion>();
  let { nodes, edges } = doc;
  for (let pending = nodes.filter((n) => find(n.type)); pending.length; pending = nodes.filter((n) => find(n.type))) {
    for (const instance of pending) {
      const def = find(instance.type)!;
      const at = (ref: PortRef) => ({ node: `${instance.id}/${ref.node}`, port: ref.port });
      const param = (name: string) => (Object.hasOwn(instance.config, name) ? instance.config[name] : def.config?.[name]?.default);
      const inner = def.nodes.map((n) => ({ ...n, id: `${instance.id}/${n.id}`, config: mapParamRefs(n.config, (r) => param(r.$param)) as Record<string, unknown> }));
      nodes = nodes.flatMap((n) => (n === instance ? inner : [n]));
      const out: GraphEdge[] = def.edges.map((e) => ({ ...e, id: `${instance.id}/${e.id}`, from: at(e.from), to: at(e.to) }));
      for (const edge of edges) {
        if (edge.to.node === instance.id) def.inputs.find((p) => p.name === edge.to.port)!.targets.forEach((t, i) => out.push({ ...edge, id: `${edge.id}>${i}`, to: at(t) }));
        else if (edge.from.node === instance.id) out.push({ ...edge, from: at(def.outputs.find((p) => p.name === edge.from.port)!.from) });
        else out.push(edge);
      }
      edges = out;
      instances.set(instance.id, { inner: [], outputs: Object.fromEntries(def.outputs.map((o) => [o.name, at(o.from)])) });
    }
  }
  for (const [id, expansion] of instances) expansion.inner = nodes.filter((n) => n.id.startsWith(`${id}/`)).map((n) => n.id);
  return { doc: instances.size ? { ...doc, nodes, edges } : doc, instances };
}

const node = (id: string, type: string, config: Record<string, unknown> = {}): GraphNode => ({ id, type, position: { x: 0, y: 0 }, config });

/** Forward-only wires (no cycle) between `ids`, each from port `out` to port `in`. */
const wire = (ids: string[], pairs: [number, number][], prefix: string): GraphEdge[] => {
  const seen = new Set<string>();
  return pairs.flatMap(([a, b], i) => {
    const [from, to] = [a % ids.length, b % ids.length].sort((x, y) => x - y);
    const key = `${from}>${to}`;
    if (from === to || seen.has(key)) return [];
    seen.add(key);
    return [{ id: `${prefix}${i}`, from: { node: ids[from], port: 'out' }, to: { node: ids[to], port: 'in' } }];
  });
};

const pairs = fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 6 });

/** A document with up to 3 definitions (each may hold instances of the ones before it) and instances wired to each other. */
const documents = fc
  .record({
    defs: fc.array(fc.record({ plain: fc.integer({ min: 1, max: 3 }), nested: fc.array(fc.nat(9), { maxLength: 2 }), links: pairs }), { minLength: 1, maxLength: 3 }),
    root: fc.array(fc.option(fc.nat(9)), { minLength: 1, maxLength: 8 }),
    links: pairs,
  })
  .map(({ defs, root, links }) => {
    const subflows = defs.map((d, k): SubflowDefinition => {
      const plain = Array.from({ length: d.plain }, (_, i) => node(`n${i}`, 'utility/plain', { v: { $param: 'p' }, i }));
      const nested = k === 0 ? [] : d.nested.map((j, i) => node(`s${i}`, `subflow/sf${j % k}`, i % 2 ? { p: i } : {}));
      const nodes = [...plain, ...nested];
      return {
        id: `sf${k}`, version: 1, title: `S${k}`, config: { p: { type: 'number', default: -k } },
        inputs: [{ name: 'in', type: 'any', targets: [{ node: 'n0', port: 'in' }, ...nested.map((n) => ({ node: n.id, port: 'in' }))] }],
        outputs: [{ name: 'out', type: 'any', from: { node: nodes[nodes.length - 1].id, port: 'out' } }],
        nodes, edges: wire(nodes.map((n) => n.id), d.links, 'e'),
      };
    });
    const nodes = root.map((j, i) => (j === null ? node(`r${i}`, 'utility/plain') : node(`r${i}`, `subflow/sf${j % defs.length}`, i % 3 ? { p: i } : {})));
    return { version: 2, nodes, edges: wire(nodes.map((n) => n.id), links, 'w'), subflows } as unknown as GraphDocument;
  });

describe('expandSubflows', () => {
  it('gives exactly what expanding one instance at a time gave: nodes, edges in order, params, expansions', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const fast = expandSubflows(doc);
        const slow = oneAtATime(doc);
        expect(fast.doc.nodes).to.deep.equal(slow.doc.nodes);
        expect(fast.doc.edges).to.deep.equal(slow.doc.edges);
        expect([...fast.instances]).to.deep.equal([...slow.instances]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no instance behind, even three levels deep, and the input document untouched', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const before = JSON.stringify(doc);
        const { doc: flat } = expandSubflows(doc);
        expect(flat.nodes.some((n) => n.type.startsWith('subflow/'))).to.equal(false);
        const ids = new Set(flat.nodes.map((n) => n.id));
        for (const e of flat.edges) expect(ids.has(e.from.node) && ids.has(e.to.node), e.id).to.equal(true);
        expect(JSON.stringify(doc)).to.equal(before);
      }),
      { numRuns: 100 },
    );
  });
});
