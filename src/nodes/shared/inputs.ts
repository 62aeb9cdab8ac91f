import { ErrorCodes, V2uError } from '../../core/errors.js';
import { fromRows, isColumnTable, namesOf, presentNames, rowsOf, setOwn, type ColumnTable } from '../../core/table/index.js';

/** A table row: a plain object of column → value. A `table` port carries an array of these. */
export type Row = Record<string, unknown>;

/** The value on an input port; a clear error naming node and port when it is not connected. */
export function requireInput(inputs: Record<string, unknown>, port: string, node: string): unknown {
  const value = inputs[port];
  if (value === undefined)
    throw new V2uError(ErrorCodes.missingInput, `${node}: input "${port}" is not connected (or its source produced nothing)`, `$.inputs.${port}`);
  return value;
}

/**
 * The table on an input port as rows, checked to be an array of plain row objects. A columnar
 * table becomes rows here: the edge for nodes that work row by row.
 */
export function requireTable(inputs: Record<string, unknown>, port: string, node: string): Row[] {
  const value = requireInput(inputs, port, node);
  if (isColumnTable(value)) return rowsOf(value);
  if (!Array.isArray(value))
    throw new V2uError(ErrorCodes.badInput, `${node}: input "${port}" must be a table (an array of rows), got ${describe(value)}`, `$.inputs.${port}`);
  const bad = value.findIndex((row) => !isPlainObject(row));
  if (bad >= 0)
    throw new V2uError(ErrorCodes.badInput, `${node}: row ${bad} of input "${port}" is ${describe(value[bad])}, not an object`, `$.inputs.${port}[${bad}]`);
  return value as Row[];
}

/** The table on an input port as columns (the heavy nodes' form): rows, checked, are encoded once. */
export function requireColumnTable(inputs: Record<string, unknown>, port: string, node: string): ColumnTable {
  const value = inputs[port];
  return isColumnTable(value) ? value : fromRows(requireTable(inputs, port, node));
}

export function isPlainObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short human description of a value's kind, for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${String(value).slice(0, 40)})`;
}

/**
 * A row's own cell. Column names come from people and files, so `toString` or `constructor`
 * must read as a missing column, never as what every object inherits.
 */
export function cell(row: Row, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}

/** Sets a cell; a column named `__proto__` stays a column instead of replacing the row's prototype. */
export const setCell: (row: Row, column: string, value: unknown) => void = setOwn;

/**
 * A copy of `row` with `extra` columns set (added at the end, or replaced in place). Copies
 * key by key: `{ ...row, ...extra }` drops V8 into slow dictionary objects, which made a
 * million-row join 10× slower.
 */
export function withColumns(row: Row, extra: Row): Row {
  const copy: Row = {};
  for (const key in row) if (Object.hasOwn(row, key)) setCell(copy, key, row[key]);
  for (const key in extra) if (Object.hasOwn(extra, key)) setCell(copy, key, extra[key]);
  return copy;
}

/** Every column of a table, in order of first appearance (rows may differ in their keys). */
export function columnsOf(rows: readonly Row[] | ColumnTable): string[] {
  return isColumnTable(rows) ? presentNames(rows) : namesOf(rows);
}

/** Splits a comma-separated list of column names from a config field, trimming blanks. */
export function parseList(text: unknown): string[] {
  return String(text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Throws a missing-column error naming the node, the field and the columns that exist. */
export function requireColumns(rows: readonly Row[] | ColumnTable, wanted: readonly string[], node: string, field: string): void {
  if (rows.length === 0) return;
  const present = new Set(columnsOf(rows));
  const missing = wanted.filter((column) => !present.has(column));
  if (missing.length)
    throw new V2uError(
      ErrorCodes.missingColumn,
      `${node}: ${field} names column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} not in the table (columns: ${[...present].join(', ')})`,
      `$.config.${field}`,
    );
}

/** A config error naming the node and field. */
export function configError(node: string, field: string, problem: string): V2uError {
  return new V2uError(ErrorCodes.badConfig, `${node}: ${field} ${problem}`, `$.config.${field}`);
}
