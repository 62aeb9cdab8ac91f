/** An axis-aligned rectangle in graph coordinates. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A uniform grid of buckets: insert, move and query rectangles in time proportional to
 * the cells they cover, not to the size of the graph. Culling asks it which nodes and
 * edges meet the viewport on every frame, so a 10,000-node graph costs what is on screen.
 */
export class SpatialIndex<K = string> {
  private _cells = new Map<string, Set<K>>();
  private _rects = new Map<K, Rect>();

  constructor(readonly cellSize = 400) {}

  get size(): number {
    return this._rects.size;
  }

  /** Every item and its rectangle. */
  entries(): IterableIterator<[K, Rect]> {
    return this._rects.entries();
  }

  rectOf(key: K): Rect | undefined {
    return this._rects.get(key);
  }

  /** Inserts or moves an item. */
  set(key: K, rect: Rect): void {
    const old = this._rects.get(key);
    if (old && sameCells(old, rect, this.cellSize)) {
      this._rects.set(key, rect);
      return;
    }
    if (old) this.forEachCell(old, false, (cell) => this.removeFrom(cell, key));
    this._rects.set(key, rect);
    this.forEachCell(rect, false, (cell) => {
      let bucket = this._cells.get(cell);
      if (!bucket) this._cells.set(cell, (bucket = new Set()));
      bucket.add(key);
    });
  }

  delete(key: K): void {
    const old = this._rects.get(key);
    if (!old) return;
    this.forEachCell(old, false, (cell) => this.removeFrom(cell, key));
    this._rects.delete(key);
  }

  clear(): void {
    this._cells.clear();
    this._rects.clear();
  }

  /** Every item whose rectangle meets `area`. */
  query(area: Rect, into = new Set<K>()): Set<K> {
    this.forEachCell(area, true, (cell) => {
      for (const key of this._cells.get(cell) ?? []) if (!into.has(key) && intersects(this._rects.get(key)!, area)) into.add(key);
    });
    return into;
  }

  /** The rectangle around everything, or undefined when empty. */
  bounds(): Rect | undefined {
    if (this._rects.size === 0) return undefined;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const r of this._rects.values()) {
      x1 = Math.min(x1, r.x);
      y1 = Math.min(y1, r.y);
      x2 = Math.max(x2, r.x + r.width);
      y2 = Math.max(y2, r.y + r.height);
    }
    return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
  }

  /** Visits the cells `rect` covers; a `sparse` visit may skip empty ones. */
  private forEachCell(rect: Rect, sparse: boolean, fn: (cell: string) => void) {
    const s = this.cellSize;
    const [cx1, cy1] = [Math.floor(rect.x / s), Math.floor(rect.y / s)];
    const [cx2, cy2] = [Math.floor((rect.x + rect.width) / s), Math.floor((rect.y + rect.height) / s)];
    // A huge query (zoomed far out) visits at most the cells that hold something.
    if (sparse && (cx2 - cx1 + 1) * (cy2 - cy1 + 1) > this._cells.size * 2) {
      for (const cell of [...this._cells.keys()]) {
        const [cx, cy] = cell.split(',').map(Number);
        if (cx >= cx1 && cx <= cx2 && cy >= cy1 && cy <= cy2) fn(cell);
      }
      return;
    }
    for (let cx = cx1; cx <= cx2; cx++) for (let cy = cy1; cy <= cy2; cy++) fn(`${cx},${cy}`);
  }

  private removeFrom(cell: string, key: K) {
    const bucket = this._cells.get(cell);
    bucket?.delete(key);
    if (bucket?.size === 0) this._cells.delete(cell);
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

function sameCells(a: Rect, b: Rect, s: number): boolean {
  const f = Math.floor;
  return (
    f(a.x / s) === f(b.x / s) &&
    f(a.y / s) === f(b.y / s) &&
    f((a.x + a.width) / s) === f((b.x + b.width) / s) &&
    f((a.y + a.height) / s) === f((b.y + b.height) / s)
  );
}
