import { defineNode } from '../../core/define-node.js';
import { takeLater } from '../../core/table/index.js';
import { KeySpace, keyIds } from '../shared/column-keys.js';
import { columnsOf, parseList, requireColumnTable, requireColumns } from '../shared/inputs.js';

const TITLE = 'Deduplicate';

/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

/**
 * Keeps one row per distinct key (all columns by default); the rest go to `duplicates`. Keys
 * are integer ids over the columns (`keyIds`), both outputs the input's rows taken by number.
 */
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
    const table = requireColumnTable(inputs, 'rows', TITLE);
    const named = parseList(context.config.columns);
    requireColumns(table, named, TITLE, 'columns');
    const columns = named.length ? named : columnsOf(table);
    const ids = await keyIds(table, columns, new KeySpace(columns.length), 'null', context, reportProgress);
    const winner = new Int32Array(table.length).fill(-1);
    const keepLast = context.config.keep === 'last';
    for (let i = 0; i < ids.length; i++) if (keepLast || winner[ids[i]] < 0) winner[ids[i]] = i;
    const kept: number[] = [];
    const duplicates: number[] = [];
    for (let i = 0; i < ids.length; i++) (winner[ids[i]] === i ? kept : duplicates).push(i);
    return { rows: takeLater(table, kept), duplicates: takeLater(table, duplicates) };
  },
});
