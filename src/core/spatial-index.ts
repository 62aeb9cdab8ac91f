import { addTo, removeFrom } from './lists.js';

/** An axis-aligned rectangle in graph coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Most grid cells one item may cover. A bigger item (a long edge, a node at an absurd
 * coordinate) is kept in a short list checked against every query instead, so no rectangle
 * can make an insert visit or allocate millions of cells.
 */
export const MAX_CELLS_PER_ITEM = 1024;
/**
 * Items with cells past ±2^14 on either axis go in the loose list (6.5 million px at the
 * default cell size: no graph reaches it). In the grid a cell's key is one small integer,
 * `x * 2^15 + y`, which V8 keeps unboxed and hashes without building a string.
 */
const MAX_CELL = 2 ** 14;
const SPAN = 2 * MAX_CELL;

/** The cells a rectangle covers, as integer bounds computed once. */
interface CellRange {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * A uniform grid of buckets: insert, move and query rectangles in time proportional to
 * the cells they cover, not to the size of the graph. Culling asks it which nodes and
 * edges meet the viewport on every frame, so a 10,000-node graph costs what is on screen.
 * Items too big for the grid (`MAX_CELLS_PER_ITEM`) sit in a list every query scans.
 *
 * Compact, as it holds every node and edge: an item's rectangle is four numbers at its
 * slot in one array of doubles (no object, no boxed number per item), and a bucket is an
 * array of keys (not a Set).
 */
export class SpatialIndex<K = string> {
  private _cells = new Map<number, K[]>();
  private _slots = new Map<K, number>();
  /** x, y, width, height of slot `i` at `4 * i` (numbers only, so V8 keeps them unboxed). */
  private _boxes: number[] = [];
  private _loose = new Set<K>();
  /** Items of a load (`set(…, true)`) not in the grid yet: the first query scans them, the next puts them in. */
  private _later: K[] = [];
  private _scans = 0;
  constructor(readonly cellSize = 400) {}

  /** Trims every bucket to its length, after a load of `set(…, true)` calls let them grow in place. */
  trim(): void {
    for (const [cell, bucket] of this._cells) this._cells.set(cell, bucket.slice());
  }

  get size(): number {
    return this._slots.size;
  }

  /** Every item and its rectangle (a fresh object per item), in insertion order. */
  *entries(): IterableIterator<[K, Rect]> {
    for (const [key] of this._slots) yield [key, this.rectOf(key)!];
  }

  /** The item's rectangle (a fresh object), or undefined when it is not in the index. */
  rectOf(key: K): Rect | undefined {
    const i = 4 * this._slots.get(key)!; // NaN for an unknown key
    const b = this._boxes;
    return i >= 0 ? { x: b[i], y: b[i + 1], width: b[i + 2], height: b[i + 3] } : undefined;
  }

  /**
   * Inserts or moves an item. `grow`: one of many inserts in a row (a graph load): a new item
   * joins the grid at the second query after the load, or another change, so a load's first
   * paint (one query) does not wait for the grid.
   */
  set(key: K, rect: Rect, grow = false): void {
    const slot = this._slots.get(key);
    const b = this._boxes;
    if (slot === undefined) {
      // A new item takes a new slot; a deleted item's slot stays unused until `clear()`.
      this._slots.set(key, b.push(rect.x, rect.y, rect.width, rect.height) / 4 - 1);
      if (grow) return void this._later.push(key);
    }
    const range = this._itemRange(rect);
    if (slot !== undefined) {
      this._settle();
      const old = this._itemRange(this.rectOf(key)!);
      b.splice(4 * slot, 4, rect.x, rect.y, rect.width, rect.height);
      if (sameRange(old, range)) return;
      this._unlink(key, old);
    }
    this._link(key, range);
  }

  private _link(key: K, range: CellRange | undefined, grow?: boolean) {
    if (!range) return void this._loose.add(key);
    eachCell(range, (cell) => addTo(this._cells, cell, key, grow));
  }

  /** Puts a load's items in the grid, its buckets grown in place, then trimmed. */
  private _settle() {
    const later = this._later;
    if (!later.length) return;
    this._later = [];
    for (const key of later) this._link(key, this._itemRange(this.rectOf(key)!), true);
    this.trim();
  }

