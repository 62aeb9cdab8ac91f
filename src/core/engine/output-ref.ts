/**
 * A large output that stays in the worker that made it. The main thread holds only this
 * handle: how long the value is and its first items, enough for a preview. The next node
 * reads the value where it lives (or gets it worker to worker), so a million rows never
 * pass through the page's thread; `FlowEngine.output()` fetches it on request.
 */
export interface OutputRef {
  /** Unique id of the kept value in the pool (the same in every worker holding a copy). */
  readonly $v2uRef: string;
  /** Items in the value (rows of a table). */
  readonly length: number;
  /** The first items, for previews. */
  readonly head: readonly unknown[];
  /**
   * The holding worker's estimate of the ms copying the value to another worker takes (a
   * columnar table is mostly buffers, far cheaper than rows); placement weighs it against
   * waiting for the holder or making the value again. Absent: priced per item, as rows.
   */
  readonly copyMs?: number;
}

/**
 * Arrays at least this long are large outputs: workers keep them (the pool's default
 * `keepOver`), they are named by their node's cache key rather than hashed item by item, and
 * on the main thread they are passed on frozen rather than copied.
 */
export const LONG_OUTPUT = 10_000;

/** Whether a value is a long array (see `LONG_OUTPUT`). */
export function isLongArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.length >= LONG_OUTPUT;
}

/** Whether a value is a handle on an output kept in a worker. */
export function isOutputRef(value: unknown): value is OutputRef {
  return typeof value === 'object' && value !== null && typeof (value as Partial<OutputRef>).$v2uRef === 'string';
}

/** A `multiple` input's array holds one item per edge; longer arrays are data, not searched. */
const MAX_EDGES_SEARCHED = 64;

/**
 * The handles among a node's outputs or inputs: port values, and the items of a `multiple`
 * input's array.
 */
export function refsIn(ports: Record<string, unknown> | undefined): OutputRef[] {
  const found: OutputRef[] = [];
  for (const value of Object.values(ports ?? {})) {
    if (isOutputRef(value)) found.push(value);
    else if (Array.isArray(value) && value.length <= MAX_EDGES_SEARCHED) for (const item of value) if (isOutputRef(item)) found.push(item);
  }
  return found;
}

/** Replaces handles among ports (and `multiple` arrays) with what `resolve` gives for them. */
export async function resolveRefs(ports: Record<string, unknown>, resolve: (ref: OutputRef) => unknown): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [port, value] of Object.entries(ports)) {
    if (isOutputRef(value)) out[port] = await resolve(value);
    else if (Array.isArray(value) && value.length <= MAX_EDGES_SEARCHED && value.some(isOutputRef)) out[port] = await Promise.all(value.map((v) => (isOutputRef(v) ? resolve(v) : v)));
    else out[port] = value;
  }
  return out;
}
