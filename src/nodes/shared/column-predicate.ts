import { VALUE, columnOf, textAt, type ColumnTable } from '../../core/table/index.js';
import { plainNode } from './fast-expression.js';

/**
 * Filter expressions of the commonest shape, tested on whole columns instead of row by row:
 * comparisons of a column with a literal (`total > 100`, `status = 'returned'`, either side),
 * joined by `and`/`or`. A number column is compared straight from its typed array, a text
 * column through its dictionary (each distinct string compared once), so a million rows make
 * no cursor reads, boxed numbers or closures per row. Every row whose answer the row path
 * (the fast path, then JSONata) could give otherwise, because of a type it would refuse or
 * a value it leaves to JSONata, is `UNDECIDED`: the caller evaluates that row as before. So
 * results and errors are exactly the row path's.
 */

/** A row's answer: the row passes, fails, or must be evaluated row by row. */
export const FAIL = 0;
export const PASS = 1;
export const UNDECIDED = 2;

/** Writes the answer for rows `from`..`to`-1 into `out[0..to-from)`. */
export type ColumnTest = (from: number, to: number, out: Uint8Array) => void;

interface AstNode {
  type: string;
  value?: unknown;
  lhs?: AstNode;
  rhs?: AstNode;
  steps?: AstNode[];
  expressions?: AstNode[];
  [key: string]: unknown;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };

/** The column test of a JSONata syntax tree over `table`, or `undefined` when its shape is not one handled here. */
export function columnTest(ast: unknown, table: ColumnTable): ColumnTest | undefined {
  const node = ast as AstNode | undefined;
  if (!node || typeof node !== 'object' || !plainNode(node)) return undefined;
  if (node.type === 'block') return node.expressions?.length === 1 ? columnTest(node.expressions[0], table) : undefined;
  if (node.type !== 'binary') return undefined;
  const op = String(node.value);
  if (op === 'and' || op === 'or') {
    const [lhs, rhs] = [columnTest(node.lhs, table), columnTest(node.rhs, table)];
    return lhs && rhs ? joined(op, lhs, rhs) : undefined;
  }
  if (!(op in FLIP)) return undefined;
  const [name, literal] = [columnName(node.lhs), literalOf(node.rhs)];
  if (name !== undefined && literal !== undefined) return comparison(table, name, op, literal);
  const [flippedName, flippedLiteral] = [columnName(node.rhs), literalOf(node.lhs)];
  if (flippedName !== undefined && flippedLiteral !== undefined) return comparison(table, flippedName, FLIP[op], flippedLiteral);
  return undefined;
}

/** `name` (a single plain path step), as fast-expression reads it. */
function columnName(node: AstNode | undefined): string | undefined {
  if (!node || node.type !== 'path' || !plainNode(node) || node.steps?.length !== 1) return undefined;
  const step = node.steps[0];
  return step.type === 'name' && typeof step.value === 'string' && plainNode(step) ? step.value : undefined;
}

/** A number or string literal. */
function literalOf(node: AstNode | undefined): number | string | undefined {
  if (!node || !plainNode(node) || (node.type !== 'number' && node.type !== 'string')) return undefined;
  return typeof node.value === 'number' || typeof node.value === 'string' ? node.value : undefined;
}

/**
 * `and`: a failing left side decides (the right one is never evaluated, as the row path
 * short-circuits); `or`: a passing one. Otherwise the right side's answer, or undecided.
 */
function joined(op: string, lhs: ColumnTest, rhs: ColumnTest): ColumnTest {
  const decides = op === 'and' ? FAIL : PASS;
  let right = new Uint8Array(0);
  return (from, to, out) => {
    lhs(from, to, out);
    if (right.length < to - from) right = new Uint8Array(to - from);
    rhs(from, to, right);
    for (let i = 0; i < to - from; i++) if (out[i] !== decides && out[i] !== UNDECIDED) out[i] = right[i];
  };
}

/** Ordering of two values of one type, as `<` and friends give it. */
function ordered(op: string, a: number | string, b: number | string): boolean {
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : op === '>=' ? a >= b : op === '=' ? a === b : a !== b;
}

/**
 * `column op literal` over a number or text column. A missing cell (null, or no key) makes
 * the comparison false. A value of the literal's type compares; of another type, `=` and
 * `!=` are false and true, and an ordering is the row path's type error (undecided). A
 * number column's non-finite values are left to the row path, as the fast path leaves them
 * to JSONata.
 */
function comparison(table: ColumnTable, name: string, op: string, literal: number | string): ColumnTest | undefined {
  const column = columnOf(table, name);
  const equality = op === '=' || op === '!=';
  const mismatch = equality ? (op === '=' ? FAIL : PASS) : UNDECIDED;
  if (!column) return (from, to, out) => void out.fill(FAIL, 0, to - from);
  const states = column.states;
  if (column.kind === 'number') {
    const values = column.values;
    const numeric = typeof literal === 'number';
    return (from, to, out) => {
      for (let i = from; i < to; i++) {
        const v = values[i];
        out[i - from] = states && states[i] !== VALUE ? FAIL : v - v !== 0 ? UNDECIDED : !numeric ? mismatch : ordered(op, v, literal) ? PASS : FAIL;
      }
    };
  }
  if (column.kind === 'string') {
    const { codes, dictionary } = column;
    const text = textAt(dictionary);
    // Each distinct string's answer, worked out when first met.
    const answers = new Uint8Array(dictionary.length).fill(255);
    const answer = (code: number) => (answers[code] = typeof literal === 'string' ? (ordered(op, text(code), literal) ? PASS : FAIL) : mismatch);
    return (from, to, out) => {
      for (let i = from; i < to; i++) {
        if (states && states[i] !== VALUE) out[i - from] = FAIL;
        else {
          const known = answers[codes[i]];
          out[i - from] = known !== 255 ? known : answer(codes[i]);
        }
      }
    };
  }
  return undefined;
}
