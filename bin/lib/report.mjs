// What `run` prints: a bounded summary by default, complete outputs on request.
import { formatValue } from '../../dist/src/core/engine/preview.js';
import { isOutputRef } from '../../dist/src/core/engine/output-ref.js';

/** How much of each output the summary shows: it stays a few kilobytes whatever the data. */
export const PREVIEW = { rows: 3, columns: 12, text: 80 };

/**
 * The run as JSON-ready data. Per node: type, status, duration, error; then either a
 * preview of each output port (`full` false) or the complete outputs (`full` true).
 */
export function report({ doc, summary, states, outputs }, { full = false } = {}) {
  const nodes = {};
  for (const { id, type } of doc.nodes) {
    const state = states.get(id);
    const node = { type, status: state.status, ...timing(state), ...problem(state) };
    const output = full ? outputs.get(id) : state.output;
    if (output) node[full ? 'output' : 'preview'] = full ? output : previewPorts(output);
    nodes[id] = node;
  }
  return { status: summary.status, durationMs: Math.round(summary.durationMs), nodes };
}

function timing(state) {
  if (state.durationMs === undefined) return {};
  return { durationMs: Math.round(state.durationMs), ...(state.cached ? { cached: true } : {}) };
}

function problem(state) {
  return { ...(state.error ? { error: state.error.message } : {}), ...(state.blockedBy ? { blockedBy: state.blockedBy } : {}) };
}

/** Each port's value, bounded: a table as its row count, columns and first rows. */
export function previewPorts(outputs) {
  return Object.fromEntries(Object.entries(outputs).map(([port, value]) => [port, previewValue(value)]));
}

function previewValue(value) {
  const items = isOutputRef(value) ? value.head : value;
  if (!Array.isArray(items)) return clip(value);
  const length = isOutputRef(value) ? value.length : items.length;
  const head = items.slice(0, PREVIEW.rows);
  if (!isRecords(head)) return { items: length, head: head.map(clip) };
  const columns = [...new Set(head.flatMap((row) => Object.keys(row)))];
  const shown = columns.slice(0, PREVIEW.columns);
  const more = columns.length - shown.length;
  return { rows: length, columns: more > 0 ? [...shown, `… ${more} more`] : shown, head: head.map((row) => Object.fromEntries(shown.filter((c) => c in row).map((c) => [c, clip(row[c])]))) };
}

function isRecords(items) {
  return items.length > 0 && items.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row));
}

/** A value as it is when it is short JSON, else its text cut to `PREVIEW.text` characters. */
function clip(value) {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isPlain(value) && JSON.stringify(value).length <= PREVIEW.text) return value;
  return formatValue(value, PREVIEW.text);
}

function isPlain(value) {
  if (typeof value !== 'object' || Array.isArray(value)) return Array.isArray(value);
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
