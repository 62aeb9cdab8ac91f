/**
 * V2U's columnar table: how a `table` port's value lives inside the workers and moves
 * between them. One typed array per column (numbers and dates as Float64Array, booleans as
 * Uint8Array, text as dictionary codes in a Uint32Array plus the distinct strings), so a
 * million rows are a handful of buffers instead of a million objects for the garbage
 * collector, and cross a worker boundary as a memory copy instead of a structured clone of
 * every row. Rows are built only at the edges (the page, CSV, the CLI): `rowsOf`.
 *
 * Plain data, no class: it survives `postMessage` as it is.
 */
export interface ColumnTable {
  /** Marks the shape (a row array never has it). */
  readonly $v2uColumns: 1;
  /** Rows in the table. */
  readonly length: number;
  /** Column names, in the order rows list their keys. */
  readonly names: readonly string[];
  /** One column per name, each `length` long. */
  readonly columns: readonly Column[];
}

/** A cell's state where a column has `states`: a value, `null`, or no key at all in that row. */
export const VALUE = 0;
export const NULL = 1;
export const ABSENT = 2;

interface Base {
  /** Per row: VALUE, NULL or ABSENT; left out when every row has a value. */
  readonly states?: Uint8Array;
}
export interface NumberColumn extends Base { readonly kind: 'number'; readonly values: Float64Array }
/** Dates as their time in ms (NaN for an invalid date); rows get `Date` objects back. */
export interface DateColumn extends Base { readonly kind: 'date'; readonly values: Float64Array }
export interface BooleanColumn extends Base { readonly kind: 'boolean'; readonly values: Uint8Array }
/**
 * Text, dictionary-encoded: row i's string is the dictionary's entry `codes[i]` (`textAt`);
 * the dictionary holds each string once, or is a `NumberedText` recipe.
 */
export interface StringColumn extends Base { readonly kind: 'string'; readonly codes: Uint32Array; readonly dictionary: Dictionary }
/**
 * A dictionary of numbered ids kept as their recipe: entry `code` is `prefix` followed by
 * `start + code` written with at least `width` digits (`O-0000001`). A million order ids are
 * then a few bytes to make, keep and send to another worker instead of a million strings
 * (in the heavy run, making them and cloning them were the largest costs of the source).
 */
export interface NumberedText {
  readonly numbered: 1;
  readonly prefix: string;
  readonly start: number;
  readonly width: number;
  readonly length: number;
}
export type Dictionary = readonly string[] | NumberedText;

/**
 * Entry `code` of a dictionary, as a function made once per column. `reads`: about how many
 * cells the caller reads through it. When that is at least half a numbered dictionary (a
 * node's loop over a long column, rows for a whole table), its strings are all written once
 * per thread and shared (see `written`); otherwise (a page of rows, the few rows a filter
 * rejected out of a million ids, one lookup per distinct code) each entry is written when
 * asked for: writing a million ids to read a few thousand was most of such a table's cost.
 */
export function textAt(dictionary: Dictionary, reads = 0): (code: number) => string {
  if (Array.isArray(dictionary)) return (code) => (dictionary as readonly string[])[code];
  const numbered = dictionary as NumberedText;
  const { prefix, start, width } = numbered;
  const write = (code: number) => prefix + String(start + code).padStart(width, '0');
  if (reads * 2 < numbered.length) return write;
  let strings = written.get(numbered);
  if (!strings) written.set(numbered, (strings = Array.from({ length: numbered.length }, (_, code) => write(code))));
  return (code) => strings[code];
}

/**
 * The strings of each numbered dictionary read in full so far in this thread: on the main
 * thread every output becomes rows, and tables taken from one another share a dictionary, so
 * their rows share one string per id (as an array dictionary's rows do), while a worker that
 * shows 100 rows writes 100 strings.
 */
const written = threadWeakMap<NumberedText, string[]>('written');

/**
 * A WeakMap that every copy of this module in the thread shares. A thread can hold two: the
 * pool's worker is one self-contained file (it must also start from a blob) with its own copy,
 * and the node modules it imports use the table chunk's. A module-level map would leave a
 * deferred take made by a node unknown to the worker that keeps it, which then read (gathered)
 * all its columns to price it and to show its first rows.
 */
