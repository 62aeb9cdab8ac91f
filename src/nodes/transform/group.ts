import { defineNode } from '../../core/define-node.js';
import { quote } from '../../core/errors.js';
import { accumulator, checkAggregate, type Accumulator, type AggregateName } from '../shared/aggregate.js';
import { keyOf } from '../shared/compare.js';
import { columnOf, readerNamed, type CellReader, type ColumnTable } from '../../core/table/index.js';
import { configError, parseList, requireColumns, requireColumnTable, setCell, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Group and aggregate';

interface Aggregation {
  name: string;
  fn: AggregateName;
  column?: string;
}

/** Groups rows by key columns and folds each group with count, sum, avg, min, max, distinct, first, last. */
/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

export default defineNode({
  type: 'transform/group',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Groups rows by columns and aggregates each group (count, sum, avg, min, max, distinct, first, last).',
  keywords: ['group by', 'aggregate', 'sum', 'count', 'average', 'summarize', 'rollup'],
  icon: 'group',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: {
    groupBy: { type: 'string', default: 'region', label: 'Group by (columns)' },
    aggregations: {
      type: 'text',
      default: 'orders = count()\nrevenue = sum(total)',
      label: 'Aggregations (one per line: name = fn(column))',
      description: 'fn is count, sum, avg, min, max, distinct (number of different values), first or last.',
    },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireColumnTable(inputs, 'rows', TITLE);
    const keys = parseList(context.config.groupBy);
    const aggregations = parseAggregations(String(context.config.aggregations ?? ''));
    requireColumns(table, keys, TITLE, 'groupBy');
    requireColumns(table, aggregations.flatMap((a) => (a.column ? [a.column] : [])), TITLE, 'aggregations');
    const groups = new Map<string | number, { row: Row; folds: Accumulator[] }>();
    const keyCells = keys.map((k) => readerNamed(table, k));
    const groupKey = groupKeyOf(table, keys, keyCells);
    const folded = aggregations.map((a) => (a.column === undefined ? () => 1 : readerNamed(table, a.column)));
    await eachIndex(table.length, context, reportProgress, (i) => {
      const key = groupKey(i);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { row: Object.fromEntries(keys.map((k, j) => [k, keyCells[j](i) ?? null])), folds: aggregations.map((a) => accumulator(a.fn)) }));
      for (let a = 0; a < folded.length; a++) group.folds[a].add(folded[a](i));
    });
    const rows = [...groups.values()].map(({ row, folds }) => {
      aggregations.forEach((a, j) => setCell(row, a.name, folds[j].result()));
      return row;
    });
    return { rows };
  },
});

/**
 * Each row's group: one text key column groups by its dictionary code (a number, no key
 * string built per row, the common case); else the keys' values as one key.
 */
function groupKeyOf(table: ColumnTable, keys: string[], cells: CellReader[]): (i: number) => string | number {
  const only = keys.length === 1 ? columnOf(table, keys[0]) : undefined;
  if (only?.kind === 'string') {
    const { codes, states } = only;
    return states ? (i) => (states[i] === 0 ? codes[i] : -1) : (i) => codes[i];
  }
  return (i) => keyOf(cells.map((cell) => cell(i) ?? null));
}

const LINE = /^\s*(.+?)\s*=\s*([a-z]+)\s*\(\s*(.*?)\s*\)\s*$/i;

function parseAggregations(text: string): Aggregation[] {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (!lines.length) throw configError(TITLE, 'aggregations', 'needs at least one line such as orders = count()');
  return lines.map((line, n) => {
    const match = LINE.exec(line);
    if (!match) throw configError(TITLE, 'aggregations', `line ${n + 1} ${quote(line)} should look like name = sum(column)`);
    const fn = checkAggregate(match[2].toLowerCase(), TITLE, 'aggregations');
    if (!match[3] && fn !== 'count') throw configError(TITLE, 'aggregations', `line ${n + 1}: ${fn}() needs a column`);
    return { name: match[1], fn, column: match[3] || undefined };
  });
}
