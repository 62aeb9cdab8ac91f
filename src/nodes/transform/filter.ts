import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, rowStep } from '../shared/expression.js';
import { rowCursor, takeLater, type ColumnTable } from '../../core/table/index.js';
import { requireColumnTable } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';
import { columnTest, PASS, UNDECIDED } from '../shared/column-predicate.js';

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
    await eachIndex(table.length, context, reportProgress, byColumns(test.ast, table, rowByRow, (i, pass) => void (pass ? (kept[k++] = i) : (rejected[r++] = i))) ?? rowByRow);
    return { rows: takeLater(table, kept.subarray(0, k)), rejected: takeLater(table, rejected.subarray(0, r)) };
  },
});

/** Rows tested a block at a time on whole columns where the expression allows (see column-predicate.ts); a row left undecided goes through `rowByRow`. */
function byColumns(ast: unknown, table: ColumnTable, rowByRow: (i: number) => unknown, use: (i: number, pass: boolean) => void): ((i: number) => unknown) | undefined {
  const test = columnTest(ast, table);
  if (!test) return undefined;
  const answers = new Uint8Array(BLOCK);
  let [from, to] = [0, 0];
  return (i) => {
    if (i >= to) test((from = i), (to = Math.min(table.length, i + BLOCK)), answers);
    const answer = answers[i - from];
    return answer === UNDECIDED ? rowByRow(i) : use(i, answer === PASS);
  };
}

/** Rows per column test: small enough that the loop's time budget still holds. */
const BLOCK = 1024;
