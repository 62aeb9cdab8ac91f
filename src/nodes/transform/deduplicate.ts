import { defineNode } from '../../core/define-node.js';
import { keyOf } from '../shared/compare.js';
import { cell, columnsOf, parseList, requireColumns, requireTable, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Deduplicate';

/** Keeps one row per distinct key (all columns by default); the rest go to `duplicates`. */
export default defineNode({
  type: 'transform/deduplicate',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Removes repeated rows, comparing all columns or the ones you name.',
  keywords: ['distinct', 'unique', 'duplicates', 'dedupe'],
  icon: 'copy-minus',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' }, duplicates: { type: 'table' } },
  config: {
    columns: { type: 'string', default: '', label: 'Compare columns (blank: all)' },
    keep: { type: 'enum', options: ['first', 'last'], default: 'first', label: 'Keep' },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const named = parseList(context.config.columns);
    requireColumns(table, named, TITLE, 'columns');
    const columns = named.length ? named : columnsOf(table);
    const keepLast = context.config.keep === 'last';
    const winner = new Map<string, number>();
    const keys = new Array<string>(table.length);
    await eachIndex(table.length, context, reportProgress, (i) => {
      keys[i] = keyOf(columns.map((c) => cell(table[i], c) ?? null));
      if (keepLast || !winner.has(keys[i])) winner.set(keys[i], i);
    });
    const rows: Row[] = [];
    const duplicates: Row[] = [];
    table.forEach((row, i) => (winner.get(keys[i]) === i ? rows : duplicates).push(row));
    return { rows, duplicates };
  },
});
