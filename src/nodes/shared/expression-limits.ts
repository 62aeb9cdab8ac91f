import type jsonata from 'jsonata';

/**
 * What one evaluation of one expression may use. A browser cannot cap a worker's memory (it
 * shares the page's renderer process) and JSONata never yields on its own, so a runaway
 * expression is stopped inside the evaluator, the same way in a worker, on the main thread
 * and in Node:
 * - `steps`: operators, calls, blocks and conditions evaluated (reading a name or a literal is
 *   free: it is bounded by the data). Deterministic, so a flow fails alike on every executor;
 *   a row expression takes tens, an infinite loop reaches it in well under a second.
 * - `depth`: nested function calls. Non-tail recursion keeps every pending call on the heap;
 *   this stops it long before memory runs short (tail calls loop in place and meet `steps`).
 * - `ms`: the backstop for steps that are each slow (a sort, a regex over a long text).
 * - `items`: the longest list JSONata may build, a range included (its own cap is 1e7).
 * - `chars`: the longest text a result may be.
 */
export const EXPRESSION_LIMITS = { steps: 100_000, depth: 500, ms: 1_000, items: 1_000_000, chars: 10_000_000 } as const;

/** How long an evaluation runs before it lets the event loop in (frames on the main thread, messages in a worker). */
const SLICE_MS = 40;

/** Expressions that cost nothing beyond the data they read, so they take no step. */
const FREE = new Set(['name', 'string', 'number', 'value', 'variable', 'regex']);

interface Budget {
  steps: number;
  depth: number;
  started: number;
}

interface Node {
  type: string;
  position?: number;
}

/** Keyed by the environment JSONata makes for each evaluation, so concurrent evaluations of one expression keep apart. */
const budgets = new WeakMap<object, Budget>();
let lastYield = Date.now();

/** The JSONata options that cap list lengths; pass to `jsonata(text, options)`. */
export const JSONATA_OPTIONS = { sequence: EXPRESSION_LIMITS.items };

/** Installs the step, depth and time limits and the yielding on a compiled expression. */
export function limitEvaluation(compiled: jsonata.Expression): void {
  // JSONata looks its evaluation hooks up under these symbols; its typings only know string names.
  compiled.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, onEntry);
  compiled.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, onExit);
}

function onEntry(expr: Node, _input: unknown, environment: { base: object }): Promise<void> | void {
  if (FREE.has(expr.type)) return;
  const budget = budgetOf(environment.base);
  if (expr.type === 'function' && ++budget.depth > EXPRESSION_LIMITS.depth) throw limit(`recursion deeper than ${count(EXPRESSION_LIMITS.depth)} calls`, expr);
  if (++budget.steps > EXPRESSION_LIMITS.steps) throw limit(`expression exceeded ${count(EXPRESSION_LIMITS.steps)} evaluation steps`, expr);
  const now = Date.now();
  if (now - budget.started > EXPRESSION_LIMITS.ms) throw limit(`ran longer than ${EXPRESSION_LIMITS.ms / 1000} s`, expr);
  if (now - lastYield > SLICE_MS) return pause(budget, now);
}

function onExit(expr: Node, _input: unknown, environment: { base: object }): void {
  if (expr.type === 'function') budgetOf(environment.base).depth--;
}

function budgetOf(base: object): Budget {
  let budget = budgets.get(base);
  if (!budget) budgets.set(base, (budget = { steps: 0, depth: 0, started: Date.now() }));
  return budget;
}

/** A macrotask (a microtask would not let a frame or a message through); the time paused is not the expression's. */
async function pause(budget: Budget, now: number): Promise<void> {
  lastYield = now;
  await new Promise((resolve) => setTimeout(resolve, 0));
  lastYield = Date.now();
  budget.started += lastYield - now;
}

/** Thrown as JSONata throws its errors, so the expression module quotes the expression and points at `position`. */
function limit(message: string, expr?: Node): { code: string; message: string; position?: number } {
  return { code: LIMIT, message, position: expr?.position };
}

/** JSONata's own list caps, in the words of the other limits; other errors unchanged. */
export function limitMessage(error: { code?: string; message: string }): string {
  return isLimit(error) && error.code !== LIMIT ? `made a list longer than ${count(EXPRESSION_LIMITS.items)} items` : error.message;
}

/** True for an error that a limit above threw, JSONata's list caps included. */
export function isLimit(error: { code?: string }): boolean {
  return error.code === LIMIT || error.code === 'D2014' || error.code === 'D2015';
}

/** Passes a result the page can take: a text of at most `chars` characters (lists are capped while they are built). */
export function checkSize<T>(value: T): T {
  if (typeof value === 'string' && value.length > EXPRESSION_LIMITS.chars) throw limit(`gave a text of ${count(value.length)} characters, more than ${count(EXPRESSION_LIMITS.chars)}`);
  return value;
}

const LIMIT = 'V2U-LIMIT';
const count = (n: number) => n.toLocaleString('en-US');
