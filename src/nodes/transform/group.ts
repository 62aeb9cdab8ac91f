import { defineNode } from '../../core/define-node.js';
import { quote } from '../../core/errors.js';
import { accumulator, checkAggregate, type AggregateName } from '../shared/aggregate.js';
import { cellsColumn, columnOf, readerNamed, tableOf, takeOrNull, type Column, type ColumnTable, type NumberColumn } from '../../core/table/index.js';
import { KeySpace, firstRows, keyIds } from '../shared/column-keys.js';
import { configError, parseList, requireColumns, requireColumnTable } from '../shared/inputs.js';
import { eachBlock } from '../shared/loop.js';
import { addsNumbers, numericCells, type NumericFold } from '../shared/numeric-cells.js';

const TITLE = 'Group and aggregate';

interface Aggregation {
  name: string;
  fn: AggregateName;
  column?: string;
}

/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

/**
 * Groups rows by key columns and folds each group with count, sum, avg, min, max, distinct,
 * first, last. The result is columnar, a row per group: its key cells (taken at the group's
 * first row, an empty one as null), then a column per aggregation (one named like a key
 * replaces it, as in a row).
 */
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
    const ids = await keyIds(table, keys, new KeySpace(keys.length), 'null', context, (f) => reportProgress(f * 0.5));
    const first = firstRows(ids);
    const named: (readonly [string, Column])[] = keys.map((k) => [k, takeOrNull(table, k, first)]);
    for (const [n, a] of aggregations.entries()) {
      named.push([a.name, await fold(table, a, ids, first.length, context)]);
      reportProgress(0.5 + (0.5 * (n + 1)) / aggregations.length);
    }
    return { rows: tableOf(first.length, named) };
  },
});

/**
 * One aggregation's result per group, as a column. count, sum and avg of a number column (and
 * count()) add straight from the typed array, in row order as the accumulators would, into a
 * number column; every other fold reads cells into an accumulator per group.
 */
async function fold(table: ColumnTable, a: Aggregation, ids: Int32Array, groups: number, context: { signal: AbortSignal }): Promise<Column> {
  const column = a.column === undefined ? undefined : columnOf(table, a.column);
  // count() is the one fold without a column (parseAggregations).
  if (a.column === undefined || addsNumbers(a.fn, column, true)) return numericCells(a.fn as NumericFold, column as NumberColumn | undefined, ids, groups)(0);
  const folds = Array.from({ length: groups }, () => accumulator(a.fn));
  const cell = readerNamed(table, a.column);
  await eachBlock(ids.length, context, () => {}, (from, to) => {
    for (let i = from; i < to; i++) folds[ids[i]].add(cell(i));
  });
  return cellsColumn(folds.map((f) => f.result()));
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
