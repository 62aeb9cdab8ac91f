import type { BuiltNodeType, BuiltSubflow } from '../../core/built-type.js';
import type { ConfigField, NodeCategory, PortSpec } from '../../core/index.js';
import { keyPath } from '../../core/validate-manifest.js';

/** A port as the builder edits it: a row with a stable id, so renaming keeps its expression and focus. */
export interface PortRow {
  id: number;
  name: string;
  type: string;
}

/** A config field as the builder edits it; `default` and `options` are the text typed. */
export interface FieldRow {
  id: number;
  name: string;
  type: ConfigField['type'];
  label: string;
  default: string;
  options: string;
}

/**
 * The builder's form state: what a person typed, before it is a node type. `toBuilt` turns it
 * into the `BuiltNodeType` the registry takes, with a map from each JSON path to the control
 * that edits it, so a validation error lands next to its field.
 */
export interface Draft {
  type: string;
  version: number;
  title: string;
  category: NodeCategory;
  icon: string;
  description: string;
  keywords: string;
  inputs: PortRow[];
  outputs: PortRow[];
  config: FieldRow[];
  logic: 'expression' | 'subflow';
  /** One expression per output row id. */
  expressions: Record<number, string>;
  /** The flow a subflow-kind type runs; its boundary ports follow the port rows by position. */
  subflow?: BuiltSubflow;
  /** Where the subflow came from, as the logic section says it. */
  subflowSource?: string;
}

let nextId = 1;
/** A fresh row id. */
export const rowId = (): number => nextId++;

export const port = (name: string, type = 'any'): PortRow => ({ id: rowId(), name, type });

export function emptyDraft(): Draft {
  const out = port('result', 'number');
  return {
    type: 'custom/my-node',
    version: 1,
    title: 'My node',
    category: 'transform',
    icon: '',
    description: '',
    keywords: '',
    inputs: [port('a', 'number'), port('b', 'number')],
    outputs: [out],
    config: [],
    logic: 'expression',
    expressions: { [out.id]: 'a + b' },
  };
}

/** A saved type back as a draft, to edit it. */
export function draftOf(type: BuiltNodeType): Draft {
  const rows = (ports: Record<string, PortSpec>) => Object.entries(ports).map(([name, spec]) => port(name, spec.type));
  const outputs = rows(type.outputs);
  const logic = type.logic;
  return {
    type: type.type,
    version: type.version,
    title: type.title,
    category: type.category,
    icon: typeof type.icon === 'string' ? type.icon : '',
    description: type.description ?? '',
    keywords: (type.keywords ?? []).join(', '),
    inputs: rows(type.inputs),
    outputs,
    config: fieldRows(type.config),
    logic: logic.kind,
    expressions: logic.kind === 'expression' ? Object.fromEntries(outputs.map((o) => [o.id, logic.outputs[o.name] ?? ''])) : {},
    ...(logic.kind === 'subflow' ? { subflow: logic.subflow, subflowSource: 'saved with the type' } : {}),
  };
}

/** Config fields as builder rows. */
export function fieldRows(config: Record<string, ConfigField> | undefined): FieldRow[] {
  return Object.entries(config ?? {}).map(([name, f]) => ({
    id: rowId(),
    name,
    type: f.type,
    label: f.label ?? '',
    default: f.default === undefined ? '' : f.type === 'json' ? JSON.stringify(f.default) : String(f.default),
    options: (f.options ?? []).join(', '),
  }));
}

/** The draft as a node type, the control each JSON path names, and problems the record form cannot show (two ports of one name). */
export interface Built {
  value: BuiltNodeType;
  /** JSON path → id of the control that edits it. */
  paths: Map<string, string>;
  /** Control id → problem, found before the type's own validation. */
  problems: Map<string, string>;
}

