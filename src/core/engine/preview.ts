import { isOutputRef } from './output-ref.js';

/** A node's output as plain data a node shell can render as text: a small table or a value. */
export type OutputPreview =
  | { kind: 'table'; port: string; columns: string[]; rows: string[][]; totalRows: number }
  | { kind: 'value'; port: string; text: string }
  | { kind: 'empty' };

export interface PreviewOptions {
  /** Rows shown of a table (default 5). */
  rows?: number;
  /** Longest text of a value or a cell before it is cut with an ellipsis (default 80). */
  maxText?: number;
}

/**
 * Formats the first output port of a node for its preview: arrays of records become the
 * first rows of a table, anything else a short text. Pure and DOM-free; user data stays
 * text, so the element renders it with text bindings only.
 *
 * @example previewOutput({ rows: [{ a: 1 }, { a: 2 }] }) // { kind: 'table', columns: ['a'], rows: [['1'], ['2']], … }
 */
export function previewOutput(outputs: Record<string, unknown> | undefined, options: PreviewOptions = {}): OutputPreview {
  const entry = Object.entries(outputs ?? {})[0];
  if (!entry) return { kind: 'empty' };
  const [port, value] = entry;
  const max = options.maxText ?? 80;
  // A value kept in a worker: its first items stand for it, its length is the real one.
  const items = isOutputRef(value) ? value.head : value;
  const length = isOutputRef(value) ? value.length : Array.isArray(value) ? value.length : 0;
  if (isTable(items)) {
    const shown = items.slice(0, options.rows ?? 5);
    const columns = [...new Set(shown.flatMap((row) => Object.keys(row)))];
    const rows = shown.map((row) => columns.map((c) => formatValue(row[c], max)));
    return { kind: 'table', port, columns, rows, totalRows: length };
  }
  if (isOutputRef(value)) return { kind: 'value', port, text: `${length} items` };
  return { kind: 'value', port, text: formatValue(value, max) };
}

function isTable(value: unknown): value is readonly Record<string, unknown>[] {
  return Array.isArray(value) && value.length > 0 && value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
}

/** One value as short text: numbers as they are, typed arrays by kind and length, the rest as JSON. */
export function formatValue(value: unknown, max = 80): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === null) text = String(value);
  else if (ArrayBuffer.isView(value)) text = `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length ?? value.byteLength})`;
  else if (value instanceof Map || value instanceof Set) text = `${value.constructor.name}(${value.size})`;
  else text = safeJson(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A node's run time as short text: `35 ms`, `1.2 s`, `2 min 05 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
