import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, rowStep } from '../shared/expression.js';
import { rowCursor, takeLater } from '../../core/table/index.js';
import { requireColumnTable } from '../shared/inputs.js';
import { BLOCK, eachBlock, eachIndex } from '../shared/loop.js';
import { columnTest, PASS, UNDECIDED, type ColumnTest } from '../shared/column-predicate.js';

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
    const rowByRow = rowStep(test, cursor, (i, pass) => void (isTruthy(pass) ? (kept[k++] = i) : (rejected[r++] = i)));
    const columns = columnTest(test.ast, table);
    await (columns
      ? eachBlock(table.length, context, reportProgress, byColumns(columns, rowByRow, (i, pass) => void (pass ? (kept[k++] = i) : (rejected[r++] = i))))
      : eachIndex(table.length, context, reportProgress, rowByRow));
    return { rows: takeLater(table, kept.subarray(0, k)), rejected: takeLater(table, rejected.subarray(0, r)) };
  },
});

/**
 * Rows tested a block at a time on whole columns (see column-predicate.ts), kept or rejected
 * in the block's own loop; from a row left undecided on, the block goes on row by row, in
 * order, through `rowByRow` (which may be async: JSONata).
 */
function byColumns(test: ColumnTest, rowByRow: (i: number) => unknown, use: (i: number, pass: boolean) => void): (from: number, to: number) => unknown {
  const answers = new Uint8Array(BLOCK);
  return (from, to) => {
    test(from, to, answers);
    const rest = async (i: number) => {
      for (; i < to; i++) {
        const answer = answers[i - from];
        if (answer === UNDECIDED) await rowByRow(i);
        else use(i, answer === PASS);
      }
    };
    for (let i = from; i < to; i++) {
      const answer = answers[i - from];
      if (answer === UNDECIDED) return rest(i);
      use(i, answer === PASS);
    }
  };
}
