import { ErrorCodes as C, V2uError, quote, type ErrorCode } from './errors.js';

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
 * What to use instead, keyed by `typeof` for primitives and by the `Object.prototype.toString`
 * tag for objects (the two never meet: tags are capitalised).
 */
const HINTS: Record<string, string> = {
  undefined: 'undefined is not JSON; use null',
  bigint: 'a BigInt is not JSON; use a number or a string',
  symbol: 'a symbol is not JSON; use a string',
  function: 'a function is not JSON; node logic belongs in a node type, not in the document',
  Date: 'a Date is not JSON; use an ISO string',
  Map: 'a Map is not JSON; use an object',
  Set: 'a Set is not JSON; use an array',
  RegExp: 'a RegExp is not JSON; use its source as a string',
};

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
  // Written small on purpose (one closure, short paths): it loads before first paint.
  const maxDepth = limits.maxDepth ?? 64;
  const maxValues = limits.maxValues ?? 5e6;
  const copy = limits.copy !== false;
  /** Keys from the root to the value being walked; the path is built from them on failure only. */
  const keys: Array<string | number> = [];
  const ancestors = new Set<object>();
  let count = 0;
  let name: unknown;

  const fail = (code: ErrorCode, message: string): never => {
    const at = limits.at ?? '$';
    let path = typeof at == 'string' ? at : at();
    for (const key of keys) path += typeof key == 'number' ? `[${key}]` : '.' + (key.length > 80 ? quote(key, 80) : key);
    throw new V2uError(code, message, path);
  };

  const walk = (value: any): unknown => {
    if (++count > maxValues) fail(C.tooLarge, `more than ${maxValues} values`);
    const type = typeof value;
    // wrong-type, as before this walk existed: hosts already branch on it for NaN positions.
    if (value === null || type == 'string' || type == 'boolean' || (type == 'number' && (isFinite(value) || fail(C.wrongType, `${value} is not JSON; use null or a finite number`)))) return value;
    if (type != 'object') fail(C.notJson, HINTS[type]);
    if (keys.length > maxDepth) fail(C.tooDeep, `nested deeper than ${maxDepth} levels`);
    if (ancestors.has(value)) fail(C.notJson, 'the value contains itself (a cycle), which JSON cannot hold');
    const array = Array.isArray(value);
    // Plain: an array, or an object whose prototype is null or has a null prototype (any realm, proxies too).
    const proto = array ? null : Object.getPrototypeOf(value);
    if (proto && Object.getPrototypeOf(proto)) {
      const tag = ({}).toString.call(value).slice(8, -1);
      fail(
        C.notJson,
        HINTS[tag] ||
          (ArrayBuffer.isView(value) || value instanceof ArrayBuffer
            ? `a ${tag} is not JSON; use an array of numbers`
            : `an instance of ${typeof (name = proto.constructor?.name) == 'string' && name ? quote(name, 40) : tag} is not JSON; use a plain object`),
      );
    }
    ancestors.add(value);
    const out = copy ? (array ? [] : {}) : value;
    for (let i = 0, names = array ? value : Object.keys(value); i < names.length; i++) {
      const key = array ? i : names[i];
      if (FORBIDDEN_KEYS.has(key)) fail(C.forbiddenKey, `the key ${quote(key)} is not allowed`);
      const item = value[key];
      // An undefined property is dropped; undefined in an array is refused.
      if (array || item !== undefined) {
        keys.push(key);
        const done = walk(item);
        if (copy) out[key] = done;
        keys.pop();
      }
    }
    ancestors.delete(value);
    return out;
  };

  return walk(value);
}
