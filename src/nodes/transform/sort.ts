import { defineNode } from '../../core/define-node.js';
import { compareDirected } from '../shared/compare.js';
import { configError, requireColumns, requireTable, parseList } from '../shared/inputs.js';
import { eachIndex, throwIfAborted } from '../shared/loop.js';

const TITLE = 'Sort';

interface SortKey {
  column: string;
  direction: 1 | -1;
}

/** Sorts by one or more columns, each ascending or descending; equal rows keep their order. */
export default defineNode({
  type: 'transform/sort',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Sorts rows by several columns, e.g. "region, total desc". Stable; empty values last.',
  keywords: ['order by', 'sort', 'rank', 'ascending', 'descending'],
  icon: '↕️',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: { keys: { type: 'string', default: 'total desc', label: 'Sort by (column [asc|desc], ...)' } },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const keys = parseKeys(context.config.keys);
    requireColumns(table, keys.map((k) => k.column), TITLE, 'keys');
    // Decorate first so each comparison reads arrays, not objects, and the loop can report progress.
    const decorated = new Array<{ values: unknown[]; index: number }>(table.length);
    await eachIndex(table.length, context, (f) => reportProgress(f * 0.5, 'reading keys'), (i) => {
      decorated[i] = { values: keys.map((k) => table[i][k.column]), index: i };
    });
    decorated.sort((a, b) => {
      for (let k = 0; k < keys.length; k++) {
        const order = compareDirected(a.values[k], b.values[k], keys[k].direction);
        if (order !== 0) return order;
      }
      return a.index - b.index;
    });
    throwIfAborted(context.signal);
    reportProgress(1);
    return { rows: decorated.map((d) => table[d.index]) };
  },
});

function parseKeys(text: unknown): SortKey[] {
  const keys = parseList(text).map((part) => {
    const match = /^(.*?)(?:\s+(asc|desc))?$/i.exec(part)!;
    return { column: match[1].trim(), direction: match[2]?.toLowerCase() === 'desc' ? -1 : 1 } as SortKey;
  });
  if (!keys.length) throw configError(TITLE, 'keys', 'needs at least one column, e.g. "total desc"');
  return keys;
}
