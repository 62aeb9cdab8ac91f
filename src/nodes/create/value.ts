import { defineNode } from '../../core/define-node.js';
import { ErrorCodes, V2uError, quote } from '../../core/errors.js';

const TITLE = 'Value';

/** A constant: a number, text, yes/no, a date (as ISO text) or any JSON value. */
export default defineNode({
  type: 'create/value',
  version: 1,
  category: 'create',
  title: TITLE,
  description: 'A constant number, text, boolean, date or JSON value.',
  keywords: ['constant', 'number', 'string', 'boolean', 'date', 'json', 'input'],
  icon: 'variable',
  inputs: {},
  outputs: { value: { type: 'any' } },
  config: {
    kind: { type: 'enum', options: ['number', 'string', 'boolean', 'date', 'json'], default: 'number', label: 'Kind' },
    value: { type: 'text', default: '0', label: 'Value' },
  },
  performance: { priority: 'high', cacheStrategy: 'aggressive' },
  processLogic(_inputs, { config }) {
    return { value: parseValue(String(config.kind), String(config.value ?? '')) };
  },
});

function parseValue(kind: string, text: string): unknown {
  switch (kind) {
    case 'string':
      return text;
    case 'number': {
      const value = Number(text.trim());
      if (text.trim() === '' || Number.isNaN(value)) throw bad(`${quote(text)} is not a number`);
      return value;
    }
    case 'boolean':
      if (!/^(true|false)$/i.test(text.trim())) throw bad(`${quote(text)} is not true or false`);
      return text.trim().toLowerCase() === 'true';
    case 'date': {
      const date = new Date(text.trim());
      if (Number.isNaN(date.getTime())) throw bad(`${quote(text)} is not a date (try 2024-05-31 or 2024-05-31T12:00:00Z)`);
      return date.toISOString();
    }
    default:
      try {
        return JSON.parse(text);
      } catch (error) {
        throw bad(`is not valid JSON: ${(error as Error).message}`);
      }
  }
}

function bad(problem: string): V2uError {
  return new V2uError(ErrorCodes.badConfig, `${TITLE}: value ${problem}`, '$.config.value');
}