function threadWeakMap<K extends object, V>(name: string): WeakMap<K, V> {
  const scope = globalThis as unknown as Record<symbol, WeakMap<K, V> | undefined>;
  return (scope[Symbol.for(`v2u.table.${name}`)] ??= new WeakMap<K, V>());
}
/** Anything else (several kinds in one column, objects, lists, undefined): the values as they are. */
export interface MixedColumn extends Base { readonly kind: 'mixed'; readonly values: readonly unknown[] }
export type Column = NumberColumn | DateColumn | BooleanColumn | StringColumn | MixedColumn;

/** Whether a value is a columnar table (rather than an array of rows, or anything else). */
export function isColumnTable(value: unknown): value is ColumnTable {
  return typeof value === 'object' && value !== null && (value as Partial<ColumnTable>).$v2uColumns === 1;
}

/** A table of `length` rows from named columns. */
export function columnTable(length: number, names: readonly string[], columns: readonly Column[]): ColumnTable {
  return { $v2uColumns: 1, length, names, columns };
}

/** Reads one column's cells: a value, `null`, or `undefined` for a row without the key. */
export type CellReader = (row: number) => unknown;

/** A column's cells; `reads`: about how many will be read (see `textAt`), by default the whole column. */
export function readerOf(column: Column, reads?: number): CellReader {
  const value = valueReader(column, reads);
  const states = column.states;
  if (!states) return value;
  return (i) => (states[i] === VALUE ? value(i) : states[i] === NULL ? null : undefined);
}

function valueReader(column: Column, reads: number | undefined): CellReader {
  switch (column.kind) {
    case 'number': {
      const values = column.values;
      return (i) => values[i];
    }
    case 'date': {
      const values = column.values;
      return (i) => new Date(values[i]);
    }
    case 'boolean': {
      const values = column.values;
      return (i) => values[i] === 1;
    }
    case 'string': {
      const { codes } = column;
      const text = textAt(column.dictionary, reads ?? codes.length);
      return (i) => text(codes[i]);
    }
    case 'mixed': {
      const values = column.values;
      return (i) => values[i];
    }
  }
}

/** The cells of column `name`; a column the table lacks reads as missing (undefined) everywhere. */
export function readerNamed(table: ColumnTable, name: string): CellReader {
  const column = columnOf(table, name);
  return column ? readerOf(column) : () => undefined;
}

/** The column named `name`, or undefined. */
export function columnOf(table: ColumnTable, name: string): Column | undefined {
  const at = table.names.indexOf(name);
  return at < 0 ? undefined : table.columns[at];
}

/**
 * Rows `from`..`to` as plain objects: the edge where columns become rows (the page, a table
 * view page, CSV, the CLI). A row without a key in the source has none here either. A
 * deferred take (`takeLater`) reads a few rows (a preview, a page) from the table it takes
 * from, through its indexes, without gathering its columns.
 */
export function rowsOf(table: ColumnTable, from = 0, to = table.length): Record<string, unknown>[] {
  const start = Math.max(0, Math.min(from, table.length));
  const end = Math.max(start, Math.min(to, table.length));
  const many = end - start >= MANY_ROWS;
  // Many rows of a deferred take: gather its columns and read them in order (reading ten
  // columns through shuffled indexes while making row objects was slower, main thread).
  const view = many ? undefined : views.get(table);
  const source = view?.table ?? table;
  const readers = source.columns.map((column) => readerOf(column, many ? end - start : 0));
  const absent = source.columns.map((c) => c.states);
  const { names } = table;
  const rows: Record<string, unknown>[] = new Array(end - start);
  for (let i = start; i < end; i++) {
    const at = view ? view.indexes[i] : i;
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) if (absent[c]?.[at] !== ABSENT) setOwn(row, names[c], readers[c](at));
    rows[i - start] = row;
  }
  if (start === 0 && end === table.length) builtFrom.set(rows, table);
  return rows;
}

/** Rows built at once from which text columns are read as many (see `textAt`): more than a preview or a page. */
const MANY_ROWS = 1000;

/** Deferred takes (`takeLater`): the table each takes rows of, and which rows, in order. */
const views = threadWeakMap<ColumnTable, { readonly table: ColumnTable; readonly indexes: ArrayLike<number> }>('views');

/**
 * The rows at `indexes` of `table`, as a table whose columns are each gathered only when first
 * read: a node's output that may never be read in full (a filter's rejected rows, a sorted
 * table only shown a page at a time) costs its indexes until then, and a node that reads two
 * of ten columns (a group after a filter) gathers those two. Rows (`rowsOf`) and present
 * names are read through the indexes. `gather` builds one column (`take`'s) from the table
 * under every deferred take. `indexes` must not change afterwards.
 */