  delete(key: K): void {
    this._settle();
    const old = this.rectOf(key);
    if (!old) return;
    this._unlink(key, this._itemRange(old));
    this._slots.delete(key);
  }

  clear(): void {
    this._cells.clear();
    this._slots.clear();
    this._boxes = [];
    this._loose.clear();
    this._later = [];
    this._scans = 0;
  }

  /** Every item whose rectangle meets `area`. */
  query(area: Rect, into = new Set<K>()): Set<K> {
    const visit = (key: K) => {
      if (!into.has(key) && intersects(this.rectOf(key)!, area)) into.add(key);
    };
    // After a load, the first query (the first paint's) scans its items; the next one grids them.
    if (!this._scans++) this._later.forEach(visit);
    else this._settle();
    for (const key of this._loose) visit(key);
    const range = this._range(area);
    if (!range) return into;
    // A huge query (zoomed far out) visits at most the cells that hold something.
    if (cellCount(range) > this._cells.size * 2) {
      for (const [cell, bucket] of this._cells) if (cellIn(cell, range)) bucket.forEach(visit);
    } else {
      eachCell(range, (cell) => this._cells.get(cell)?.forEach(visit));
    }
    return into;
  }

  /** The rectangle around everything, or undefined when empty. */
  bounds(): Rect | undefined {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    const b = this._boxes;
    for (let i of this._slots.values()) {
      i *= 4;
      x1 = Math.min(x1, b[i]);
      y1 = Math.min(y1, b[i + 1]);
      x2 = Math.max(x2, b[i] + b[i + 2]);
      y2 = Math.max(y2, b[i + 1] + b[i + 3]);
    }
    return this._slots.size ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : undefined;
  }

  /** Cell bounds of `rect`, or undefined when it is not a finite, ordered rectangle. */
  private _range(rect: Rect): CellRange | undefined {
    const s = this.cellSize;
    const [x1, y1, x2, y2] = [Math.floor(rect.x / s), Math.floor(rect.y / s), Math.floor((rect.x + rect.width) / s), Math.floor((rect.y + rect.height) / s)];
    // Ordered and finite: NaN fails a comparison, and an infinite bound makes the sum NaN or infinite.
    return x2 >= x1 && y2 >= y1 && isFinite(x2 - x1 + y2 - y1) ? { x1, y1, x2, y2 } : undefined;
  }

  /** The cells an item goes in, or undefined for an item kept in the loose list. */
  private _itemRange(rect: Rect): CellRange | undefined {
    const r = this._range(rect);
    const inGrid = r && Math.max(-r.x1, -r.y1, r.x2 + 1, r.y2 + 1) <= MAX_CELL && cellCount(r) <= MAX_CELLS_PER_ITEM;
    return inGrid ? r : undefined;
  }

  private _unlink(key: K, range: CellRange | undefined) {
    if (!range) return void this._loose.delete(key);
    eachCell(range, (cell) => removeFrom(this._cells, cell, key));
  }
}

function cellCount(r: CellRange): number {
  return (r.x2 - r.x1 + 1) * (r.y2 - r.y1 + 1);
}

/**
 * Counts with integer offsets from the first cell, so the loop ends even where `x + 1 === x`.
 * A query reaching past ±MAX_CELL may name a cell that shares a key with one inside: its
 * items are candidates only, which the query tests against the area itself.
 */
function eachCell(r: CellRange, fn: (cell: number) => void) {
  const [w, h] = [r.x2 - r.x1, r.y2 - r.y1];
  for (let i = 0; i <= w; i++) for (let j = 0; j <= h; j++) fn((r.x1 + i) * SPAN + r.y1 + j);
}

/** Whether a cell of the grid (its key) lies in `r`. */
function cellIn(cell: number, r: CellRange): boolean {
  const cx = Math.round(cell / SPAN);
  const cy = cell - cx * SPAN;
  return cx >= r.x1 && cx <= r.x2 && cy >= r.y1 && cy <= r.y2;
}

function sameRange(a: CellRange | undefined, b: CellRange | undefined): boolean {
  // "x1,y1,x2,y2", or "undefined" for the loose list.
  const key = (r?: CellRange) => String(r && Object.values(r));
  return key(a) === key(b);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}
