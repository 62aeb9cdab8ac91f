import { csvFormatRows, dsvFormat } from 'd3-dsv';
import { ErrorCodes, V2uError } from '../../core/errors.js';
import { columnsOf, isPlainObject, type Row } from './inputs.js';

export type TextFormat = 'auto' | 'csv' | 'tsv' | 'semicolon' | 'json';

export interface ParseOptions {
  format: TextFormat;
  /** The first line names the columns; otherwise columns are column_1, column_2, ... */
  header: boolean;
  /** Turn number-, boolean- and empty-looking columns into numbers, booleans and nulls. */
  detectTypes: boolean;
  /** Names the node in errors. */
  node: string;
}

const DELIMITERS: Record<string, string> = { csv: ',', tsv: '\t', semicolon: ';' };

/** Parses pasted or uploaded text (CSV, TSV, semicolon-separated or JSON) into a table. */
export function parseTableText(text: string, options: ParseOptions): Row[] {
  const format = options.format === 'auto' ? sniffFormat(text) : options.format;
  if (format === 'json') return parseJsonTable(text, options.node);
  const cells = dsvFormat(DELIMITERS[format] ?? ',').parseRows(text.replace(/^\uFEFF/, ''));
  while (cells.length && cells[cells.length - 1].every((cell) => cell === '')) cells.pop();
  const names = headerNames(options.header ? (cells.shift() ?? []) : [], Math.max(0, ...cells.map((r) => r.length)));
  const rows = cells.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])) as Row);
  return options.detectTypes ? detectColumnTypes(rows, names) : rows;
}

/** JSON starts with [ or {; otherwise the delimiter seen most on the first line wins. */
export function sniffFormat(text: string): Exclude<TextFormat, 'auto'> {
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  const count = (delimiter: string) => firstLine.split(delimiter).length - 1;
  const best = (['tsv', 'semicolon', 'csv'] as const).map((f) => [f, count(DELIMITERS[f])] as const).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : 'csv';
}

function parseJsonTable(text: string, node: string): Row[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new V2uError(ErrorCodes.badJson, `${node}: the text is not valid JSON (${(error as Error).message})`, '$.config');
  }
  const rows = Array.isArray(value) ? value : [value];
  const bad = rows.findIndex((row) => !isPlainObject(row));
  if (bad >= 0) throw new V2uError(ErrorCodes.badInput, `${node}: JSON item ${bad} is not an object; a table is a list of objects`, '$.config');
  return rows as Row[];
}

/** Blank header cells become column_N and repeated names get _2, _3, so no column is lost. */
function headerNames(header: readonly string[], width: number): string[] {
  const used = new Set<string>();
  return Array.from({ length: Math.max(header.length, width) }, (_, i) => {
    const base = header[i]?.trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

const NUMBER = /^[-+]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/**
 * Types whole columns, not cells: a column becomes numbers only if every non-empty cell is a
 * number, so zip codes like 01234 stay text. Integers beyond 2^53 stay text too, as
 * converting them would silently change their digits. Empty cells become null.
 */
export function detectColumnTypes(rows: Row[], columns = columnsOf(rows)): Row[] {
  for (const column of columns) {
    const cells = rows.map((row) => String(row[column] ?? '').trim()).filter((cell) => cell !== '');
    const convert = cells.length && cells.every(isSafeNumber) ? Number : cells.length && cells.every((c) => BOOLEAN.test(c)) ? toBoolean : undefined;
    for (const row of rows) {
      const cell = String(row[column] ?? '').trim();
      row[column] = cell === '' ? null : convert ? convert(cell) : row[column];
    }
  }
  return rows;
}

function isSafeNumber(cell: string): boolean {
  if (!NUMBER.test(cell)) return false;
  const value = Number(cell);
  return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value));
}

function toBoolean(cell: string): boolean {
  return cell.toLowerCase() === 'true';
}

/** Writes a table as CSV (RFC 4180 quoting). Objects and lists are written as JSON text. */
export function toCsv(rows: readonly Row[], delimiter = ','): string {
  const columns = columnsOf(rows);
  const body = rows.map((row) => columns.map((column) => cellText(row[column])));
  return delimiter === ',' ? csvFormatRows([columns, ...body]) : dsvFormat(delimiter).formatRows([columns, ...body]);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return String(value);
}
