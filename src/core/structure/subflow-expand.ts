import type { GraphDocument, GraphEdge, GraphNode, PortRef } from '../document.js';
import { ErrorCodes, V2uError, quote } from '../errors.js';
import { mapParamRefs, readSubflows, subflowIdOf, type SubflowDefinition } from './subflow-read.js';

/** Where a subflow instance went in the expanded graph. */
export interface Expansion {
  /** The inner nodes' ids in the expanded graph (`<instance>/<inner>`), nested ones included. */
  inner: string[];
  /** Each output port of the instance → the expanded node and port that produce it. */
  outputs: Record<string, PortRef>;
}

/**
 * Finds the definition a node type runs as, beyond the document's own `subflow/<id>` ones:
 * a builder-made type whose logic is a flow (`builtSubflow`). Keyed by the node's type.
 */
export type DefinitionLookup = (type: string) => SubflowDefinition | undefined;

/**
 * The document with every subflow instance replaced by its inner nodes, so the engine
 * schedules them like any node (in the worker pool, cached, cancelled). Inner ids become
 * `<instance id>/<inner id>`; `{ "$param": name }` config values take the instance's config
 * (or the field's default). Nested subflows expand too; a subflow that contains itself is
 * refused with the chain named. Pure: the input document is not changed.
 *
 * @example
 * const { doc: flat, instances } = expandSubflows(doc);
 * engine.setDocument(flat);
 */
export function expandSubflows(doc: GraphDocument, lookup?: DefinitionLookup): { doc: GraphDocument; instances: Map<string, Expansion> } {
  const defs = new Map(validated(doc).map((d) => [d.id, d]));
  // Once per type: `lookup` asks the registry, and a large flow has many nodes of few types.
  const known = new Map<string, SubflowDefinition | undefined>();
  const find = (type: string) => {
    if (!known.has(type)) {
      const id = subflowIdOf(type);
      known.set(type, (id !== undefined ? defs.get(id) : undefined) ?? lookup?.(type));
    }
    return known.get(type);
  };
  const instances = new Map<string, Expansion>();
  let nodes = doc.nodes;
  let edges = doc.edges;
  const chains = new Map<string, string[]>();
  // One pass over the nodes and edges per nesting level, not per instance: a flow with
  // many instances expands in linear time.
  for (let pending = nodes.filter(isInstance(find)); pending.length; ) {
    const round = new Map<string, Round>();
    for (const instance of pending) {
      const def = find(instance.type)!;
      const chain = chains.get(instance.id) ?? [];
      if (chain.includes(def.id)) throw new V2uError(ErrorCodes.cycle, `subflow ${quote(def.id)} contains itself: ${[...chain, def.id].map((c) => quote(c)).join(' → ')}`, '$.subflows');
      const inner = def.nodes.map((n) => ({ ...n, id: `${instance.id}/${n.id}`, config: withParams(n.config, instance, def) }));
      inner.forEach((n) => chains.set(n.id, [...chain, def.id]));
      round.set(instance.id, { instance, def, inner });
      instances.set(instance.id, { inner: [], outputs: Object.fromEntries(def.outputs.map((o) => [o.name, { node: `${instance.id}/${o.from.node}`, port: o.from.port }])) });
    }
    nodes = nodes.flatMap((n) => round.get(n.id)?.inner ?? [n]);
    edges = rewire(edges, round);
    pending = [...round.values()].flatMap((r) => r.inner.filter(isInstance(find)));
  }
  // Each expanded node belongs to every instance its id is nested in (`a/b/c`: `a` and `a/b`).
  for (const { id } of nodes) for (let at = id.indexOf('/'); at > 0; at = id.indexOf('/', at + 1)) instances.get(id.slice(0, at))?.inner.push(id);
  return { doc: instances.size ? { ...doc, nodes, edges } : doc, instances };
}

/** An instance being expanded in this pass: its definition and its inner nodes, renamed. */
interface Round {
  instance: GraphNode;
  def: SubflowDefinition;
  inner: GraphNode[];
}

const checked = new WeakMap<object, SubflowDefinition[]>();

/** `readSubflows`, once per definitions list: a store keeps the same list until a definition changes. */
function validated(doc: GraphDocument): SubflowDefinition[] {
  const list = (doc as { subflows?: unknown }).subflows;
  if (typeof list !== 'object' || list === null) return readSubflows(doc);
  let defs = checked.get(list);
  if (!defs) checked.set(list, (defs = readSubflows(doc)));
  return defs;
}

const isInstance = (find: DefinitionLookup) => (node: GraphNode) => !!find(node.type);

/**
 * Edges into and out of this pass's instances go to their inner ports; inner edges come
 * in, renamed (each instance's first, the last instance's leading, as one at a time did).
 */
function rewire(edges: GraphEdge[], round: Map<string, Round>): GraphEdge[] {
  const at = (instance: GraphNode, ref: PortRef) => ({ node: `${instance.id}/${ref.node}`, port: ref.port });
  const out: GraphEdge[] = [...round.values()].reverse().flatMap(({ instance, def }) => def.edges.map((e) => ({ ...e, id: `${instance.id}/${e.id}`, from: at(instance, e.from), to: at(instance, e.to) })));
  for (let edge of edges) {
    const source = round.get(edge.from.node);
    if (source) {
      const output = source.def.outputs.find((p) => p.name === edge.from.port);
      if (!output) throw portError(source.instance, source.def, 'output', edge.from.port);
      edge = { ...edge, from: at(source.instance, output.from) };
    }
    const target = round.get(edge.to.node);
    if (!target) {
      out.push(edge);
      continue;
    }
    const input = target.def.inputs.find((p) => p.name === edge.to.port);
    if (!input) throw portError(target.instance, target.def, 'input', edge.to.port);
    const into = edge;
    input.targets.forEach((t, i) => out.push({ ...into, id: `${into.id}>${i}`, to: at(target.instance, t) }));
  }
  return out;
}

function portError(instance: GraphNode, def: SubflowDefinition, side: string, port: string) {
  return new V2uError(ErrorCodes.missingPort, `node ${quote(instance.id)} (subflow ${quote(def.id)}) has no ${side} port ${quote(port)}`, '$.edges');
}

/** Replaces `{ "$param": name }` values (at any depth) with the instance's config or the field's default. */
function withParams(config: Record<string, unknown>, instance: GraphNode, def: SubflowDefinition): Record<string, unknown> {
  const param = (name: string) => (Object.hasOwn(instance.config, name) ? instance.config[name] : def.config?.[name]?.default);
  return mapParamRefs(config, (ref) => param(ref.$param)) as Record<string, unknown>;
}
