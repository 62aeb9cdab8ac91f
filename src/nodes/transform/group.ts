import { defineNode } from '../../core/define-node.js';
import { quote } from '../../core/errors.js';
import { accumulator, checkAggregate, type Accumulator, type AggregateName } from '../shared/aggregate.js';
import { keyOf } from '../shared/compare.js';
import { cell, configError, parseList, requireColumns, requireTable, setCell, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Group and aggregate';

interface Aggregation {
  name: string;
  fn: AggregateName;
  column?: string;
}

/** Groups rows by key columns and folds each group with count, sum, avg, min, max, distinct, first, last. */
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
    const table = requireTable(inputs, 'rows', TITLE);
    const keys = parseList(context.config.groupBy);
    const aggregations = parseAggregations(String(context.config.aggregations ?? ''));
    requireColumns(table, keys, TITLE, 'groupBy');
    requireColumns(table, aggregations.flatMap((a) => (a.column ? [a.column] : [])), TITLE, 'aggregations');
    const groups = new Map<string, { row: Row; folds: Accumulator[] }>();
    await eachIndex(table.length, context, reportProgress, (i) => {
      const source = table[i];
      const values = keys.map((k) => cell(source, k) ?? null);
      const key = keyOf(values);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { row: Object.fromEntries(keys.map((k, j) => [k, values[j]])), folds: aggregations.map((a) => accumulator(a.fn)) }));
      for (let a = 0; a < aggregations.length; a++) group.folds[a].add(aggregations[a].column === undefined ? 1 : cell(source, aggregations[a].column!));
    });
    const rows = [...groups.values()].map(({ row, folds }) => {
      aggregations.forEach((a, j) => setCell(row, a.name, folds[j].result()));
      return row;
    });
    return { rows };
  },
});

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
