import { defineNode } from '../../core/define-node.js';
import { compileExpression, isTruthy, type Expression } from '../shared/expression.js';
import { cell, configError, isPlainObject, requireTable, withColumns, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Decision table';

interface Rule {
  when: Expression;
  then: Row;
}

/**
 * A DMN-style decision table. Each rule has a condition and output values. Hit policy
 * `first`: the first matching rule's outputs are added to the row. `collect`: every output
 * column becomes the list of values from all matching rules. No match: the `otherwise` values.
 */
export default defineNode({
  type: 'transform/decision-table',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Adds outputs to each row from the first (or every) rule whose condition matches, as in DMN.',
  keywords: ['dmn', 'rules', 'decision', 'business rules', 'lookup', 'policy'],
  icon: 'grid-3x3',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: {
    hitPolicy: { type: 'enum', options: ['first', 'collect'], default: 'first', label: 'Hit policy' },
    rules: {
      type: 'json',
      label: 'Rules',
      description: 'A list of { "when": expression, "then": { column: value } }.',
      default: [
        { when: 'amount >= 1000', then: { tier: 'gold', discount: 0.1 } },
        { when: 'amount >= 100', then: { tier: 'silver', discount: 0.05 } },
      ],
    },
    otherwise: { type: 'json', default: { tier: 'bronze', discount: 0 }, label: 'When no rule matches' },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const rules = parseRules(context.config.rules);
    const otherwise = isPlainObject(context.config.otherwise) ? context.config.otherwise : {};
    const outputs = [...new Set([...rules.flatMap((r) => Object.keys(r.then)), ...Object.keys(otherwise)])];
    const collect = context.config.hitPolicy === 'collect';
    const rows: Row[] = new Array(table.length);
    await eachIndex(table.length, context, reportProgress, async (i) => {
      const hits: Row[] = [];
      for (const rule of rules) {
        if (!isTruthy(await rule.when.evaluate(table[i], { index: i }, `row ${i}`))) continue;
        hits.push(rule.then);
        if (!collect) break;
      }
      rows[i] = withColumns(table[i], decide(hits, outputs, otherwise, collect));
    });
    return { rows };
  },
});

function decide(hits: Row[], outputs: string[], otherwise: Row, collect: boolean): Row {
  if (!hits.length) return Object.fromEntries(outputs.map((o) => [o, cell(otherwise, o) ?? (collect ? [] : null)]));
  if (!collect) return Object.fromEntries(outputs.map((o) => [o, cell(hits[0], o) ?? null]));
  return Object.fromEntries(outputs.map((o) => [o, hits.filter((h) => Object.hasOwn(h, o)).map((h) => h[o])]));
}

function parseRules(value: unknown): Rule[] {
  if (!Array.isArray(value) || !value.length) throw configError(TITLE, 'rules', 'must be a non-empty list of { "when": ..., "then": {...} }');
  return value.map((rule, n) => {
    if (!isPlainObject(rule) || typeof rule.when !== 'string' || !isPlainObject(rule.then))
      throw configError(TITLE, `rules[${n}]`, 'must be { "when": "expression", "then": { column: value } }');
    return { when: compileExpression(rule.when, { node: TITLE, field: `rules[${n}].when` }), then: rule.then };
  });
}
