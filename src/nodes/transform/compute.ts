import { defineNode } from '../../core/define-node.js';
import { checkResult, compileExpression, rowStep } from '../shared/expression.js';
import { columnFrom, NULL, rowCursor, withColumn } from '../../core/table/index.js';
import { configError, requireColumnTable } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Compute column';

/** Adds (or replaces) a column whose value is an expression over each row. */
/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

export default defineNode({
  type: 'transform/compute',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Adds a column computed from each row, e.g. total = price * quantity.',
  keywords: ['calculate', 'formula', 'derive', 'add column', 'map'],
  icon: 'calculator',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: {
    column: { type: 'string', default: 'total', label: 'Column' },
    expression: { type: 'code', default: 'price * quantity', label: 'Value' },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireColumnTable(inputs, 'rows', TITLE);
    const column = String(context.config.column ?? '').trim();
    if (!column) throw configError(TITLE, 'column', 'needs a name');
    const where = { node: TITLE, field: 'expression' };
    const value = compileExpression(String(context.config.expression ?? ''), where);
    const cursor = rowCursor(table);
    const values = new Array<unknown>(table.length);
    const states = new Uint8Array(table.length);
    await eachIndex(table.length, context, reportProgress, rowStep(value, cursor, (i, evaluated) => {
      const result = checkResult(evaluated, value, where, i);
      if (result === undefined || result === null) states[i] = NULL;
      else values[i] = result;
    }));
    return { rows: withColumn(table, column, columnFrom(values, states.includes(NULL) ? states : undefined)) };
  },
});
