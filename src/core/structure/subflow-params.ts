import type { GraphNode } from '../document.js';
import type { ConfigField } from '../manifest.js';
import { ErrorCodes, V2uError, quote } from '../errors.js';
import type { GraphStore } from '../graph-store.js';
import { definitionsOf, writeSubflow } from './subflow-commands.js';
import { mapParamRefs, subflowType, type SubflowDefinition } from './subflow-read.js';

/** `value` with every `{ "$param": from }` (at any depth) replaced by `replace()`. */
const mapParams = (value: unknown, from: string, replace: () => unknown): unknown => mapParamRefs(value, (ref) => (ref.$param === from ? replace() : ref));

/** The inner nodes of `def` whose config reads field `name` through `{ "$param": name }`. */
export function paramUsers(def: SubflowDefinition, name: string): string[] {
  const marker = {};
  return def.nodes.filter((n) => JSON.stringify(mapParams(n.config, name, () => marker)) !== JSON.stringify(n.config)).map((n) => n.id);
}

function requireDef(store: GraphStore, id: string): SubflowDefinition {
  const def = definitionsOf(store).find((d) => d.id === id);
  if (!def) throw new V2uError(ErrorCodes.missingNode, `subflow settings: no subflow with id ${quote(id)}`, '$.subflows');
  return def;
}

function checkName(id: string, name: string): void {
  if (!/^[A-Za-z_][\w-]*$/.test(name)) throw new V2uError(ErrorCodes.badValue, `subflow ${quote(id)}: field name ${quote(name)} must start with a letter and hold letters, digits, _ or -`, '$.subflows');
}

/**
 * Adds config field `name` to subflow `id`, or replaces its type, label or default, as one
 * undoable edit. Instances show the field in their inspector; inner nodes read it with
 * `{ "$param": name }`.
 *
 * @example
 * setSubflowField(store, 'sf1', 'rate', { type: 'number', default: 2 });
 */
export function setSubflowField(store: GraphStore, id: string, name: string, field: ConfigField): SubflowDefinition {
  const def = requireDef(store, id);
  checkName(id, name);
  return writeSubflow(store, id, { config: { ...def.config, [name]: field } });
}

/** Adds config field `name` to subflow `id` (one undoable edit); refuses a name it already has. */
export function addSubflowField(store: GraphStore, id: string, name: string, field: ConfigField): SubflowDefinition {
  const def = requireDef(store, id);
  if (def.config && Object.hasOwn(def.config, name)) throw new V2uError(ErrorCodes.duplicateId, `subflow ${quote(id)} already has a config field ${quote(name)}`, '$.subflows');
  return setSubflowField(store, id, name, field);
}

/**
 * Renames config field `from` of subflow `id` to `to`, every inner `{ "$param": from }`,
 * and the value each instance holds under `from` (in the document and inside other
 * subflows), as one undoable edit: a person's settings follow the field. Refuses a name
 * the subflow already has.
 */
export function renameSubflowField(store: GraphStore, id: string, from: string, to: string): SubflowDefinition {
  const def = requireDef(store, id);
  const config = def.config ?? {};
  if (!Object.hasOwn(config, from)) throw new V2uError(ErrorCodes.missingField, `subflow ${quote(id)} has no config field ${quote(from)}`, '$.subflows');
  if (to === from) return def;
  if (Object.hasOwn(config, to)) throw new V2uError(ErrorCodes.duplicateId, `subflow ${quote(id)} already has a config field ${quote(to)}`, '$.subflows');
  checkName(id, to);
  const rename = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== to).map(([k, v]) => [k === from ? to : k, v]));
  const type = subflowType(id);
  const holds = (n: GraphNode) => n.type === type && n.config !== undefined && Object.hasOwn(n.config, from);
  const moved = (n: GraphNode): GraphNode => (holds(n) ? { ...n, config: rename(n.config) } : n);
  const nodes = def.nodes.map((n) => ({ ...n, config: mapParams(n.config, from, () => ({ $param: to })) as Record<string, unknown> }));
  return store.transaction(`Rename field ${from}`, () => {
    const after = writeSubflow(store, id, { config: rename(config) as SubflowDefinition['config'], nodes });
    for (const other of definitionsOf(store)) if (other.id !== id && other.nodes.some(holds)) writeSubflow(store, other.id, { nodes: other.nodes.map(moved) });
    const instances = [...store.state.nodes()].filter(holds);
    store.apply(`Rename field ${from}`, instances.map((n) => ({ type: 'node-update', id: n.id, before: n, after: moved(n) })));
    return after;
  });
}

/** Removes config field `name` of subflow `id` (one undoable edit); refuses while inner nodes read it, naming them. */
export function removeSubflowField(store: GraphStore, id: string, name: string): SubflowDefinition {
  const def = requireDef(store, id);
  const users = paramUsers(def, name);
  if (users.length) throw new V2uError(ErrorCodes.badValue, `subflow ${quote(id)}: config field ${quote(name)} is still read by ${users.map((u) => quote(u)).join(', ')}; unbind it there first`, '$.subflows');
  const { [name]: _old, ...config } = def.config ?? {};
  return writeSubflow(store, id, { config });
}
