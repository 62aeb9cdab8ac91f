import { readerOf, rowsOf, type CellReader, type ColumnTable } from './column-table.js';

/** A cursor row's method that builds the plain row it points at (for code that needs a real object). */
export const MATERIALIZE: unique symbol = Symbol('v2u.materialize');

/** A row of a columnar table read in place: one object whose getters read the row `moveTo` chose. */
export interface RowCursor {
  /** Reads like a row: `row.total` is the current row's cell; an unknown name reads as missing. */
  readonly row: Record<string, unknown> & { [MATERIALIZE](): Record<string, unknown> };
  moveTo(index: number): RowCursor['row'];
}

/**
 * A cursor over a table, so per-row expressions read the columns without a row object per
 * row. Its getters sit on a prototype with no `Object.prototype` behind it, so `toString` or
 * `constructor` read as missing columns, as they do on a row.
 */
export function rowCursor(table: ColumnTable): RowCursor {
  let at = 0;
  const proto = Object.create(null) as Record<PropertyKey, unknown>;
  table.names.forEach((name, c) => {
    // Made when first read: a column of a deferred take is gathered only if the expression reads it.
    let read: CellReader | undefined;
    Object.defineProperty(proto, name, { get: () => (read ??= readerOf(table.columns[c]))(at), enumerable: true });
  });
  Object.defineProperty(proto, MATERIALIZE, { value: () => rowsOf(table, at, at + 1)[0] });
  const row = Object.create(proto) as RowCursor['row'];
  return {
    row,
    moveTo(index) {
      at = index;
      return row;
    },
  };
}
