import type { GraphEdge, GraphNode, PortRef } from '../document.js';
import { createDocument } from '../document.js';
import { ErrorCodes, V2uError, quote } from '../errors.js';
import { topLeft } from '../geometry.js';
import { GraphStore } from '../graph-store.js';
import { readSubflows, subflowType, type SubflowDefinition, type SubflowInput, type SubflowOutput } from './subflow-read.js';

/** The subflow definitions a store's document holds, as stored (see `readSubflows` to validate). */
export function definitionsOf(store: GraphStore): SubflowDefinition[] {
  return (store.state.extra.subflows as SubflowDefinition[] | undefined) ?? [];
}

/**
 * Turns the selected nodes into one subflow node, as one undo step. The new definition
 * holds the nodes and the edges between them; each edge that crossed the selection's
 * boundary becomes a port of the node, named after the inner port and typed from it.
 * Undo puts every node, edge and group membership back exactly.
 *
 * @example
 * const { node, definition } = makeSubflow(store, ['filter', 'sort'], { title: 'Clean up' });
 */
export function makeSubflow(store: GraphStore, nodeIds: Iterable<string>, options: { title?: string } = {}): { definition: SubflowDefinition; node: GraphNode } {
  const state = store.state;
  const ids = new Set([...nodeIds].filter((id) => state.getNode(id)));
  if (ids.size === 0) throw new V2uError(ErrorCodes.missingNode, 'makeSubflow: select at least one node');
  const nodes = [...state.nodes()].filter((n) => ids.has(n.id));
  const touching = new Set<GraphEdge>();
  for (const id of ids) for (const edge of state.edgesOf(id)) touching.add(edge);
  const edges = [...state.edges()].filter((e) => touching.has(e));
  const incoming = edges.filter((e) => !ids.has(e.from.node) && ids.has(e.to.node));
  const outgoing = edges.filter((e) => ids.has(e.from.node) && !ids.has(e.to.node));
  const between = reentry(store, ids, outgoing.map((e) => e.to.node));
  if (between) throw new V2uError(ErrorCodes.cycle, `makeSubflow: node ${quote(between)} is fed by the selection and feeds it again; select it too`);
  const typeOf = (ref: PortRef, side: 'inputs' | 'outputs') => store.resolvePorts(state.requireNode(ref.node).type)?.[side][ref.port]?.type ?? 'any';
  const names = new Set<string>();
  const inputs = new Map<string, SubflowInput>();
  for (const e of incoming) {
    const key = `${e.from.node}\0${e.from.port}`;
    const input = inputs.get(key) ?? { name: unique(e.to.port, names), type: typeOf(e.to, 'inputs'), targets: [] };
    input.targets.push({ ...e.to });
    inputs.set(key, input);
  }
  names.clear();
  const outputs = new Map<string, SubflowOutput>();
  for (const e of outgoing) {
    const key = `${e.from.node}\0${e.from.port}`;
    if (!outputs.has(key)) outputs.set(key, { name: unique(e.from.port, names), type: typeOf(e.from, 'outputs'), from: { ...e.from } });
  }
  const existing = definitionsOf(store);
  const definition: SubflowDefinition = {
    id: unique('sf1', new Set(existing.map((d) => d.id)), (n) => `sf${n}`),
    version: 1,
    title: options.title ?? 'Subflow',
    inputs: [...inputs.values()],
    outputs: [...outputs.values()],
    nodes: structuredClone(nodes),
    edges: structuredClone(edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node))),
  };
  const position = topLeft(nodes);
  return store.transaction('Make subflow', () => {
    store.removeNodes(ids);
    store.apply('Make subflow', [{ type: 'subflow', index: existing.length, after: definition }]);
    const node = store.addNode({ type: subflowType(definition.id), position, label: definition.title });
    for (const [key, input] of inputs) {
      const [fromNode, fromPort] = key.split('\0');
      store.connect({ node: fromNode, port: fromPort }, { node: node.id, port: input.name });
    }
    for (const e of outgoing) store.connect({ node: node.id, port: outputs.get(`${e.from.node}\0${e.from.port}`)!.name }, { ...e.to });
    return { definition, node };
  });
}

