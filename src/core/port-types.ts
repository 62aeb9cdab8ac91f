import { ErrorCodes, V2uError, quote } from './errors.js';

/**
 * Port types form a small lattice: `any` sits on top; `list<T>` is covariant in T;
 * `table` is a list of records, so it and `list<object>` connect both ways.
 */
export type PortType =
  | { kind: 'any' }
  | { kind: 'number' }
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'table' }
  | { kind: 'object' }
  | { kind: 'list'; of: PortType };

const SCALARS = new Set(['any', 'number', 'string', 'boolean', 'table', 'object']);
const parsedCache = new Map<string, PortType>();

/** Parses `list<list<number>>` and friends; throws a V2uError naming the bad type. */
export function parsePortType(text: string, path = '$'): PortType {
  const cached = parsedCache.get(text);
  if (cached) return cached;
  const parsed = parseInner(text.trim(), text, path);
  parsedCache.set(text, parsed);
  return parsed;
}

function parseInner(text: string, whole: string, path: string): PortType {
  if (SCALARS.has(text)) return { kind: text } as PortType;
  const match = /^list\s*<(.*)>$/.exec(text);
  if (match) return { kind: 'list', of: parseInner(match[1].trim(), whole, path) };
  throw new V2uError(
    ErrorCodes.badPortType,
    `unknown port type ${quote(whole)} (expected any, number, string, boolean, table, object or list<T>)`,
    path,
  );
}

/** The canonical text of a type, e.g. `list<number>`. */
export function formatPortType(type: PortType): string {
  return type.kind === 'list' ? `list<${formatPortType(type.of)}>` : type.kind;
}

/** Whether data of type `from` (an output) may flow into `to` (an input). */
export function isAssignable(from: PortType, to: PortType): boolean {
  if (to.kind === 'any' || from.kind === 'any') return true;
  if (from.kind === 'list' && to.kind === 'list') return isAssignable(from.of, to.of);
  if (from.kind === 'table') return to.kind === 'table' || isListOfObjects(to);
  if (to.kind === 'table') return isListOfObjects(from);
  return from.kind === to.kind;
}

function isListOfObjects(type: PortType): boolean {
  return type.kind === 'list' && (type.of.kind === 'object' || type.of.kind === 'any');
}

/** String convenience over `isAssignable`. */
export function arePortTypesCompatible(from: string, to: string): boolean {
  return isAssignable(parsePortType(from), parsePortType(to));
}
