import jsonata from 'jsonata';
import type { BuiltNodeType } from './built-type.js';
import { ErrorCodes, V2uError, isV2uError, quote, type ErrorCode } from './errors.js';
import type { PortSpec } from './manifest.js';
import { isAssignable, parsePortType } from './port-types.js';
import { readSubflowDefinition } from './structure/subflow-read.js';
import { keyPath, validateManifest } from './validate-manifest.js';

/**
 * Checks a builder-made node type (from the builder, IndexedDB, a node pack) and returns it
 * typed; throws a V2uError whose `path` is the JSON path of the field at fault
 * (`$.inputs.price.type`, `$.logic.outputs.total`), so the builder can mark that field.
 * Checks the manifest as `defineNode` does, that every output has an expression and each
 * parses (JSONata), or that a subflow's inside is a valid flow whose boundary ports are the
 * declared ports (same names, assignable types). A chunk of its own: it brings JSONata's parser.
 *
 * @example
 * try { validateBuiltType(draft); } catch (e) { markField(e.path, e.message); }
 */
export function validateBuiltType(value: unknown): BuiltNodeType {
  const type = value as BuiltNodeType;
  if (typeof type !== 'object' || type === null || Array.isArray(type)) throw new V2uError(ErrorCodes.badDefinition, 'a built node type must be an object');
  checkManifest(type);
  for (const name of Object.keys(type.config ?? {}))
    if (name.startsWith('$')) fail(type, ErrorCodes.badDefinition, `$.config${keyPath(name)}`, 'is a reserved name: config field names may not start with "$"');
  const logic = type.logic as unknown as Record<string, unknown> | undefined;
  if (typeof logic !== 'object' || logic === null || Array.isArray(logic)) fail(type, ErrorCodes.badDefinition, '$.logic', 'must be an object with a "kind"');
  if (logic.kind === 'expression') checkExpressions(type, logic.outputs);
  else if (logic.kind === 'subflow') checkSubflow(type, logic.subflow);
  else fail(type, ErrorCodes.badDefinition, '$.logic.kind', 'must be "expression" or "subflow"');
  return type;
}

/** `validateManifest`, its field path made a JSON path and its wording the builder's. */
function checkManifest(type: BuiltNodeType) {
  try {
    validateManifest(type);
  } catch (error) {
    if (!isV2uError(error)) throw error;
    const path = error.path === '$' ? '$' : `$${error.path.startsWith('[') ? '' : '.'}${error.path}`;
    throw new V2uError(error.code, error.message.replace(/^defineNode\(/, 'built type('), path);
  }
}

function checkExpressions(type: BuiltNodeType, outputs: unknown) {
  if (typeof outputs !== 'object' || outputs === null || Array.isArray(outputs)) fail(type, ErrorCodes.badDefinition, '$.logic.outputs', 'must be an object: one expression per output port');
  const texts = outputs as Record<string, unknown>;
  for (const name of Object.keys(texts))
    if (!Object.hasOwn(type.outputs, name)) fail(type, ErrorCodes.missingPort, `$.logic.outputs${keyPath(name)}`, `has no output port ${quote(name)} to compute`);
  for (const name of Object.keys(type.outputs)) {
    const path = `$.logic.outputs${keyPath(name)}`;
    const text = texts[name];
    if (typeof text !== 'string' || !text.trim()) fail(type, ErrorCodes.badExpression, path, `needs an expression for output ${quote(name)}`);
    try {
      jsonata(text);
    } catch (error) {
      const { message, position } = error as { message?: string; position?: number };
      fail(type, ErrorCodes.badExpression, path, `${quote(text)}: ${message ?? error}${typeof position === 'number' ? ` at position ${position}` : ''}`);
    }
  }
}

function checkSubflow(type: BuiltNodeType, subflow: unknown) {
  const at = '$.logic.subflow';
  if (typeof subflow !== 'object' || subflow === null || Array.isArray(subflow)) fail(type, ErrorCodes.badDefinition, at, 'must be a subflow: inputs, outputs, nodes and edges');
  const def = readSubflowDefinition({ ...subflow, id: type.type, version: type.version, title: type.title }, at);
  def.nodes.forEach((node, i) => {
    if (node.type === type.type) fail(type, ErrorCodes.cycle, `${at}.nodes[${i}].type`, 'is the type itself: a node type cannot contain itself');
  });
  matchBoundary(type, 'inputs', def.inputs);
  matchBoundary(type, 'outputs', def.outputs);
}

/** The subflow's boundary ports are the declared ports: same names, and data flows between them. */
function matchBoundary(type: BuiltNodeType, side: 'inputs' | 'outputs', boundary: Array<{ name: string; type: string }>) {
  const declared: Record<string, PortSpec> = type[side];
  boundary.forEach((port, i) => {
    const path = `$.logic.subflow.${side}[${i}]`;
    const spec = Object.hasOwn(declared, port.name) ? declared[port.name] : undefined;
    if (!spec) fail(type, ErrorCodes.missingPort, `${path}.name`, `names no declared ${side.slice(0, -1)} port ${quote(port.name)}`);
    let inner;
    try {
      inner = parsePortType(port.type);
    } catch (error) {
      fail(type, ErrorCodes.badPortType, `${path}.type`, (error as Error).message.replace(/^\$: /, ''));
    }
    const outer = parsePortType(spec.type);
    const fits = side === 'inputs' ? isAssignable(outer, inner) : isAssignable(inner, outer);
    if (!fits) fail(type, ErrorCodes.typeMismatch, `${path}.type`, `${quote(port.type)} does not match the declared port type ${quote(spec.type)}`);
  });
  for (const name of Object.keys(declared))
    if (!boundary.some((p) => p.name === name)) fail(type, ErrorCodes.missingPort, `$.${side}${keyPath(name)}`, `has no boundary port in logic.subflow.${side}`);
}

function fail(type: BuiltNodeType, code: ErrorCode, path: string, problem: string): never {
  const name = typeof type?.type === 'string' ? type.type : '(no type)';
  throw new V2uError(code, `built type(${quote(name)}): ${path} ${problem}`, path);
}
