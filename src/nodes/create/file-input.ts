import { defineNode } from '../../core/define-node.js';
import { parseTableText, type TextFormat } from '../shared/csv.js';

/**
 * A CSV or JSON file. The node's element reads the chosen file and stores its text in
 * `config.content` (and its name in `config.fileName`), so the logic stays pure.
 */
export default defineNode({
  type: 'create/file-input',
  version: 1,
  category: 'create',
  title: 'File input',
  description: 'Reads a CSV or JSON file chosen by the person.',
  keywords: ['file', 'upload', 'csv', 'json', 'import'],
  icon: 'file-up',
  inputs: {},
  outputs: { rows: { type: 'table' } },
  config: {
    fileName: { type: 'string', default: '', label: 'File name' },
    content: { type: 'text', default: '', label: 'File content' },
    format: { type: 'enum', options: ['auto', 'csv', 'tsv', 'json'], default: 'auto', label: 'Format' },
  },
  performance: { priority: 'high', cacheStrategy: 'aggressive' },
  processLogic(_inputs, { config }) {
    const name = String(config.fileName ?? '');
    const byName = /\.json$/i.test(name) ? 'json' : /\.tsv$/i.test(name) ? 'tsv' : /\.csv$/i.test(name) ? 'csv' : 'auto';
    const format = (config.format === 'auto' ? byName : config.format) as TextFormat;
    const rows = parseTableText(String(config.content ?? ''), { format, header: true, detectTypes: true, node: `File input${name ? ` (${name})` : ''}` });
    return { rows };
  },
});
