import { ErrorCodes, V2uError, quote } from './errors.js';
import { NODE_CATEGORIES, type ConfigField, type NodeManifest, type PortSpec } from './manifest.js';
import { parsePortType } from './port-types.js';

/**
 * What the host page allows a flow to reach: network nodes may call `origin` (default: the
 * page's or worker's own) and `allowedOrigins` (`'*'` for any). Only the host sets it, never
 * a graph, so a flow loaded from elsewhere cannot widen it.
 */
export interface HostPolicy {
  origin?: string;
  allowedOrigins?: readonly string[] | string;
}

/** What `processLogic` gets besides its inputs. */
export interface NodeContext {
  /** The host's policy for nodes that reach outside (HTTP). */
  host?: HostPolicy;
  /** Aborted when the run is cancelled or superseded by a newer edit. */
  signal: AbortSignal;
  /** The node's config, defaults filled in. */
  config: Record<string, unknown>;
  nodeId: string;
  /** Goes to the editor's log for this node (and the console in development). */
  log: (...args: unknown[]) => void;
}

/** Reports progress from 0 to 1, with an optional message, to the node's progress bar. */
export type ReportProgress = (fraction: number, message?: string) => void;

export type NodeInputs = Record<string, unknown>;
export type NodeOutputs = Record<string, unknown>;

/**
 * A node type's full definition: its manifest plus its logic. The logic is pure:
 * structured-clone data in, structured-clone data out, no DOM, so the same module runs in
 * a worker, on the main thread and in Node. Inputs are read-only: several nodes may read
 * the same upstream table in one worker (long ones arrive frozen), so return new arrays
 * and rows rather than changing the ones received.
 */
export interface NodeDefinition extends NodeManifest {
  processLogic(inputs: NodeInputs, context: NodeContext, reportProgress: ReportProgress): NodeOutputs | Promise<NodeOutputs>;
}

const TYPE_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;
const FIELD_TYPES = new Set<ConfigField['type']>(['string', 'number', 'boolean', 'enum', 'text', 'code', 'json']);
const CACHE_STRATEGIES = ['aggressive', 'normal', 'none'];
const PRIORITIES = ['high', 'normal', 'low'];

/**
 * Declares a node type. Validates the definition and throws a V2uError naming the node
 * type and the field at fault, so a broken node pack fails loudly at import, not mid-run.
 *
 * @example
 * export default defineNode({
 *   type: 'transform/double', version: 1, category: 'transform', title: 'Double',
 *   inputs: { value: { type: 'number' } }, outputs: { value: { type: 'number' } },
 *   processLogic: ({ value }) => ({ value: (value as number) * 2 }),
 * });
 */
export function defineNode<T extends NodeDefinition>(definition: T): Readonly<T> {
  validateManifest(definition);
  if (typeof definition.processLogic !== 'function') fail(definition, 'processLogic', 'must be a function');
  return Object.freeze(definition);
}

/** The manifest of a definition: everything but functions, as plain cloneable data. */
export function manifestOf(definition: NodeManifest): NodeManifest {
  const { processLogic: _logic, ...rest } = definition as NodeDefinition;
  return structuredClone(rest);
}

/** Checks a manifest (from a definition, a bundle or IndexedDB); throws a V2uError naming the field. */
export function validateManifest(manifest: NodeManifest): void {
  if (typeof manifest !== 'object' || manifest === null)
    throw new V2uError(ErrorCodes.badDefinition, 'a node definition must be an object');
  if (typeof manifest.type !== 'string' || !TYPE_PATTERN.test(manifest.type))
    fail(manifest, 'type', 'must look like "category/name" (lowercase letters, digits and dashes)');
  if (!Number.isInteger(manifest.version) || manifest.version < 1) fail(manifest, 'version', 'must be a whole number ≥ 1');
  if (!NODE_CATEGORIES.includes(manifest.category)) fail(manifest, 'category', `must be one of ${NODE_CATEGORIES.join(', ')}`);
  if (typeof manifest.title !== 'string' || !manifest.title.trim()) fail(manifest, 'title', 'must be a non-empty string');
  for (const key of ['description', 'icon'] as const)
    if (manifest[key] !== undefined && typeof manifest[key] !== 'string') fail(manifest, key, 'must be a string');
  if (manifest.keywords !== undefined && (!Array.isArray(manifest.keywords) || manifest.keywords.some((k) => typeof k !== 'string')))
    fail(manifest, 'keywords', 'must be an array of strings');
  validatePorts(manifest, 'inputs');
  validatePorts(manifest, 'outputs');
  validateConfig(manifest);
  validatePerformance(manifest);
}

function validatePorts(manifest: NodeManifest, side: 'inputs' | 'outputs') {
  const ports = manifest[side];
  if (typeof ports !== 'object' || ports === null || Array.isArray(ports)) fail(manifest, side, 'must be an object of ports');
  for (const [name, spec] of Object.entries(ports as Record<string, PortSpec>)) {
    const where = `${side}.${name}`;
    if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') fail(manifest, where, 'needs a "type"');
    try {
      parsePortType(spec.type);
    } catch (error) {
      fail(manifest, `${where}.type`, (error as Error).message.replace(/^\$: /, ''));
    }
  }
}

function validateConfig(manifest: NodeManifest) {
  if (manifest.config === undefined) return;
  if (typeof manifest.config !== 'object' || manifest.config === null) fail(manifest, 'config', 'must be an object of fields');
  for (const [name, field] of Object.entries(manifest.config)) {
    if (!field || !FIELD_TYPES.has(field.type))
      fail(manifest, `config.${name}.type`, `must be one of ${[...FIELD_TYPES].join(', ')}`);
    if (field.type === 'enum' && (!Array.isArray(field.options) || field.options.length === 0))
      fail(manifest, `config.${name}.options`, 'must list the choices of an enum');
  }
}

function validatePerformance(manifest: NodeManifest) {
  const perf = manifest.performance;
  if (perf === undefined) return;
  if (perf.cacheStrategy !== undefined && !CACHE_STRATEGIES.includes(perf.cacheStrategy))
    fail(manifest, 'performance.cacheStrategy', `must be one of ${CACHE_STRATEGIES.join(', ')}`);
  if (perf.priority !== undefined && !PRIORITIES.includes(perf.priority))
    fail(manifest, 'performance.priority', `must be one of ${PRIORITIES.join(', ')}`);
}

/** The config with every field's default filled in where the node's own config lacks it. */
export function configWithDefaults(manifest: NodeManifest, config: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(manifest.config ?? {}))
    if (field.default !== undefined) filled[name] = structuredClone(field.default);
  return Object.assign(filled, config);
}

function fail(manifest: Partial<NodeManifest>, field: string, problem: string): never {
  const name = typeof manifest?.type === 'string' ? manifest.type : '(no type)';
  throw new V2uError(ErrorCodes.badDefinition, `defineNode(${quote(name)}): ${field} ${problem}`, field);
}
