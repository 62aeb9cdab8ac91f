import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, rowStep } from '../shared/expression.js';
import { rowCursor, takeLater } from '../../core/table/index.js';
import { requireColumnTable } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Filter rows';

/** Keeps the rows for which the expression is true; the others go to `rejected`. Reads and writes columns. */
/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

export default defineNode({
  type: 'transform/filter',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Keeps the rows that match an expression such as amount > 100 and region = "EU".',
  keywords: ['where', 'filter', 'condition', 'keep', 'remove', 'rows'],
  icon: 'funnel',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' }, rejected: { type: 'table' } },
  config: { expression: { type: 'code', default: 'amount > 100', label: 'Keep rows where' } },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireColumnTable(inputs, 'rows', TITLE);
    const test = compileExpression(String(context.config.expression ?? ''), { node: TITLE, field: 'expression' });
    const cursor = rowCursor(table);
    const kept = new Uint32Array(table.length);
    const rejected = new Uint32Array(table.length);
    let [k, r] = [0, 0];
    await eachIndex(table.length, context, reportProgress, rowStep(test, cursor, (i, pass) => void (isTruthy(pass) ? (kept[k++] = i) : (rejected[r++] = i))));
    return { rows: takeLater(table, kept.subarray(0, k)), rejected: takeLater(table, rejected.subarray(0, r)) };
  },
});