export function deferredTake(table: ColumnTable, indexes: ArrayLike<number>, gather: (column: Column, indexes: ArrayLike<number>) => Column): ColumnTable {
  const under = { table: views.get(table)?.table ?? table, indexes: composed(table, indexes) };
  const columns: Column[] = [];
  under.table.columns.forEach((column, c) => {
    let gathered: Column | undefined;
    Object.defineProperty(columns, c, { enumerable: true, get: () => (gathered ??= gather(column, under.indexes)) });
  });
  const view = columnTable(indexes.length, table.names, Object.freeze(columns));
  views.set(view, under);
  return view;
}

/** The table a deferred take reads its rows from (itself for any other table), without gathering anything. */
export function tableUnder(table: ColumnTable): ColumnTable {
  return views.get(table)?.table ?? table;
}

/** `indexes` into a table that may itself be a deferred take, as indexes into the table under it. */
function composed(table: ColumnTable, indexes: ArrayLike<number>): ArrayLike<number> {
  const under = views.get(table)?.indexes;
  if (!under) return indexes;
  const out = new Uint32Array(indexes.length);
  for (let i = 0; i < out.length; i++) out[i] = under[indexes[i]];
  return out;
}

/**
 * Whole tables turned into rows, and the table each came from. On the main thread and in the
 * CLI's own thread every output becomes rows; when those rows (frozen, as the runner passes
 * long inputs on) reach the next heavy node, it reads the columns again instead of encoding
 * a million rows once more.
 */
const builtFrom = threadWeakMap<object, ColumnTable>('builtFrom');

/** The table a frozen row array was built from by `rowsOf`, if any. */
export function tableBehind(rows: readonly unknown[]): ColumnTable | undefined {
  return Object.isFrozen(rows) ? builtFrom.get(rows) : undefined;
}

/** Sets a key; a column named `__proto__` stays a column instead of replacing the row's prototype. */
export function setOwn(row: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
  else row[key] = value;
}

/** Each column's buffers, for a transfer list (a table sent and no longer used by the sender). */
export function buffersOf(table: ColumnTable): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  for (const column of table.columns)
    for (const part of [column.states, 'codes' in column ? column.codes : column.values])
      if (ArrayBuffer.isView(part) && part.buffer instanceof ArrayBuffer) found.add(part.buffer);
  return [...found];
}

/**
 * The table with every typed array copied into buffers of its own: what a worker posts to
 * another with those buffers transferred (`buffersOf`), so the message carries its columns as
 * moved memory, not cloned bytes, while the sender keeps its own table.
 */
export function ownBuffers(table: ColumnTable): ColumnTable {
  const own = <T extends Uint8Array | Uint32Array | Float64Array | undefined>(part: T): T => part?.slice() as T;
  return columnTable(table.length, table.names, table.columns.map((column): Column => {
    const states = own(column.states);
    if (column.kind === 'string') return { ...column, codes: own(column.codes), states };
    if (column.kind === 'mixed') return { ...column, states };
    return { ...column, values: own(column.values), states } as Column;
  }));
}

/** The names of the columns some row has a key for (as rows would list them; a taken subset may lack some). */
export function presentNames(table: ColumnTable): string[] {
  const view = views.get(table);
  const source = view?.table ?? table;
  return table.names.filter((_, c) => {
    const states = source.columns[c].states;
    if (!states) return table.length > 0;
    for (let i = 0; i < table.length; i++) if (states[view ? view.indexes[i] : i] !== ABSENT) return true;
    return false;
  });
}

/** A `multiple` port's array has one item per edge; longer arrays are data, not searched. */
const MAX_EDGES = 64;

/**
 * Ports as they leave the columnar world (outputs to the page, the CLI or a caller of
 * `processLogic`; inputs of a node that reads rows): each columnar table, on a port or in a
 * `multiple` port's list, becomes rows; everything else is left as it is.
 */
export function rowsAtEdge(ports: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [port, value] of Object.entries(ports)) {
    if (isColumnTable(value)) out[port] = rowsOf(value);
    else if (Array.isArray(value) && value.length <= MAX_EDGES && value.some(isColumnTable)) out[port] = value.map((v) => (isColumnTable(v) ? rowsOf(v) : v));
    else out[port] = value;
  }
  return out;
}

/**
 * What a node module exports to say its logic takes columnar tables as they are
 * (`export const readsColumns = true`); every other node gets rows on its table ports.
 */
export const READS_COLUMNS = 'readsColumns';
