import { CURRENT_VERSION, LIMITS, outOfRange, zoomOutOfRange, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode } from './document.js';
import { ErrorCodes, V2uError, quote } from './errors.js';
import { topologicalOrder } from './graph-algorithms.js';
import { noPorts, type PortResolver } from './manifest.js';
import { copyJson } from './json-value.js';
import { migrate, migrations as builtInMigrations, type Migration } from './migrations.js';

export interface ParseOptions {
  /** Ports of known node types, to check that edges name real ports. Unknown types pass. */
  resolvePorts?: PortResolver;
  /** Replaces the built-in migrations (tests, forks). */
  migrations?: readonly Migration[];
  /** Deepest nesting allowed anywhere in the document (default 64). */
  maxDepth?: number;
  /** Most values the document may hold (default 5,000,000). */
  maxValues?: number;
  /**
   * Collects the ids of nodes that have no `position` (a graph made by a program): they get
   * (0, 0) and the editor lays them out. Without it, a missing position is an error.
   */
  unplaced?: string[];
}

type Json = Record<string, unknown>;
/**
 * A JSON path, or a function that builds it. Paths appear only in error messages, so the
 * per-node and per-edge ones are built on failure, not for every field of a large graph.
 */
type Path = string | (() => string);

/**
 * Parses and validates a graph document from JSON text or a plain object, migrating older
 * versions. Throws a V2uError whose message names the JSON path and what was expected;
 * never returns a half-valid document. Unknown node types and unknown fields are kept.
 */
export function parseDocument(input: string | unknown, options: ParseOptions = {}): GraphDocument {
  // One walk checks the tree is JSON (depth, cycles, keys, no Dates or BigInts) and copies
  // an object input, so later edits by the caller cannot reach the document.
  const limits = { maxDepth: options.maxDepth, maxValues: options.maxValues };
  const raw = typeof input === 'string' ? copyJson(parseJson(input), { ...limits, copy: false }) : copyJson(input, limits);
  const root = expectObject(raw, '$');
  const version = root.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail(ErrorCodes.missingField, 'expected "version", a whole number ≥ 1', '$.version');
  if (version > CURRENT_VERSION)
    fail(
      ErrorCodes.futureVersion,
      `document version ${version} is newer than this editor supports (${CURRENT_VERSION}); update the editor`,
      '$.version',
    );
  const doc = migrate(root, CURRENT_VERSION, options.migrations ?? builtInMigrations);
  return validate(doc, options.resolvePorts ?? noPorts, options.unplaced);
}

function validate(doc: Json, resolvePorts: PortResolver, unplaced?: string[]): GraphDocument {
  const nodes = expectArray(doc.nodes, '$.nodes').map((n, i) => readNode(n, () => `$.nodes[${i}]`, unplaced));
  const byId = indexUnique(nodes, '$.nodes');
  const edges = expectArray(doc.edges ?? [], '$.edges').map((e, i) => readEdge(e, () => `$.edges[${i}]`));
  indexUnique(edges, '$.edges');
  checkEdges(edges, byId, resolvePorts);
  const groups = expectArray(doc.groups ?? [], '$.groups').map((g, i) => readGroup(g, `$.groups[${i}]`, byId));
  indexUnique(groups, '$.groups');
  const viewport = readViewport(doc.viewport ?? { x: 0, y: 0, zoom: 1 }, '$.viewport');
  const metadata = expectObject(doc.metadata ?? {}, '$.metadata');
  return { ...doc, version: CURRENT_VERSION, nodes, edges, groups, viewport, metadata };
}

function readNode(value: unknown, path: Path, unplaced?: string[]): GraphNode {
  const node = expectObject(value, path);
  const config = node.config === undefined ? {} : expectObject(node.config, path, '.config');
  if (node.label !== undefined) expectString(node.label, path, true, '.label');
  const id = expectString(node.id, path, false, '.id');
  const missing = node.position === undefined && unplaced;
  if (missing) unplaced.push(id);
  // In place: the tree is this parse's own (JSON.parse's, or copyJson's copy). Keys keep their order.
  node.type = expectString(node.type, path, false, '.type');
  node.position = missing ? { x: 0, y: 0 } : readPoint(node.position, path, '.position');
  node.config = config;
  return node as unknown as GraphNode;
}

