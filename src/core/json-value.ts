import { ErrorCodes, V2uError, quote, type ErrorCode } from './errors.js';

export interface JsonLimits {
  /** Deepest nesting allowed (default 64). */
  maxDepth?: number;
  /**
   * Most values walked (default 5,000,000; a 10,000-node graph holds a few hundred thousand).
   * It stops an object shared exponentially (`a = { l: a0, r: a0 }`, 60 times over), whose
   * JSON would be 2^60 values long.
   */
  maxValues?: number;
  /** The path the value sits at, for messages: `$`, or `$.nodes[3].config`. Built on failure only. */
  at?: string | (() => string);
  /** False checks without copying (the value came from JSON.parse and is ours already). */
  copy?: boolean;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Checks that `value` is JSON data and returns a copy of it: plain objects, arrays, strings,
 * finite numbers, booleans and null. Anything else (BigInt, Map, Set, Date, functions,
 * symbols, class instances, NaN, Infinity, undefined in an array, cycles, prototype keys,
 * runaway nesting) throws a V2uError (not-json; wrong-type for NaN and Infinity) naming the
 * path and what to use instead, because it
 * would break `value`, form sync and autosave later, far from its cause. A property that is
 * `undefined` is dropped, as JSON.stringify drops it.
 */
export function copyJson(value: unknown, limits: JsonLimits = {}): unknown {
  return new JsonWalk(limits).visit(value);
}

class JsonWalk {
  private _keys: Array<string | number> = [];
  private _ancestors = new Set<object>();
  private _count = 0;
  private readonly _maxDepth: number;
  private readonly _maxValues: number;
  private readonly _copy: boolean;

  constructor(private readonly _limits: JsonLimits) {
    this._maxDepth = _limits.maxDepth ?? 64;
    this._maxValues = _limits.maxValues ?? 5_000_000;
    this._copy = _limits.copy !== false;
  }

  visit(value: unknown): unknown {
    if (++this._count > this._maxValues) this.fail(ErrorCodes.tooLarge, `more than ${this._maxValues.toLocaleString('en')} values`);
    if (typeof value === 'object' && value !== null) return this.visitObject(value);
    // wrong-type, as before this walk existed: hosts already branch on it for NaN positions.
    if (typeof value === 'number' && !Number.isFinite(value)) this.fail(ErrorCodes.wrongType, `${value} is not JSON; use null or a finite number`);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
    this.fail(ErrorCodes.notJson, PRIMITIVE_HINTS[typeof value] ?? `${typeof value} is not JSON`);
  }

  private visitObject(value: object): unknown {
    if (this._keys.length > this._maxDepth) this.fail(ErrorCodes.tooDeep, `nested deeper than ${this._maxDepth} levels`);
    if (this._ancestors.has(value)) this.fail(ErrorCodes.notJson, 'the value contains itself (a cycle), which JSON cannot hold');
    const problem = notPlain(value);
    if (problem) this.fail(ErrorCodes.notJson, problem);
    this._ancestors.add(value);
    const out = Array.isArray(value) ? this.visitArray(value) : this.visitRecord(value as Record<string, unknown>);
    this._ancestors.delete(value);
    return this._copy ? out : value;
  }

  private visitArray(value: unknown[]): unknown[] {
    const out = this._copy ? new Array<unknown>(value.length) : value;
    for (let i = 0; i < value.length; i++) {
      this._keys.push(i);
      const item = this.visit(value[i]);
      if (this._copy) out[i] = item;
      this._keys.pop();
    }
    return out;
  }

  private visitRecord(value: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = this._copy ? {} : value;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) this.fail(ErrorCodes.forbiddenKey, `the key ${quote(key)} is not allowed`);
      const item = value[key];
      if (item === undefined) continue;
      this._keys.push(key);
      const copy = this.visit(item);
      if (this._copy) out[key] = copy;
      this._keys.pop();
    }
    return out;
  }

  private fail(code: ErrorCode, message: string): never {
    const at = this._limits.at ?? '$';
    throw new V2uError(code, message, pathOf(typeof at === 'string' ? at : at(), this._keys));
  }
}

const PRIMITIVE_HINTS: Record<string, string> = {
  undefined: 'undefined is not JSON; use null',
  bigint: 'a BigInt is not JSON; use a number or a string',
  symbol: 'a symbol is not JSON; use a string',
  function: 'a function is not JSON; node logic belongs in a node type, not in the document',
};

const OBJECT_HINTS: Record<string, string> = {
  Date: 'a Date is not JSON; use an ISO string',
  Map: 'a Map is not JSON; use an object',
  Set: 'a Set is not JSON; use an array',
  RegExp: 'a RegExp is not JSON; use its source as a string',
};

/** Why an object is not plain JSON data, or undefined for a plain object or array (any realm, proxies too). */
function notPlain(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || Object.getPrototypeOf(proto) === null) return undefined;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (OBJECT_HINTS[tag]) return OBJECT_HINTS[tag];
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `a ${tag} is not JSON; use an array of numbers`;
  const name = (proto as { constructor?: { name?: unknown } }).constructor?.name;
  return `an instance of ${typeof name === 'string' && name ? quote(name, 40) : tag} is not JSON; use a plain object`;
}

function pathOf(base: string, keys: Array<string | number>): string {
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : `${path}.${key.length > 80 ? quote(key, 80) : key}`), base);
}
