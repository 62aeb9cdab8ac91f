import { defineNode } from '../../core/define-node.js';
import { ErrorCodes, V2uError, quote } from '../../core/errors.js';
import { checkResult, compileExpression } from '../shared/expression.js';

const TITLE = 'Math formula';

/** A formula over up to three input values a, b and c (also as $a, $b, $c), e.g. $round(a * (1 + b), 2). */
export default defineNode({
  type: 'transform/formula',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Computes a value from inputs a, b and c, e.g. a * (1 + b) or $round(a / b, 2).',
  keywords: ['math', 'calculate', 'formula', 'expression', 'arithmetic'],
  icon: 'sigma',
  inputs: { a: { type: 'any' }, b: { type: 'any' }, c: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: { expression: { type: 'code', default: 'a + b', label: 'Formula' } },
  performance: { priority: 'high', cacheStrategy: 'aggressive' },
  async processLogic(inputs, { config }) {
    const where = { node: TITLE, field: 'expression' };
    const formula = compileExpression(String(config.expression ?? ''), where);
    const scope = { a: inputs.a, b: inputs.b, c: inputs.c };
    const value = checkResult(await formula.evaluate(scope, scope), formula, where);
    if (value === undefined) {
      const unconnected = (['a', 'b', 'c'] as const).filter((name) => scope[name] === undefined);
      throw new V2uError(ErrorCodes.badExpression, `${TITLE}: ${quote(formula.text)} gave no value${unconnected.length ? ` (inputs not connected: ${unconnected.join(', ')})` : ''}`, '$.config.expression');
    }
    return { value };
  },
});
