import jsonata from 'jsonata';
import { MATERIALIZE, type RowCursor } from '../../core/table/cursor.js';
import { ErrorCodes, V2uError, quote } from '../../core/errors.js';
import { checkSize, isLimit, JSONATA_OPTIONS, limitEvaluation, limitMessage } from './expression-limits.js';
import { compileFast, FALLBACK } from './fast-expression.js';

/**
 * The one expression language of the node library: JSONata (https://jsonata.org), which
 * interprets its own syntax tree (no eval, no new Function), so flows run under a strict CSP.
 * A row's columns are plain names (`amount > 100`), a name with spaces is quoted with
 * backticks (`` `Order date` ``), and `$index` is the row's position. Empty (null) cells act
 * as missing, as in SQL: comparisons with them are false and arithmetic gives empty, instead
 * of JSONata's type error; `$exists(amount)` tests for a value.
 */
export interface Expression {
  readonly text: string;
  /** JSONata's syntax tree of the text (read-only), for code that tests whole columns (see column-predicate.ts). */
  readonly ast: unknown;
  /**
   * Evaluates against `input` (usually a row); `bindings` become `$name` variables. Simple
   * expressions answer at once (see fast-expression.ts); the others return a promise.
   */
  evaluate(input: unknown, bindings?: Record<string, unknown>, where?: Where): unknown | Promise<unknown>;
}

/**
 * Where an evaluation happened, for its error message: text, or a row index (`row 12`), which
 * a row loop passes as it is rather than making a string per row that only an error reads.
 */
export type Where = string | number;

const whereText = (at: Where | undefined) => (typeof at === 'number' ? `row ${at}` : at);

/**
 * A row loop's step (for `eachIndex`): evaluates `expression` at row i of the cursor's table,
 * with `$index`, then calls `use(i, value)`; synchronous on the fast path. Nothing is made
 * per row: one bindings object serves every row (JSONata reads bindings when an evaluation
 * starts, and the loop awaits a slow row before the next) and the error text only on error.
 */
export function rowStep(expression: Expression, cursor: RowCursor, use: (i: number, value: unknown) => void): (i: number) => void | Promise<void> {
  const bindings = { index: 0 };
  return (i) => {
    bindings.index = i;
    const value = expression.evaluate(cursor.moveTo(i), bindings, i);
    return value instanceof Promise ? value.then((v) => use(i, v)) : use(i, value);
  };
}

interface JsonataFailure {
  message: string;
  position?: number;
  token?: string;
  code?: string;
}

/**
 * Compiles an expression once, for many evaluations. Syntax and evaluation errors become a
 * V2uError (code `bad-expression`) that quotes the expression and points at the position.
 * `offset` shifts positions when the expression sits inside a larger text (a template).
 *
 * @example
 * const isBig = compileExpression('amount > 100', { node: 'Filter rows', field: 'expression' });
 * await isBig.evaluate({ amount: 150 }); // true
 */
export function compileExpression(text: string, where: { node: string; field: string; offset?: number; source?: string }): Expression {
  if (typeof text !== 'string' || !text.trim())
    throw new V2uError(ErrorCodes.badExpression, `${where.node}: ${where.field} is empty; write an expression such as amount > 100`, `$.config.${where.field}`);
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(text, JSONATA_OPTIONS);
  } catch (error) {
    throw expressionError(error as JsonataFailure, text, where);
  }
  limitEvaluation(compiled);
  // Bounded by construction: no calls and no loops, one pass over the syntax tree.
  const fast = compileFast(compiled.ast());
  const slow = async (input: unknown, bindings?: Record<string, unknown>, at?: Where) => {
    try {
      return checkSize(await compiled.evaluate(withoutNulls(input), bindings));
    } catch (error) {
      throw expressionError(error as JsonataFailure, text, where, whereText(at));
    }
  };
  return {
    text,
    ast: compiled.ast(),
    evaluate(input, bindings, at) {
      const value = fast ? fast(input, bindings) : FALLBACK;
      // A cursor row (columns read in place) becomes a plain row for JSONata, now, before it moves on.
      return value === FALLBACK ? slow(isCursorRow(input) ? input[MATERIALIZE]() : input, bindings, at) : value;
    },
  };
}


function expressionError(error: JsonataFailure, text: string, where: { node: string; field: string; offset?: number; source?: string }, at?: string): V2uError {
  if (!error || typeof error.message !== 'string' || (error as Error).name === 'AbortError') throw error;
  const source = where.source ?? text;
  const position = typeof error.position === 'number' ? Math.max(1, error.position) + (where.offset ?? 0) : undefined;
  const message = `${where.node}: ${where.field} ${quote(source)}${at ? ` (${at})` : ''}: ${limitMessage(error)}${position === undefined ? '' : pointAt(source, position)}`;
  const wrapped = new V2uError(isLimit(error) ? ErrorCodes.expressionLimit : ErrorCodes.badExpression, message, `$.config.${where.field}`);
  return Object.assign(wrapped, { expression: source, position, token: error.token });
}

/** Characters of the expression shown on each side of the caret. */
const CARET_CONTEXT = 60;

/** " at position 12 (line 2, column 3)" and the line with a caret under that character. */
function pointAt(source: string, position: number): string {
  const before = source.slice(0, position - 1);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  const column = position - lineStart;
  const lineEnd = source.indexOf('\n', lineStart);
  // A window of the line around the caret: a 10 MB one-line expression must not make a 10 MB message.
  const from = Math.max(lineStart, lineStart + column - 1 - CARET_CONTEXT);
  const text = source.slice(from, Math.min(lineEnd < 0 ? source.length : lineEnd, from + 2 * CARET_CONTEXT));
  const place = line > 1 || source.includes('\n') ? ` at position ${position} (line ${line}, column ${column})` : ` at position ${position}`;
  return `${place}\n  ${text}\n  ${' '.repeat(Math.max(0, lineStart + column - 1 - from))}^`;
}

function withoutNulls(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const row = input as Record<string, unknown>;
  for (const key in row) if (row[key] === null) return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
  return input;
}

function isCursorRow(input: unknown): input is { [MATERIALIZE](): unknown } {
  return typeof input === 'object' && input !== null && typeof (input as Record<symbol, unknown>)[MATERIALIZE] === 'function';
}

/** A computed number must be finite: Infinity and NaN are overflow or 0/0, never data. */
export function checkResult(value: unknown, expression: Expression, where: { node: string; field: string }, at?: Where): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new V2uError(ErrorCodes.badExpression, `${where.node}: ${where.field} ${quote(expression.text)}${at !== undefined ? ` (${whereText(at)})` : ''} gave ${value}: the number is out of range`, `$.config.${where.field}`);
  return value;
}

/** JSONata's idea of a result that means "yes": anything truthy, and a non-empty list. */
export function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isTruthy) : Boolean(value);
}
