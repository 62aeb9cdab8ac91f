import { defineNode } from '../../core/define-node.js';
import { parseTableText, type TextFormat } from '../shared/csv.js';

/** A table typed or pasted as CSV, TSV or JSON, with a header row and column type detection. */
export default defineNode({
  type: 'create/table-from-text',
  version: 1,
  category: 'create',
  title: 'Table from text',
  description: 'Paste or type CSV, TSV or JSON; the first line names the columns and numbers are detected.',
  keywords: ['csv', 'tsv', 'json', 'paste', 'table', 'data', 'spreadsheet'],
  icon: 'clipboard-paste',
  inputs: {},
  outputs: { rows: { type: 'table' } },
  config: {
    text: { type: 'text', default: 'region,amount\nEU,120\nUS,80', label: 'Data' },
    format: { type: 'enum', options: ['auto', 'csv', 'tsv', 'semicolon', 'json'], default: 'auto', label: 'Format' },
    header: { type: 'boolean', default: true, label: 'First line is a header' },
    detectTypes: { type: 'boolean', default: true, label: 'Detect numbers and booleans' },
  },
  performance: { priority: 'high', cacheStrategy: 'aggressive' },
  processLogic(_inputs, { config }) {
    const rows = parseTableText(String(config.text ?? ''), {
      format: config.format as TextFormat,
      header: config.header !== false,
      detectTypes: config.detectTypes !== false,
      node: 'Table from text',
    });
    return { rows };
  },
});