export function toBuilt(d: Draft): Built {
  const paths = new Map<string, string>(IDENTITY.map((key) => [`$.${key}`, `nb-${key}`]));
  const problems = new Map<string, string>();
  const ports = (side: 'inputs' | 'outputs', rows: PortRow[]) => {
    const out: Record<string, PortSpec> = {};
    paths.set(`$.${side}`, `nb-${side}`);
    rows.forEach((row, i) => {
      const at = `$.${side}${keyPath(row.name)}`;
      const id = `nb-${side}-${row.id}`;
      paths.set(at, `${id}-name`).set(`${at}.type`, `${id}-type`);
      if (!row.name.trim()) problems.set(`${id}-name`, `${sideName(side)} ${i + 1} needs a name`);
      else if (Object.hasOwn(out, row.name)) problems.set(`${id}-name`, `${sideName(side)} name “${row.name}” is used twice`);
      out[row.name] = { type: row.type };
    });
    return out;
  };
  const inputs = ports('inputs', d.inputs);
  const outputs = ports('outputs', d.outputs);
  const config = d.config.length ? fields(d.config, paths, problems) : undefined;
  paths.set('$.logic', 'nb-logic');
  const value: BuiltNodeType = {
    type: d.type.trim(),
    version: d.version,
    category: d.category,
    title: d.title.trim(),
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    ...(d.keywords.trim() ? { keywords: list(d.keywords) } : {}),
    ...(d.icon ? { icon: d.icon } : {}),
    inputs,
    outputs,
    ...(config ? { config } : {}),
    logic: d.logic === 'subflow' ? { kind: 'subflow', subflow: boundary(d) } : { kind: 'expression', outputs: expressions(d, paths) },
  };
  paths.set('$.logic.subflow', 'nb-subflow');
  return { value, paths, problems };
}

const IDENTITY = ['type', 'title', 'category', 'icon', 'description', 'keywords'];

const sideName = (side: 'inputs' | 'outputs') => (side === 'inputs' ? 'Input' : 'Output');

/** A comma-separated list, trimmed, empties dropped. */
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function expressions(d: Draft, paths: Map<string, string>): Record<string, string> {
  paths.set('$.logic.outputs', 'nb-logic');
  return Object.fromEntries(
    d.outputs.map((o) => {
      paths.set(`$.logic.outputs${keyPath(o.name)}`, `nb-expr-${o.id}`);
      return [o.name, d.expressions[o.id] ?? ''];
    }),
  );
}

/** The subflow with its boundary ports named and typed as the port rows say (rows follow the boundary by position). */
function boundary(d: Draft): BuiltSubflow {
  const sub = d.subflow ?? { inputs: [], outputs: [], nodes: [], edges: [] };
  const follow = <P extends { name: string; type: string }>(ports: P[], rows: PortRow[]) => ports.map((p, i) => (rows[i] ? { ...p, name: rows[i].name, type: rows[i].type } : p));
  return { ...sub, inputs: follow(sub.inputs, d.inputs), outputs: follow(sub.outputs, d.outputs) };
}

function fields(rows: FieldRow[], paths: Map<string, string>, problems: Map<string, string>): Record<string, ConfigField> {
  const out: Record<string, ConfigField> = {};
  paths.set('$.config', 'nb-config');
  rows.forEach((row, i) => {
    const at = `$.config${keyPath(row.name)}`;
    const id = `nb-config-${row.id}`;
    for (const key of ['type', 'label', 'default', 'options']) paths.set(`${at}.${key}`, `${id}-${key}`);
    paths.set(at, `${id}-name`);
    if (!row.name.trim()) problems.set(`${id}-name`, `Config field ${i + 1} needs a name`);
    else if (Object.hasOwn(out, row.name)) problems.set(`${id}-name`, `Config field name “${row.name}” is used twice`);
    const field: ConfigField = { type: row.type, ...(row.label.trim() ? { label: row.label.trim() } : {}) };
    if (row.type === 'enum') field.options = list(row.options);
    const parsed = parseDefault(row);
    if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed) problems.set(`${id}-default`, `Default of “${row.name}”: ${parsed.problem}`);
    else if (parsed !== undefined) field.default = parsed;
    out[row.name] = field;
  });
  return out;
}

/** A typed default from its text; `{ problem }` when the text does not fit the field's type. */
function parseDefault(row: FieldRow): unknown {
  const text = row.default;
  if (row.type === 'boolean') return text === 'true';
  if (text.trim() === '') return undefined;
  if (row.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : { problem: 'must be a number' };
  if (row.type === 'enum' && !list(row.options).includes(text)) return { problem: 'must be one of the options' };
  if (row.type !== 'json') return text;
  try {
    return JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
}

/**
 * The control a JSON path (from a validation error) belongs to: the longest known path it
 * starts with, so `$.logic.subflow.nodes[2].type` lands on the subflow picker.
 */
export function controlFor(path: string, paths: Map<string, string>): string | undefined {
  let best: string | undefined;
  for (const known of paths.keys())
    if ((path === known || path.startsWith(`${known}.`) || path.startsWith(`${known}[`)) && (!best || known.length > best.length)) best = known;
  return best === undefined ? undefined : paths.get(best);
}
