import { defineNode } from '../../core/define-node.js';
import { cell, configError, parseList, requireColumns, requireTable } from '../shared/inputs.js';

const TITLE = 'Select columns';

/** Keeps, orders and renames columns: "id, name as customer, total". */
export default defineNode({
  type: 'transform/select',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Keeps and renames columns, e.g. "id, name as customer, total".',
  keywords: ['columns', 'rename', 'pick', 'project', 'drop', 'reorder'],
  icon: 'columns-3',
  inputs: { rows: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: { columns: { type: 'string', default: 'id, name', label: 'Columns (name or name as new)' } },
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs, { config }) {
    const table = requireTable(inputs, 'rows', TITLE);
    const picks = parseList(config.columns).map((part) => {
      const match = /^(.*?)\s+as\s+(.+)$/i.exec(part);
      return match ? { from: match[1].trim(), to: match[2].trim() } : { from: part, to: part };
    });
    if (!picks.length) throw configError(TITLE, 'columns', 'needs at least one column');
    requireColumns(table, picks.map((p) => p.from), TITLE, 'columns');
    return { rows: table.map((row) => Object.fromEntries(picks.map((p) => [p.to, cell(row, p.from) ?? null]))) };
  },
});
