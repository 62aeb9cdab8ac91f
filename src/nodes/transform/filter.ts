import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, whenEvaluated } from '../shared/expression.js';
import { requireTable, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Filter rows';

/** Keeps the rows for which the expression is true; the others go to `rejected`. */
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
    const table = requireTable(inputs, 'rows', TITLE);
    const test = compileExpression(String(context.config.expression ?? ''), { node: TITLE, field: 'expression' });
    const kept: Row[] = [];
    const rejected: Row[] = [];
    await eachIndex(table.length, context, reportProgress, (i) =>
      whenEvaluated(test.evaluate(table[i], { index: i }, `row ${i}`), (pass) => void (isTruthy(pass) ? kept : rejected).push(table[i])),
    );
    return { rows: kept, rejected };
  },
});