function readEdge(value: unknown, path: Path): GraphEdge {
  const edge = expectObject(value, path);
  expectString(edge.id, path, false, '.id');
  edge.from = readPortRef(edge.from, path, '.from');
  edge.to = readPortRef(edge.to, path, '.to');
  return edge as unknown as GraphEdge;
}

function readGroup(value: unknown, path: string, nodes: Map<string, unknown>): GraphGroup {
  const group = expectObject(value, path);
  if (group.label !== undefined) expectString(group.label, `${path}.label`, true);
  if (group.color !== undefined) expectString(group.color, path, false, '.color');
  if (group.collapsed !== undefined && typeof group.collapsed !== 'boolean') fail(ErrorCodes.wrongType, `expected true or false, got ${describe(group.collapsed)}`, `${path}.collapsed`);
  if (group.rect !== undefined) {
    const { x, y } = readPoint(group.rect, path, '.rect');
    const r = group.rect as Json;
    group.rect = { x, y, width: expectWithin(r.width, LIMITS.coordinate, path, '.rect.width'), height: expectWithin(r.height, LIMITS.coordinate, path, '.rect.height') };
  }
  const members = expectArray(group.nodes, `${path}.nodes`).map((id, i) => {
    const memberPath = `${path}.nodes[${i}]`;
    const nodeId = expectString(id, memberPath);
    if (!nodes.has(nodeId)) fail(ErrorCodes.missingNode, `group member ${quote(nodeId)} is not a node`, memberPath);
    return nodeId;
  });
  return { ...group, id: expectString(group.id, `${path}.id`), nodes: members };
}

function readPortRef(value: unknown, path: Path, field: string) {
  const ref = expectObject(value, path, field);
  return { node: expectString(ref.node, path, false, field, '.node'), port: expectString(ref.port, path, false, field, '.port') };
}

function readPoint(value: unknown, path: Path, field: string) {
  const point = expectObject(value, path, field);
  return { x: expectWithin(point.x, LIMITS.coordinate, path, field, '.x'), y: expectWithin(point.y, LIMITS.coordinate, path, field, '.y') };
}

function readViewport(value: unknown, path: string) {
  const viewport = expectObject(value, path);
  const zoom = expectFinite(viewport.zoom, `${path}.zoom`);
  const problem = zoomOutOfRange(zoom);
  if (problem) fail(ErrorCodes.outOfRange, problem, `${path}.zoom`);
  return { x: expectWithin(viewport.x, LIMITS.viewportOffset, path, '.x'), y: expectWithin(viewport.y, LIMITS.viewportOffset, path, '.y'), zoom };
}

function checkEdges(edges: GraphEdge[], nodes: Map<string, GraphNode>, resolve: PortResolver) {
  // Each type is asked for once: a registry counts and reorders on every lookup.
  const known = new Map<string, ReturnType<PortResolver>>();
  const resolvePorts: PortResolver = (type) => (known.has(type) ? known.get(type) : known.set(type, resolve(type)).get(type));
  const seen = new Set<string>();
  const fed = new Map<string, number>();
  edges.forEach((edge, i) => {
    checkEnd(edge.from, 'outputs', i, '.from', nodes, resolvePorts);
    const input = checkEnd(edge.to, 'inputs', i, '.to', nodes, resolvePorts);
    const key = `${edge.from.node}\0${edge.from.port}\0${edge.to.node}\0${edge.to.port}`;
    if (seen.has(key)) fail(ErrorCodes.duplicateEdge, `edge ${quote(edge.id)} repeats an earlier edge`, `$.edges[${i}]`);
    seen.add(key);
    if (input && !input.multiple) checkSingleInput(edges, i, fed);
  });
  const { cycle } = topologicalOrder(nodes.keys(), edges);
  if (cycle) fail(ErrorCodes.cycle, `the edges form a cycle: ${cycle.join(' → ')}`, '$.edges');
}

