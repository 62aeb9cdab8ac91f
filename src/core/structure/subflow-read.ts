import { parseDocument } from '../parse.js';
import { CURRENT_VERSION, type GraphDocument, type PortRef, type SubflowDefinition, type SubflowInput, type SubflowOutput } from '../document.js';
import { ErrorCodes, V2uError, quote } from '../errors.js';
import type { NodeManifest } from '../manifest.js';

/** Instances of a subflow are nodes of this type prefix plus the definition's id. */
export const SUBFLOW_PREFIX = 'subflow/';

export type { SubflowDefinition, SubflowInput, SubflowOutput } from '../document.js';

/** The node type of a subflow's instances: `subflow/<id>`. */
export const subflowType = (id: string): string => SUBFLOW_PREFIX + id;

/** Whether `value` is a `{ "$param": name }` reference: an inner config value read from the instance. */
export function isParamRef(value: unknown): value is { $param: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const ref = (value as { $param?: unknown }).$param;
  return keys.length === 1 && typeof ref === 'string';
}

/** `value` (plain JSON) with every `{ "$param": name }` in it, at any depth, replaced by `replace(ref)`. */
export function mapParamRefs(value: unknown, replace: (ref: { $param: string }) => unknown): unknown {
  if (isParamRef(value)) return replace(value);
  if (Array.isArray(value)) return value.map((v) => mapParamRefs(v, replace));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapParamRefs(v, replace)]));
}

/** The definition id of a subflow instance's type, or undefined for any other type. */
export function subflowIdOf(type: string): string | undefined {
  return type.startsWith(SUBFLOW_PREFIX) ? type.slice(SUBFLOW_PREFIX.length) : undefined;
}

/**
 * The document's subflow definitions (`$.subflows`), validated: each inside is checked as a
 * graph document (ids, edges, ports, no cycle), boundary ports must name inner ports, and
 * no subflow may contain itself through others. Errors name the JSON path.
 */
export function readSubflows(doc: object): SubflowDefinition[] {
  const list = (doc as Record<string, unknown>).subflows;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new V2uError(ErrorCodes.wrongType, 'expected an array of subflow definitions', '$.subflows');
  const defs = list.map((value, i) => readSubflowDefinition(value, `$.subflows[${i}]`));
  const ids = new Set<string>();
  defs.forEach((d, i) => {
    if (ids.has(d.id)) throw new V2uError(ErrorCodes.duplicateId, `duplicate subflow id ${quote(d.id)}`, `$.subflows[${i}].id`);
    ids.add(d.id);
  });
  checkCycles(new Map(defs.map((d) => [d.id, d])));
  return defs;
}

/**
 * One subflow definition, validated as `readSubflows` checks each (the inside as a graph
 * document, boundary ports naming inner ports); errors carry JSON paths under `path`.
 */
export function readSubflowDefinition(value: unknown, path: string): SubflowDefinition {
  const def = value as SubflowDefinition;
  if (typeof def !== 'object' || def === null || Array.isArray(def)) throw new V2uError(ErrorCodes.wrongType, 'expected a subflow definition object', path);
  for (const key of ['id', 'title'] as const)
    if (typeof def[key] !== 'string' || def[key] === '') throw new V2uError(ErrorCodes.wrongType, `expected a non-empty string`, `${path}.${key}`);
  if (!Number.isInteger(def.version) || def.version < 1) throw new V2uError(ErrorCodes.wrongType, 'expected a whole number ≥ 1', `${path}.version`);
  let inner: GraphDocument;
  try {
    inner = parseDocument({ version: CURRENT_VERSION, nodes: def.nodes, edges: def.edges });
  } catch (error) {
    if (!(error instanceof V2uError)) throw error;
    throw new V2uError(error.code, error.message.replace(/^\$[^:]*: /, ''), `${path}${(error.path ?? '$').slice(1)}`);
  }
  const nodes = new Set(inner.nodes.map((n) => n.id));
  const checkRef = (ref: PortRef | undefined, at: string) => {
    if (!ref || typeof ref.node !== 'string' || typeof ref.port !== 'string' || !nodes.has(ref.node))
      throw new V2uError(ErrorCodes.missingNode, `expected an inner node and port of subflow ${quote(def.id)}`, at);
  };
  const ports = (list: unknown, at: string) => {
    if (!Array.isArray(list)) throw new V2uError(ErrorCodes.wrongType, 'expected an array of ports', at);
    const names = new Set<string>();
    list.forEach((p: { name?: unknown; type?: unknown }, i) => {
      if (typeof p?.name !== 'string' || p.name === '' || names.has(p.name)) throw new V2uError(ErrorCodes.badValue, 'expected a unique, non-empty port name', `${at}[${i}].name`);
      if (typeof p.type !== 'string') throw new V2uError(ErrorCodes.wrongType, 'expected a port type string', `${at}[${i}].type`);
      names.add(p.name);
    });
    return list;
  };
  ports(def.inputs, `${path}.inputs`).forEach((p: SubflowInput, i) => {
    if (!Array.isArray(p.targets)) throw new V2uError(ErrorCodes.wrongType, 'expected an array of inner ports', `${path}.inputs[${i}].targets`);
    p.targets.forEach((t, j) => checkRef(t, `${path}.inputs[${i}].targets[${j}]`));
  });
  ports(def.outputs, `${path}.outputs`).forEach((p: SubflowOutput, i) => checkRef(p.from, `${path}.outputs[${i}].from`));
  return { ...def, nodes: inner.nodes, edges: inner.edges };
}

/** Refuses a subflow that contains itself, directly or through others, naming the path. */
export function checkCycles(defs: Map<string, SubflowDefinition>): void {
  const done = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (path.includes(id)) throw new V2uError(ErrorCodes.cycle, `subflow ${quote(id)} contains itself: ${[...path, id].map((p) => quote(p)).join(' → ')}`, '$.subflows');
    if (done.has(id)) return;
    for (const node of defs.get(id)?.nodes ?? []) {
      const inner = subflowIdOf(node.type);
      if (inner !== undefined) visit(inner, [...path, id]);
    }
    done.add(id);
  };
  for (const id of defs.keys()) visit(id, []);
}

/** What the palette, the node shell and connection checks see of a subflow: a node type. */
export function subflowManifest(def: SubflowDefinition): NodeManifest {
  const ports = (list: Array<{ name: string; type: string }>) => Object.fromEntries(list.map((p) => [p.name, { type: p.type }]));
  return {
    type: subflowType(def.id),
    version: def.version,
    category: 'utility',
    title: def.title,
    inputs: ports(def.inputs),
    outputs: ports(def.outputs),
    ...(def.config ? { config: def.config } : {}),
  };
}
