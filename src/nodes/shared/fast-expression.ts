/**
 * A fast path for the expressions rows are filtered and computed with most: column names,
 * literals, `$variables`, comparisons, `and`/`or`, arithmetic and unary minus. It compiles
 * JSONata's own syntax tree to closures (no eval, no `new Function`), and evaluates a row
 * synchronously. Whenever a row meets anything it does not handle exactly as JSONata would
 * (another type, a nested value, an error to report, a number out of range) it answers
 * `FALLBACK`, and JSONata evaluates that row, so results and errors stay JSONata's.
 */

/** Returned for a row the fast path leaves to JSONata. */
export const FALLBACK: unique symbol = Symbol('fallback');

export type FastEvaluate = (row: unknown, bindings?: Record<string, unknown>) => unknown;

interface AstNode {
  type: string;
  value?: unknown;
  lhs?: AstNode;
  rhs?: AstNode;
  expression?: AstNode;
  expressions?: AstNode[];
  steps?: AstNode[];
}

type Part = (row: Record<string, unknown>, bindings: Record<string, unknown> | undefined) => unknown;

/** Keys JSONata puts on the nodes compiled here; any other key (predicates, stages…) means a shape not handled. */
const PLAIN_KEYS = new Set(['type', 'value', 'position', 'lhs', 'rhs', 'expression', 'expressions', 'steps']);

/** Whether a syntax-tree node has only `PLAIN_KEYS`: no predicate, stage or other part this code does not read. */
export const plainNode = (node: object): boolean => Object.keys(node).every((k) => PLAIN_KEYS.has(k));

/** Compiles a JSONata syntax tree, or returns `undefined` when it has a shape not handled here. */
export function compileFast(ast: unknown): FastEvaluate | undefined {
  const part = compile(ast as AstNode);
  if (!part) return undefined;
  return (row, bindings) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return FALLBACK;
    try {
      return part(row as Record<string, unknown>, bindings);
    } catch (signal) {
      if (signal === FALLBACK) return FALLBACK;
      throw signal;
    }
  };
}

function compile(node: AstNode | undefined): Part | undefined {
  if (!node || typeof node !== 'object' || !plainNode(node)) return undefined;
  switch (node.type) {
    case 'number':
    case 'string':
      return constant(node.value);
    case 'value':
      return typeof node.value === 'boolean' ? constant(node.value) : undefined;
    case 'variable':
      return typeof node.value === 'string' && node.value !== '' ? variable(node.value) : undefined;
    case 'path':
      return column(node.steps);
    case 'block':
      return node.expressions?.length === 1 ? compile(node.expressions[0]) : undefined;
    case 'unary':
      return node.value === '-' ? negate(compile(node.expression)) : undefined;
    case 'binary':
      return binary(String(node.value), compile(node.lhs), compile(node.rhs));
  }
  return undefined;
}

const constant = (value: unknown): Part => () => value;

function variable(name: string): Part {
  return (_row, bindings) => {
    const value = bindings?.[name];
    return isPrimitive(value) ? value : fallback();
  };
}

/** `name` or `` `a name` ``: the row's column; null reads as missing (as the expression module treats empty cells). */
function column(steps: AstNode[] | undefined): Part | undefined {
  const step = steps?.length === 1 ? steps[0] : undefined;
  if (!step || step.type !== 'name' || typeof step.value !== 'string' || !plainNode(step)) return undefined;
  const name = step.value;
  return (row) => {
    const value = row[name];
    return value === null ? undefined : isPrimitive(value) ? value : fallback();
  };
}

function negate(inner: Part | undefined): Part | undefined {
  if (!inner) return undefined;
  return (row, bindings) => {
    const value = inner(row, bindings);
    if (value === undefined) return undefined;
    return typeof value === 'number' ? -value : fallback();
  };
}

function binary(op: string, lhs: Part | undefined, rhs: Part | undefined): Part | undefined {
  if (!lhs || !rhs) return undefined;
  switch (op) {
    case 'and':
      return (row, b) => truthy(lhs(row, b)) && truthy(rhs(row, b));
    case 'or':
      return (row, b) => truthy(lhs(row, b)) || truthy(rhs(row, b));
    case '=':
    case '!=': {
      const equal = op === '=';
      return (row, b) => {
        const l = lhs(row, b);
        const r = rhs(row, b);
        if (l === undefined || r === undefined) return false;
        return (l === r) === equal;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (row, b) => compare(op, lhs(row, b), rhs(row, b));
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return (row, b) => arithmetic(op, lhs(row, b), rhs(row, b));
  }
  return undefined;
}

/** As JSONata: only numbers and strings compare (else an error), missing gives missing, and both sides share a type. */
function compare(op: string, l: unknown, r: unknown): boolean | undefined {
  const comparable = (v: unknown) => v === undefined || typeof v === 'number' || typeof v === 'string';
  if (!comparable(l) || !comparable(r)) return fallback();
  if (l === undefined || r === undefined) return undefined;
  if (typeof l !== typeof r) return fallback();
  const a = l as number | string;
  const b = r as number | string;
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function arithmetic(op: string, l: unknown, r: unknown): number | undefined {
  if ((l !== undefined && typeof l !== 'number') || (r !== undefined && typeof r !== 'number')) return fallback();
  if (l === undefined || r === undefined) return undefined;
  const result = op === '+' ? l + r : op === '-' ? l - r : op === '*' ? l * r : op === '/' ? l / r : l % r;
  return Number.isFinite(result) ? result : fallback();
}

/** JSONata's `$boolean` for the values that reach here (missing is false). */
function truthy(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'boolean') return value;
  return fallback();
}

/** Values handled here: missing, finite numbers, strings, booleans. */
function isPrimitive(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string' || typeof value === 'boolean';
}

function fallback(): never {
  throw FALLBACK;
}
