import { defineNode } from '../../core/define-node.js';
import { isColumnTable } from '../../core/table/column-table.js';
import { columnsOf, requireTable } from '../shared/inputs.js';

/** Shows a table: its element renders `rows` virtualized, with sortable columns and the row count. */
/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

export default defineNode({
  type: 'output/table',
  version: 1,
  category: 'output',
  title: 'Table view',
  description: 'Shows rows in a scrollable, sortable table with the row count.',
  keywords: ['view', 'grid', 'preview', 'show', 'display', 'rows'],
  icon: 'table',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' }, columns: { type: 'list<string>' }, rowCount: { type: 'number' } },
  config: {},
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs) {
    // A columnar table passes on as columns: its rows are built where they are shown, a page at a time.
    const rows = isColumnTable(inputs.rows) ? inputs.rows : requireTable(inputs, 'rows', 'Table view');
    return { rows, columns: columnsOf(rows), rowCount: rows.length };
  },
});
