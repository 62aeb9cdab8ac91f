import type { NodeManifest } from './manifest.js';
import { failField, validateManifest } from './validate-manifest.js';

// validateManifest has a module of its own: the editor checks manifests from bundles and
// IndexedDB before first paint, while defineNode and the rest only serve node modules.
export { validateManifest };

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
  if (typeof definition.processLogic !== 'function') failField(definition, 'processLogic', 'must be a function');
  return Object.freeze(definition);
}

/** The manifest of a definition: everything but functions, as plain cloneable data. */
export function manifestOf(definition: NodeManifest): NodeManifest {
  const { processLogic: _logic, ...rest } = definition as NodeDefinition;
  return structuredClone(rest);
}

/** The config with every field's default filled in where the node's own config lacks it. */
export function configWithDefaults(manifest: NodeManifest, config: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(manifest.config ?? {}))
    if (field.default !== undefined) filled[name] = structuredClone(field.default);
  return Object.assign(filled, config);
}
