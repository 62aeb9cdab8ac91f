import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, type Expression } from '../shared/expression.js';
import { requireTable, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Switch';
const CASES = ['case1', 'case2', 'case3'] as const;

/** Routes each row to the output of the first case it matches (or every case, in `all` mode). */
export default defineNode({
  type: 'transform/switch',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Routes rows to up to three outputs by rule; the rest go to "otherwise".',
  keywords: ['route', 'branch', 'case', 'if', 'split', 'condition'],
  icon: 'split',
  inputs: { rows: { type: 'table' } },
  outputs: { case1: { type: 'table' }, case2: { type: 'table' }, case3: { type: 'table' }, otherwise: { type: 'table' } },
  config: {
    case1: { type: 'code', default: 'amount >= 1000', label: 'Case 1' },
    case2: { type: 'code', default: 'amount >= 100', label: 'Case 2' },
    case3: { type: 'code', default: '', label: 'Case 3 (blank: unused)' },
    mode: { type: 'enum', options: ['first', 'all'], default: 'first', label: 'A row goes to' },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const cases = CASES.map((name) => {
      const text = String(context.config[name] ?? '').trim();
      return text ? compileExpression(text, { node: TITLE, field: name }) : undefined;
    });
    const out: Record<string, Row[]> = { case1: [], case2: [], case3: [], otherwise: [] };
    await eachIndex(table.length, context, reportProgress, async (i) => {
      let matched = false;
      for (let c = 0; c < CASES.length && !(matched && context.config.mode !== 'all'); c++)
        if (await matches(cases[c], table[i], i)) (matched = true), out[CASES[c]].push(table[i]);
      if (!matched) out.otherwise.push(table[i]);
    });
    return out;
  },
});

async function matches(test: Expression | undefined, row: Row, index: number): Promise<boolean> {
  return test !== undefined && isTruthy(await test.evaluate(row, { index }, `row ${index}`));
}
