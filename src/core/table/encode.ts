import { ABSENT, NULL, VALUE, columnOf, columnTable, deferredTake, tableBehind, type Column, type ColumnTable } from './column-table.js';

/**
 * A column from its cells (`undefined` where `states` says ABSENT): the narrowest kind that
 * holds every value, numbers, dates, booleans or text, else `mixed`. Null and absent cells
 * are only marked in `states`.
 */
export function columnFrom(values: readonly unknown[], states?: Uint8Array): Column {
  const n = values.length;
  let kind: string | undefined;
  for (let i = 0; i < n && kind !== 'mixed'; i++) {
    if (states && states[i] !== 0) continue;
    const k = kindOf(values[i]);
    kind = kind === undefined || kind === k ? k : 'mixed';
  }
  if (kind === 'string') return stringColumn(values, states);
  if (kind === 'mixed' || kind === 'undefined') return { kind: 'mixed', values: values.slice(), states };
  const out = kind === 'boolean' ? new Uint8Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) if (!states || states[i] === 0) out[i] = kind === 'date' ? (values[i] as Date).getTime() : Number(values[i]);
  if (kind === 'boolean') return { kind: 'boolean', values: out as Uint8Array, states };
  return { kind: kind === 'date' ? 'date' : 'number', values: out as Float64Array, states };
}

/**
 * A column from cells as rows hold them (a node's results): null cells are marked in `states`,
 * so numbers with a null stay a number column; the rest as `columnFrom`.
 */
export function cellsColumn(values: readonly unknown[]): Column {
  const states = Uint8Array.from(values, (value) => (value === null ? NULL : VALUE));
  return columnFrom(values, states.includes(NULL) ? states : undefined);
}

function kindOf(value: unknown): string {
  if (value instanceof Date) return 'date';
  const type = typeof value;
  return type === 'number' || type === 'string' || type === 'boolean' || type === 'undefined' ? type : 'mixed';
}

function stringColumn(values: readonly unknown[], states?: Uint8Array): Column {
  const codes = new Uint32Array(values.length);
  const dictionary: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    if (states && states[i] !== 0) continue;
    const text = values[i] as string;
    let code = seen.get(text);
    if (code === undefined) seen.set(text, (code = dictionary.push(text) - 1));
    codes[i] = code;
  }
  return { kind: 'string', codes, dictionary, states };
}

/** Every key of the rows, in order of first appearance (rows may differ in their keys). */
export function namesOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** Rows (plain objects) as a columnar table: the edge where a row table enters the heavy nodes. */
export function fromRows(rows: readonly Record<string, unknown>[]): ColumnTable {
  const behind = tableBehind(rows);
  if (behind) return behind;
  const names = namesOf(rows);
  const columns = names.map((name) => {
    const values = new Array<unknown>(rows.length);
    const states = new Uint8Array(rows.length);
    let marked = false;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!Object.hasOwn(row, name)) (states[i] = ABSENT), (marked = true);
      else if (row[name] === null) (states[i] = NULL), (marked = true);
      else values[i] = row[name];
    }
    return columnFrom(values, marked ? states : undefined);
  });
  return columnTable(rows.length, names, columns);
}

/** The rows at `indexes`, in that order, as a new table (text keeps its dictionary). */
export function take(table: ColumnTable, indexes: ArrayLike<number>): ColumnTable {
  return columnTable(indexes.length, table.names, table.columns.map((column) => takeColumn(column, indexes)));
}

/** `take`, deferred: the columns are gathered when first read (see `deferredTake`). */
export function takeLater(table: ColumnTable, indexes: ArrayLike<number>): ColumnTable {
  return deferredTake(table, indexes, takeColumn);
}

/** Column `column` at `indexes`, in that order. */
export function takeColumn(column: Column, indexes: ArrayLike<number>): Column {
  const states = column.states && gatherBytes(column.states, indexes);
  switch (column.kind) {
    case 'string':
      return { kind: 'string', codes: gatherCodes(column.codes, indexes), dictionary: column.dictionary, states };
    case 'mixed':
      return { kind: 'mixed', values: gatherValues(column.values, indexes), states };
    case 'boolean':
      return { kind: 'boolean', values: gatherBytes(column.values, indexes), states };
    default:
      return { kind: column.kind, values: gatherNumbers(column.values, indexes), states } as Column;
  }
}

/**
 * Column `name` of `table` at `indexes`, every cell present: an index of -1, a row without the
 * key, or an undefined value reads as null (a join's right side, where rows without a match
 * get nulls).
 */
export function takeOrNull(table: ColumnTable, name: string, indexes: Int32Array): Column {
  const column = columnOf(table, name);
  const states = new Uint8Array(indexes.length).fill(NULL);
  if (!column) return { kind: 'mixed', values: new Array<unknown>(indexes.length).fill(null), states };
  const valid = indexes.map((i) => Math.max(i, 0));
  const values = column.kind === 'mixed' ? column.values : undefined;
  for (let i = 0; i < indexes.length; i++) {
    const at = indexes[i];
    if (at >= 0 && (column.states?.[at] ?? VALUE) === VALUE && (!values || values[at] !== undefined)) states[i] = VALUE;
  }
  return { ...takeColumn(column, valid), states };
}

/*
 * `from[indexes[i]]` for each i, one function per array type: a single generic gather saw
 * every kind of column, went megamorphic, and took 680 ms of a 1,000,000-row heavy run's
 * worker time (sort and filter take every column); each of these stays monomorphic.
 */
function gatherNumbers(from: Float64Array, indexes: ArrayLike<number>): Float64Array {
  const to = new Float64Array(indexes.length);
  for (let i = 0; i < to.length; i++) to[i] = from[indexes[i]];
  return to;
}
function gatherCodes(from: Uint32Array, indexes: ArrayLike<number>): Uint32Array {
  const to = new Uint32Array(indexes.length);
  for (let i = 0; i < to.length; i++) to[i] = from[indexes[i]];
  return to;
}
function gatherBytes(from: Uint8Array, indexes: ArrayLike<number>): Uint8Array {
  const to = new Uint8Array(indexes.length);
  for (let i = 0; i < to.length; i++) to[i] = from[indexes[i]];
  return to;
}
function gatherValues(from: readonly unknown[], indexes: ArrayLike<number>): unknown[] {
  const to = new Array<unknown>(indexes.length);
  for (let i = 0; i < to.length; i++) to[i] = from[indexes[i]];
  return to;
}

/** The table with column `name` set to `column` (replaced in place, or added at the end). */
export function withColumn(table: ColumnTable, name: string, column: Column): ColumnTable {
  const at = table.names.indexOf(name);
  if (at < 0) return columnTable(table.length, [...table.names, name], [...table.columns, column]);
  const columns = table.columns.slice();
  columns[at] = column;
  return columnTable(table.length, table.names, columns);
}

/**
 * A table of `length` rows from named columns, in order; a name given again replaces its
 * column in place, as setting a row's key again would. `withColumn` for each, in one pass (a
 * pivot's columns may be thousands).
 */
export function tableOf(length: number, named: Iterable<readonly [string, Column]>): ColumnTable {
  const at = new Map<string, number>();
  const names: string[] = [];
  const columns: Column[] = [];
  for (const [name, column] of named) {
    if (!at.has(name)) at.set(name, names.push(name) - 1);
    columns[at.get(name)!] = column;
  }
  return columnTable(length, names, columns);
}