/**
 * The rule `canConnect` applies in the editor: a single-value input takes one edge (a run
 * would silently use the last). Called for single-value inputs of known types: an unknown
 * type's manifest, not this editor, knows whether its inputs take many.
 */
function checkSingleInput(edges: GraphEdge[], i: number, fed: Map<string, number>) {
  const { to } = edges[i];
  const key = `${to.node}\0${to.port}`;
  const first = fed.get(key);
  if (first === undefined) return void fed.set(key, i);
  fail(
    ErrorCodes.inputTaken,
    `edges ${quote(edges[first].id)} ($.edges[${first}]) and ${quote(edges[i].id)} both feed input ${quote(to.port)} of node ${quote(to.node)}, which takes one edge`,
    `$.edges[${i}].to`,
  );
}

function checkEnd(
  ref: { node: string; port: string },
  side: 'inputs' | 'outputs',
  index: number,
  end: string,
  nodes: Map<string, GraphNode>,
  resolvePorts: PortResolver,
) {
  const node = nodes.get(ref.node);
  if (!node) fail(ErrorCodes.missingNode, `no node with id ${quote(ref.node)}`, `$.edges[${index}]${end}.node`);
  const ports = resolvePorts(node.type);
  if (ports && !Object.hasOwn(ports[side], ref.port))
    fail(
      ErrorCodes.missingPort,
      `node ${quote(ref.node)} (${quote(node.type)}) has no ${side === 'inputs' ? 'input' : 'output'} port ${quote(ref.port)}`,
      `$.edges[${index}]${end}.port`,
    );
  return ports?.[side][ref.port];
}

function indexUnique<T extends { id: string }>(items: T[], path: string): Map<string, T> {
  const byId = new Map<string, T>();
  items.forEach((item, i) => {
    if (byId.has(item.id)) fail(ErrorCodes.duplicateId, `duplicate id ${quote(item.id)}`, `${path}[${i}].id`);
    byId.set(item.id, item);
  });
  return byId;
}

function at(path: Path, ...suffixes: string[]): string {
  return (typeof path === 'string' ? path : path()) + suffixes.join('');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    fail(ErrorCodes.badJson, `not valid JSON${locate(text, message)}: ${message}`, '$');
  }
}

function locate(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1])).split('\n');
  return ` (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

function expectObject(value: unknown, path: Path, field = ''): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(ErrorCodes.wrongType, `expected an object, got ${describe(value)}`, at(path, field));
  return value as Json;
}

function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(ErrorCodes.wrongType, `expected an array, got ${describe(value)}`, path);
  return value;
}

/** `field` and `sub` name the value under `path` (".from", ".node"), joined only on failure. */
function expectString(value: unknown, path: Path, allowEmpty = false, field = '', sub = ''): string {
  if (typeof value !== 'string' || (!allowEmpty && value === ''))
    fail(ErrorCodes.wrongType, `expected a ${allowEmpty ? '' : 'non-empty '}string, got ${describe(value)}`, at(path, field, sub));
  return value;
}

function expectFinite(value: unknown, path: Path, field = '', sub = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(ErrorCodes.wrongType, `expected a finite number, got ${describe(value)}`, at(path, field, sub));
  return value;
}

/** A finite number within ±`limit`: larger coordinates froze the canvas and are never a real layout. */
function expectWithin(value: unknown, limit: number, path: Path, field = '', sub = ''): number {
  const number = expectFinite(value, path, field, sub);
  const problem = outOfRange(number, limit);
  if (problem) fail(ErrorCodes.outOfRange, problem, at(path, field, sub));
  return number;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `the string ${quote(value, 40)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function fail(code: (typeof ErrorCodes)[keyof typeof ErrorCodes], message: string, path: string): never {
  throw new V2uError(code, message, path);
}
