import { defineNode } from '../../core/define-node.js';
import { accumulator, AGGREGATES, checkAggregate, type Accumulator } from '../shared/aggregate.js';
import { cellsColumn, columnOf, readerNamed, tableOf, takeOrNull, type Column, type ColumnTable, type NumberColumn } from '../../core/table/index.js';
import { KeySpace, firstRows, keyIds } from '../shared/column-keys.js';
import { configError, parseList, requireColumnTable, requireColumns } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';
import { addsNumbers, numericCells } from '../shared/numeric-cells.js';

const TITLE = 'Pivot';

/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

/**
 * Spreads the values of one column into columns: a row per row key, a column per pivot value.
 * Row keys are integer ids over the columns (`keyIds`); text pivot values are named once per
 * dictionary entry. The result is columnar: the row keys' cells at each row key's first row
 * (an empty one as null), then the pivot columns.
 */
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
    const table = requireColumnTable(inputs, 'rows', TITLE);
    const rowKeys = parseList(context.config.rowKeys);
    const pivotColumn = String(context.config.pivotColumn ?? '').trim();
    const valueColumn = String(context.config.valueColumn ?? '').trim();
    if (!pivotColumn) throw configError(TITLE, 'pivotColumn', 'needs a column');
    for (const [field, columns] of Object.entries({ rowKeys, pivotColumn: [pivotColumn], valueColumn: valueColumn ? [valueColumn] : [] }))
      requireColumns(table, columns, TITLE, field);
    const fn = checkAggregate(String(context.config.aggregate), TITLE, 'aggregate');
    const groupIds = await keyIds(table, rowKeys, new KeySpace(rowKeys.length), 'null', context, (f) => reportProgress(f * 0.5));
    const names = new Map<string, number>();
    const nameOf = pivotNamer(table, pivotColumn, rowKeys, names);
    const first = firstRows(groupIds);
    const named: (readonly [string, Column])[] = rowKeys.map((k) => [k, takeOrNull(table, k, first)]);
    // Each row's pivot value (its output column), once, then the cells.
    const pivots = new Int32Array(table.length);
    await eachIndex(table.length, context, (f) => reportProgress(0.5 + f * 0.25), (i) => void (pivots[i] = nameOf(i)));
    const valueCells = valueColumn ? columnOf(table, valueColumn) : undefined;
    // A cell per (row key, pivot value): typed arrays while that grid stays small.
    if (addsNumbers(fn, valueCells, !!valueColumn) && first.length * names.size <= MAX_GRID) {
      const cells = numericCells(fn, valueCells as NumberColumn | undefined, groupIds, first.length, names.size, pivots);
      for (const [name, at] of names) named.push([name, cells(at)]);
      reportProgress(1);
      return { rows: tableOf(first.length, named) };
    }
    const value = valueColumn ? readerNamed(table, valueColumn) : () => 1;
    const groups: Accumulator[][] = [];
    await eachIndex(table.length, context, (f) => reportProgress(0.75 + f * 0.25), (i) => {
      const cells = (groups[groupIds[i]] ??= []);
      (cells[pivots[i]] ??= accumulator(fn)).add(value(i));
    });
    for (const [name, at] of names) named.push([name, cellsColumn(groups.map((cells) => cells[at]?.result() ?? null))]);
    return { rows: tableOf(first.length, named) };
  },
});

/** Most cells (row keys × pivot values) the typed-array path allocates: 17 bytes each (two Float64Arrays and a Uint8Array). */
const MAX_GRID = 4_000_000;

/**
 * Each row's pivot column, as an index into `names` (pivot value → output column, in order of
 * first appearance). A pivot value named like a row key would overwrite it, so it is prefixed
 * with its column.
 */
function pivotNamer(table: ColumnTable, pivotColumn: string, rowKeys: string[], names: Map<string, number>): (i: number) => number {
  const column = columnOf(table, pivotColumn);
  const read = readerNamed(table, pivotColumn);
  const indexOf = (cell: unknown) => {
    const value = String(cell ?? '(empty)');
    const name = rowKeys.includes(value) ? `${pivotColumn}: ${value}` : value;
    let at = names.get(name);
    if (at === undefined) names.set(name, (at = names.size));
    return at;
  };
  if (column?.kind !== 'string') return (i) => indexOf(read(i));
  const known = new Int32Array(column.dictionary.length).fill(-1);
  const { codes, states } = column;
  return (i) => (states && states[i] !== 0 ? indexOf(read(i)) : known[codes[i]] >= 0 ? known[codes[i]] : (known[codes[i]] = indexOf(read(i))));
}
