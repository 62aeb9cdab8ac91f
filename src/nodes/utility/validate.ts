import { defineNode } from '../../core/define-node.js';
import { cell, configError, isPlainObject, requireTable, withColumns, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Validate';

interface ColumnRule {
  required?: boolean;
  type?: 'number' | 'string' | 'boolean';
  min?: number;
  max?: number;
  pattern?: string;
  oneOf?: unknown[];
}

type Check = (value: unknown) => string | undefined;

/**
 * Checks rows against simple per-column rules and splits them into `valid` and `invalid`;
 * each invalid row gets an `errors` list saying which rule failed.
 */
export default defineNode({
  type: 'utility/validate',
  version: 1,
  category: 'utility',
  title: TITLE,
  description: 'Splits rows into valid and invalid by rules: required, type, min, max, pattern, oneOf.',
  keywords: ['validate', 'check', 'quality', 'rules', 'schema', 'clean'],
  icon: 'shield-check',
  inputs: { rows: { type: 'table' } },
  outputs: { valid: { type: 'table' }, invalid: { type: 'table' } },
  config: {
    rules: {
      type: 'json',
      label: 'Rules per column',
      description: '{ "column": { "required": true, "type": "number", "min": 0, "max": 10, "pattern": "^A", "oneOf": [...] } }',
      default: { email: { required: true, type: 'string', pattern: '^[^@\\s]+@[^@\\s]+$' }, amount: { type: 'number', min: 0 } },
    },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const table = requireTable(inputs, 'rows', TITLE);
    const checks = compileRules(context.config.rules);
    const valid: Row[] = [];
    const invalid: Row[] = [];
    await eachIndex(table.length, context, reportProgress, (i) => {
      const errors = checks.flatMap(([column, check]) => {
        const problem = check(cell(table[i], column));
        return problem ? [`${column} ${problem}`] : [];
      });
      if (errors.length) invalid.push(withColumns(table[i], { errors }));
      else valid.push(table[i]);
    });
    return { valid, invalid };
  },
});

function compileRules(value: unknown): [string, Check][] {
  if (!isPlainObject(value)) throw configError(TITLE, 'rules', 'must be an object of column → rule');
  return Object.entries(value).flatMap(([column, rule]) => {
    if (!isPlainObject(rule)) throw configError(TITLE, `rules.${column}`, 'must be an object such as { "required": true }');
    return ruleChecks(rule as ColumnRule, column).map((check) => [column, check] as [string, Check]);
  });
}

const missing = (v: unknown) => v === null || v === undefined || v === '';

function ruleChecks(rule: ColumnRule, column: string): Check[] {
  const checks: Check[] = [];
  if (rule.required) checks.push((v) => (missing(v) ? 'is required' : undefined));
  if (rule.type) checks.push((v) => (!missing(v) && typeof v !== rule.type ? `must be a ${rule.type}` : undefined));
  if (typeof rule.min === 'number') checks.push((v) => (typeof v === 'number' && v < rule.min! ? `must be at least ${rule.min}` : undefined));
  if (typeof rule.max === 'number') checks.push((v) => (typeof v === 'number' && v > rule.max! ? `must be at most ${rule.max}` : undefined));
  if (Array.isArray(rule.oneOf)) checks.push((v) => (!missing(v) && !rule.oneOf!.includes(v) ? `must be one of ${rule.oneOf!.join(', ')}` : undefined));
  if (rule.pattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(String(rule.pattern), 'u');
    } catch (error) {
      throw configError(TITLE, `rules.${column}.pattern`, `is not a valid pattern: ${(error as Error).message}`);
    }
    checks.push((v) => (!missing(v) && !pattern.test(String(v)) ? `does not match ${rule.pattern}` : undefined));
  }
  return checks;
}
