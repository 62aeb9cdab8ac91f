import { ErrorCodes, V2uError } from './errors.js';

/**
 * Migrations lift an older document one version at a time, in order, so each step only
 * knows its neighbour. They receive and return plain JSON and never mutate their input.
 */
export interface Migration {
  from: number;
  to: number;
  /** What changed, for the changelog and error messages. */
  description: string;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Version 1 was the prototype's format: nodes carried `x`/`y` and `data`, edges were
 * `{ source, sourcePort, target, targetPort }`, and there were no groups or viewport.
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  description: 'nodes: x/y/data → position/config; edges: source/target → from/to; add groups and viewport',
  migrate(doc) {
    const nodes = Array.isArray(doc.nodes) ? doc.nodes.map(migrateNodeV1) : doc.nodes;
    const edges = Array.isArray(doc.edges) ? doc.edges.map(migrateEdgeV1) : doc.edges;
    return { groups: [], viewport: { x: 0, y: 0, zoom: 1 }, ...doc, version: 2, nodes, edges };
  },
};

function migrateNodeV1(node: unknown): unknown {
  if (!isObject(node) || 'position' in node) return node;
  const { x, y, data, ...rest } = node;
  return { ...rest, position: { x, y }, config: data ?? {} };
}

function migrateEdgeV1(edge: unknown): unknown {
  if (!isObject(edge) || 'from' in edge) return edge;
  const { source, sourcePort, target, targetPort, ...rest } = edge;
  return { ...rest, from: { node: source, port: sourcePort }, to: { node: target, port: targetPort } };
}

/** The built-in migrations, oldest first. */
export const migrations: readonly Migration[] = [v1ToV2];

/** Runs every migration from `doc.version` up to `target`, in order. */
export function migrate(doc: Json, target: number, list: readonly Migration[] = migrations): Json {
  let current = doc;
  for (let version = current.version as number; version < target; ) {
    const step = list.find((m) => m.from === version);
    if (!step)
      throw new V2uError(ErrorCodes.badValue, `no migration from document version ${version} to ${target}`, '$.version');
    current = step.migrate(current);
    current = { ...current, version: step.to };
    version = step.to;
  }
  return current;
}
