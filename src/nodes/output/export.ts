import { defineNode } from '../../core/define-node.js';
import { toCsv } from '../shared/csv.js';
import { configError, requireInput, requireTable } from '../shared/inputs.js';

const TITLE = 'Export';

/** A file ready to download: the element turns it into a Blob and a download link. */
export interface ExportFile {
  text: string;
  mime: string;
  fileName: string;
}

/** Writes the input as CSV or JSON text with a file name and MIME type. */
export default defineNode({
  type: 'output/export',
  version: 1,
  category: 'output',
  title: TITLE,
  description: 'Offers the data as a CSV or JSON file to download.',
  keywords: ['download', 'save', 'csv', 'json', 'file', 'export'],
  icon: 'download',
  inputs: { data: { type: 'any' } },
  outputs: { file: { type: 'object' } },
  config: {
    format: { type: 'enum', options: ['csv', 'json'], default: 'csv', label: 'Format' },
    fileName: { type: 'string', default: 'export', label: 'File name' },
    escapeFormulas: { type: 'boolean', default: true, label: 'Guard against spreadsheet formulas (CSV)', description: "Text starting with = + - @ gets a leading ' so Excel does not run it." },
  },
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs, { config }) {
    const base = String(config.fileName ?? '').trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_') || 'export';
    if (config.format === 'json') {
      const file: ExportFile = { text: JSON.stringify(requireInput(inputs, 'data', TITLE), null, 2), mime: 'application/json', fileName: withExtension(base, 'json') };
      return { file };
    }
    if (config.format !== 'csv') throw configError(TITLE, 'format', 'must be csv or json');
    const file: ExportFile = { text: toCsv(requireTable(inputs, 'data', TITLE), { escapeFormulas: config.escapeFormulas !== false }), mime: 'text/csv;charset=utf-8', fileName: withExtension(base, 'csv') };
    return { file };
  },
});

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}