/**
 * Edits the inside of a subflow through a store of its own, as one undoable edit of the
 * outer document; every instance follows, since instances hold no copy. Refuses an edit
 * that breaks a boundary port or makes the subflow contain itself (the chain is named).
 *
 * @example
 * editSubflow(store, 'sf1', (inner) => inner.updateConfig('scale', { factor: 3 }));
 */
export function editSubflow(store: GraphStore, id: string, edit: (inner: GraphStore) => void, changes: Partial<Pick<SubflowDefinition, 'title' | 'config' | 'inputs' | 'outputs'>> = {}): SubflowDefinition {
  const def = requireDefinition(store, id);
  const inner = new GraphStore(createDocument({ nodes: def.nodes, edges: def.edges }), { resolvePorts: store.resolvePorts });
  edit(inner);
  return writeSubflow(store, id, { ...changes, nodes: inner.document.nodes, edges: inner.document.edges });
}

/**
 * Replaces parts of subflow `id` (its inside, title, config, ports) as one undoable edit
 * of the document, with the checks `editSubflow` makes: the definitions stay valid and no
 * instance loses a port one of its edges uses. What the opened subflow writes back.
 *
 * @example
 * writeSubflow(store, 'sf1', { nodes: inner.document.nodes, edges: inner.document.edges });
 */
export function writeSubflow(store: GraphStore, id: string, changes: Partial<Omit<SubflowDefinition, 'id' | 'version'>>): SubflowDefinition {
  const defs = definitionsOf(store);
  const before = requireDefinition(store, id);
  const index = defs.indexOf(before);
  const after: SubflowDefinition = { ...before, ...changes, version: before.version + 1 };
  const next = defs.map((d, i) => (i === index ? after : d));
  readSubflows({ subflows: next });
  checkInstancePorts(store, after, next);
  store.apply('Edit subflow', [{ type: 'subflow', index, before, after }]);
  return after;
}

function requireDefinition(store: GraphStore, id: string): SubflowDefinition {
  const def = definitionsOf(store).find((d) => d.id === id);
  if (!def) throw new V2uError(ErrorCodes.missingNode, `no subflow with id ${quote(id)} to edit`, '$.subflows');
  return def;
}

/**
 * Refuses a definition whose instances (in the document or inside other definitions) have
 * an edge on a port it no longer has: the engine could not run the document after it.
 */
function checkInstancePorts(store: GraphStore, def: SubflowDefinition, defs: SubflowDefinition[]): void {
  const type = subflowType(def.id);
  const inputs = new Set(def.inputs.map((p) => p.name));
  const outputs = new Set(def.outputs.map((p) => p.name));
  const graphs = [{ where: '', nodes: [...store.state.nodes()], edges: [...store.state.edges()] }, ...defs.map((d) => ({ where: ` inside subflow ${quote(d.id)}`, nodes: d.nodes, edges: d.edges }))];
  for (const { where, nodes, edges } of graphs) {
    const instances = new Set(nodes.filter((n) => n.type === type).map((n) => n.id));
    for (const e of edges) {
      const [node, port, side] = instances.has(e.to.node) && !inputs.has(e.to.port) ? [e.to.node, e.to.port, 'input'] : instances.has(e.from.node) && !outputs.has(e.from.port) ? [e.from.node, e.from.port, 'output'] : [];
      if (node) throw new V2uError(ErrorCodes.missingPort, `editSubflow: edge ${quote(e.id)}${where} uses ${side} ${quote(port!)} of instance ${quote(node)}, which subflow ${quote(def.id)} would no longer have`, '$.subflows');
    }
  }
}

/** An outside node the selection feeds that leads back into it (the subflow would feed itself), if any. */
function reentry(store: GraphStore, ids: Set<string>, starts: string[]): string | undefined {
  const origin = new Map(starts.map((id) => [id, id]));
  const queue = [...origin.keys()];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of store.state.edgesOf(id)) {
      if (e.from.node !== id) continue;
      if (ids.has(e.to.node)) return origin.get(id);
      if (!origin.has(e.to.node)) (origin.set(e.to.node, origin.get(id)!), queue.push(e.to.node));
    }
  }
  return undefined;
}

/** `wanted`, or `wanted_2`, `wanted_3`… (or `make(n)`) : the first not in `taken`, which it joins. */
function unique(wanted: string, taken: Set<string>, make = (n: number) => `${wanted}_${n}`): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = make(n);
  taken.add(name);
  return name;
}
