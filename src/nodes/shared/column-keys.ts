import type { NodeContext, ReportProgress } from '../../core/define-node.js';
import { columnOf, readerNamed, textAt, type ColumnTable } from '../../core/table/index.js';
import { eachBlock } from './loop.js';

/**
 * Row keys over columns, with the meaning of `keyOf` (1 and "1" apart, null and "" apart, a
 * date equal to its ISO text only inside a key of several columns), as small integers instead
 * of a key string per row: each column's cells get ids (text by dictionary code, so a million
 * rows of a few regions look up a few strings), and the ids of several columns are combined
 * pairwise. Two tables that share a `KeySpace` share ids (a join's two sides).
 */
export class KeySpace {
  /** Per key column: cell key → id. */
  private readonly _cells: Map<unknown, number>[];
  /** Per key column after the first: (ids so far, this column's id) → combined id. */
  private readonly _pairs: PairIds[];

  constructor(readonly width: number) {
    this._cells = Array.from({ length: width }, () => new Map());
    this._pairs = Array.from({ length: width }, () => new PairIds());
  }

  /** The id of one cell in key column `c`. */
  cellId(c: number, value: unknown): number {
    const key = cellKey(value, this.width === 1);
    const ids = this._cells[c];
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  }

  /** The id of the ids so far (`previous`) followed by column `c`'s cell id. */
  pairId(c: number, previous: number, cell: number): number {
    return this._pairs[c].idOf(previous, cell);
  }
}

/**
 * (a, b) → a dense id, for two non-negative int32s: open addressing over typed arrays, so a
 * million rows keyed by two columns make no Map entries or boxed keys (a Map keyed by
 * a·2^26 + b took 1 µs a row).
 */
class PairIds {
  private _a = new Int32Array(64).fill(-1);
  private _b = new Int32Array(64);
  private _ids = new Int32Array(64);
  private _size = 0;

  idOf(a: number, b: number): number {
    const mask = this._a.length - 1;
    for (let slot = slotOf(a, b, mask); ; slot = (slot + 1) & mask) {
      if (this._a[slot] === -1) return this._add(slot, a, b);
      if (this._a[slot] === a && this._b[slot] === b) return this._ids[slot];
    }
  }

  private _add(slot: number, a: number, b: number): number {
    const id = this._size++;
    (this._a[slot] = a), (this._b[slot] = b), (this._ids[slot] = id);
    if (this._size * 2 > this._a.length) this._grow();
    return id;
  }

  private _grow(): void {
    const [a, b, ids] = [this._a, this._b, this._ids];
    this._a = new Int32Array(a.length * 2).fill(-1);
    this._b = new Int32Array(a.length * 2);
    this._ids = new Int32Array(a.length * 2);
    const mask = this._a.length - 1;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === -1) continue;
      let slot = slotOf(a[i], b[i], mask);
      while (this._a[slot] !== -1) slot = (slot + 1) & mask;
      (this._a[slot] = a[i]), (this._b[slot] = b[i]), (this._ids[slot] = ids[i]);
    }
  }
}

const slotOf = (a: number, b: number, mask: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;

/**
 * What tells cells apart, as `keyOf` does: a finite number is itself (a Map key), any other
 * number reads as null (as JSON writes it); alone, text is `s` + text; else JSON.
 */
function cellKey(value: unknown, alone: boolean): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'null';
  if (alone && typeof value === 'string') return `s${value}`;
  const json = JSON.stringify([value]);
  return json.slice(1, -1);
}

/** How rows with an empty key cell are keyed: `null` like null (grouping), or `none` (-1, a join). */
export type EmptyCells = 'null' | 'none';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * Each row's key id over `names` in `space` (dense from 0 in order of first appearance), or
 * -1 for a row with an empty cell when `empty` is `none`. Yields on the loop's time budget.
 */
export async function keyIds(
  table: ColumnTable,
  names: readonly string[],
  space: KeySpace,
  empty: EmptyCells,
  context: Pick<NodeContext, 'signal'>,
  report: ReportProgress,
): Promise<Int32Array> {
  const ids = new Int32Array(table.length);
  const cells = names.map((name, c) => cellIds(table, name, c, space, empty));
  const last = names.length - 1;
  await eachBlock(table.length, context, report, (from, to) => {
    for (let i = from; i < to; i++) {
      let id = names.length ? cells[0](i) : 0;
      for (let c = 1; c <= last && id >= 0; c++) {
        const cell = cells[c](i);
        id = cell < 0 ? -1 : space.pairId(c, id, cell);
      }
      ids[i] = id;
    }
  });
  return ids;
}

/**
 * Each key id's first row, by id: `keyIds` numbers ids densely in order of first appearance
 * (with empty cells keyed as `null`, every row has an id).
 */
export function firstRows(ids: Int32Array): Int32Array {
  const first: number[] = [];
  for (let i = 0; i < ids.length; i++) if (ids[i] === first.length) first.push(i);
  return Int32Array.from(first);
}

/** One key column's cell ids per row; text looks each dictionary entry up once, when first met. */
function cellIds(table: ColumnTable, name: string, c: number, space: KeySpace, empty: EmptyCells): (i: number) => number {
  const column = columnOf(table, name);
  const read = readerNamed(table, name);
  const idOf = (value: unknown) => (empty === 'none' && isEmpty(value) ? -1 : space.cellId(c, value ?? null));
  if (column?.kind !== 'string') return (i) => idOf(read(i));
  const { codes, dictionary, states } = column;
  const text = textAt(dictionary);
  const known = new Int32Array(dictionary.length).fill(-2);
  return (i) => {
    if (states && states[i] !== 0) return idOf(read(i));
    const code = codes[i];
    return known[code] !== -2 ? known[code] : (known[code] = idOf(text(code)));
  };
}
