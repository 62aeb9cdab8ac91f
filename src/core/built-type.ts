import type { SubflowDefinition } from './document.js';
import type { NodeManifest } from './manifest.js';

/**
 * A node type made in the visual builder: a manifest plus its logic as **data**. The runtime
 * interprets it (no code is generated or evaluated), so it runs under a strict CSP, in the
 * worker pool, on the main thread, in the headless engine and in the CLI.
 *
 * @example
 * const total: BuiltNodeType = {
 *   type: 'shop/line-total', version: 1, category: 'transform', title: 'Line total',
 *   inputs: { price: { type: 'number' }, quantity: { type: 'number' } },
 *   outputs: { total: { type: 'number' } },
 *   config: { rate: { type: 'number', default: 0.2 } },
 *   logic: { kind: 'expression', outputs: { total: 'price * quantity * (1 + $config.rate)' } },
 * };
 */
export interface BuiltNodeType extends NodeManifest {
  logic: BuiltLogic;
}

/**
 * How a builder-made type computes its outputs:
 * - `expression`: one JSONata expression per output port. The expression's input (`$`) is
 *   the node's inputs by port name (`price * quantity`; a name with spaces in backticks), and
 *   `$config` is the node's config, defaults filled in (`$config.rate`).
 * - `subflow`: a flow of existing node types; its boundary inputs and outputs are the type's
 *   ports (same names), and inner config values `{ "$param": "rate" }` read the type's config.
 */
export type BuiltLogic = { kind: 'expression'; outputs: Record<string, string> } | { kind: 'subflow'; subflow: BuiltSubflow };

/** The inside of a subflow-kind type: a `SubflowDefinition` without what the type itself says (id, version, title, config). */
export type BuiltSubflow = Pick<SubflowDefinition, 'inputs' | 'outputs' | 'nodes' | 'edges'>;

/**
 * The config key under which an expression-kind type's logic reaches its interpreter module
 * (`context.config.$logic`): set after the defaults, so it is part of the run's cache key and
 * a node's own config cannot replace it. Config field names may not start with `$`.
 */
export const BUILT_LOGIC_KEY = '$logic';

/** Whether a manifest (from the registry, a bundle) carries builder-made logic. */
export function isBuiltType(manifest: NodeManifest | undefined): manifest is BuiltNodeType {
  const logic = (manifest as Partial<BuiltNodeType> | undefined)?.logic;
  return typeof logic === 'object' && logic !== null && (logic.kind === 'expression' || logic.kind === 'subflow');
}

/** The type's manifest without its logic: what a palette or a `defineNode` module shows. */
export function builtManifest(type: BuiltNodeType): NodeManifest {
  const { logic: _logic, ...manifest } = type;
  return manifest;
}

/**
 * The subflow definition a subflow-kind type runs as: its id is the node type, so the engine's
 * subflow expansion (`expandSubflows`) runs instances of the type like document subflows.
 */
export function builtSubflow(type: BuiltNodeType): SubflowDefinition | undefined {
  if (type.logic.kind !== 'subflow') return undefined;
  const { inputs, outputs, nodes, edges } = type.logic.subflow;
  return { id: type.type, version: type.version, title: type.title, inputs, outputs, nodes, edges, ...(type.config ? { config: type.config } : {}) };
}
