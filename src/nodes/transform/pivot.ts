import { defineNode } from '../../core/define-node.js';
import { accumulator, AGGREGATES, checkAggregate, type Accumulator } from '../shared/aggregate.js';
import { keyOf } from '../shared/compare.js';
import { cell, configError, parseList, requireColumns, requireTable, setCell, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Pivot';

/** Spreads the values of one column into columns: a row per row key, a column per pivot value. */
export default defineNode({
  type: 'transform/pivot',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Turns the values of a column into columns, aggregating a value column (a crosstab).',
  keywords: ['pivot', 'crosstab', 'spread', 'wide', 'matrix', 'cross tab'],
  icon: 'table-2',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: {
    rowKeys: { type: 'string', default: 'region', label: 'Row keys' },
    pivotColumn: { type: 'string', default: 'category', label: 'Columns from' },
    valueColumn: { type: 'string', default: 'total', label: 'Values from' },
    aggregate: { type: 'enum', options: AGGREGATES, default: 'sum', label: 'Aggregate' },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const rowKeys = parseList(context.config.rowKeys);
    const pivotColumn = String(context.config.pivotColumn ?? '').trim();
    const valueColumn = String(context.config.valueColumn ?? '').trim();
    if (!pivotColumn) throw configError(TITLE, 'pivotColumn', 'needs a column');
    for (const [field, columns] of Object.entries({ rowKeys, pivotColumn: [pivotColumn], valueColumn: valueColumn ? [valueColumn] : [] }))
      requireColumns(table, columns, TITLE, field);
    const fn = checkAggregate(String(context.config.aggregate), TITLE, 'aggregate');
    const pivotNames = new Set<string>();
    const groups = new Map<string, { row: Row; cells: Map<string, Accumulator> }>();
    await eachIndex(table.length, context, reportProgress, (i) => {
      const source = table[i];
      const values = rowKeys.map((k) => cell(source, k) ?? null);
      const key = keyOf(values);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { row: Object.fromEntries(rowKeys.map((k, j) => [k, values[j]])), cells: new Map() }));
      const value = String(cell(source, pivotColumn) ?? '(empty)');
      // A pivot value named like a row key would overwrite it; prefix it with its column.
      const name = rowKeys.includes(value) ? `${pivotColumn}: ${value}` : value;
      pivotNames.add(name);
      let fold = group.cells.get(name);
      if (!fold) group.cells.set(name, (fold = accumulator(fn)));
      fold.add(valueColumn ? cell(source, valueColumn) : 1);
    });
    const names = [...pivotNames];
    const rows = [...groups.values()].map(({ row, cells }) => {
      for (const name of names) setCell(row, name, cells.get(name)?.result() ?? null);
      return row;
    });
    return { rows };
  },
});
