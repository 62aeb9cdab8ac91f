import Papa from 'papaparse';
import { ErrorCodes, V2uError } from '../../core/errors.js';
import { cell, columnsOf, isPlainObject, setCell, type Row } from './inputs.js';

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

/**
 * Parses pasted or uploaded text (CSV, TSV, semicolon-separated or JSON) into a table.
 * `auto` treats text starting with [ or { as JSON and lets papaparse guess the delimiter.
 */
export function parseTableText(text: string, options: ParseOptions): Row[] {
  const format = options.format === 'auto' && /^\s*[[{]/.test(text) ? 'json' : options.format;
  if (format === 'json') return parseJsonTable(text, options.node);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: DELIMITERS[format] ?? '', skipEmptyLines: true });
  const broken = parsed.errors.find((error) => error.type === 'Quotes' || error.type === 'FieldMismatch');
  if (broken)
    throw new V2uError(ErrorCodes.badInput, `${options.node}: ${broken.message} in data row ${(broken.row ?? 0) + 1}`, '$.config');
  const cells = parsed.data;
  const names = headerNames(options.header ? (cells.shift() ?? []) : [], Math.max(0, ...cells.map((r) => r.length)));
  const rows = cells.map((cells) => Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])) as Row);
  return options.detectTypes ? detectColumnTypes(rows, names) : rows;
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
    const cells = rows.map((row) => String(cell(row, column) ?? '').trim()).filter((cell) => cell !== '');
    const convert = cells.length && cells.every(isSafeNumber) ? Number : cells.length && cells.every((c) => BOOLEAN.test(c)) ? toBoolean : undefined;
    for (const row of rows) {
      const text = String(cell(row, column) ?? '').trim();
      setCell(row, column, text === '' ? null : convert ? convert(text) : cell(row, column));
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

/**
 * Writes a table as CSV (RFC 4180 quoting). Objects and lists are written as JSON text.
 * `escapeFormulas` prefixes text starting with = + - @ with a quote, so a spreadsheet opening
 * the file does not run it as a formula (numbers are left alone).
 */
export function toCsv(rows: readonly Row[], options: { delimiter?: string; escapeFormulas?: boolean } = {}): string {
  const columns = columnsOf(rows);
  const data = rows.map((row) => columns.map((column) => cellValue(cell(row, column))));
  return Papa.unparse({ fields: columns, data }, { delimiter: options.delimiter ?? ',', newline: '\n', escapeFormulae: options.escapeFormulas ?? false });
}

function cellValue(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value;
}
