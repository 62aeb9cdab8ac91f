import { defineNode } from '../../core/define-node.js';
import { keyOf } from '../shared/compare.js';
import { cell, columnsOf, configError, parseList, requireColumns, requireTable, setCell, withColumns, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Join';

/**
 * Joins two tables on one or more key columns with a hash join: the right table is indexed
 * once, then each left row looks up its matches, so the cost is linear in both sizes.
 * A key with an empty value never matches (as in SQL). Right columns whose names clash with
 * left ones get a `_right` suffix.
 */
export default defineNode({
  type: 'transform/join',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Combines rows of two tables that share key values (inner or left join).',
  keywords: ['join', 'merge', 'lookup', 'vlookup', 'combine', 'relate'],
  icon: 'link',
  inputs: { left: { type: 'table' }, right: { type: 'table' } },
  outputs: { rows: { type: 'table' } },
  config: {
    kind: { type: 'enum', options: ['inner', 'left'], default: 'inner', label: 'Join' },
    leftKeys: { type: 'string', default: 'customerId', label: 'Left key columns' },
    rightKeys: { type: 'string', default: '', label: 'Right key columns (blank: same names)' },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const left = requireTable(inputs, 'left', TITLE);
    const right = requireTable(inputs, 'right', TITLE);
    const leftKeys = parseList(context.config.leftKeys);
    const rightKeys = parseList(context.config.rightKeys).length ? parseList(context.config.rightKeys) : leftKeys;
    if (!leftKeys.length || leftKeys.length !== rightKeys.length) throw configError(TITLE, 'rightKeys', `must name as many columns as leftKeys (${leftKeys.length})`);
    requireColumns(left, leftKeys, TITLE, 'leftKeys');
    requireColumns(right, rightKeys, TITLE, 'rightKeys');
    const index = new Map<string, Row[]>();
    await eachIndex(right.length, context, (f) => reportProgress(f * 0.4, 'indexing right'), (i) => {
      const key = joinKey(right[i], rightKeys);
      if (key !== undefined) index.get(key)?.push(right[i]) ?? index.set(key, [right[i]]);
    });
    const rename = renamer(columnsOf(left), columnsOf(right), new Set(rightKeys));
    const empty = Object.fromEntries([...rename.values()].map((name) => [name, null]));
    const rows: Row[] = [];
    await eachIndex(left.length, context, (f) => reportProgress(0.4 + f * 0.6, 'joining'), (i) => {
      const key = joinKey(left[i], leftKeys);
      const matches = key === undefined ? undefined : index.get(key);
      if (matches) for (const match of matches) rows.push(combine(left[i], match, rename));
      else if (context.config.kind === 'left') rows.push(withColumns(left[i], empty));
    });
    return { rows };
  },
});

function joinKey(row: Row, keys: readonly string[]): string | undefined {
  const values = keys.map((k) => cell(row, k));
  return values.some((v) => v === null || v === undefined || v === '') ? undefined : keyOf(values);
}

/** Right column → output name: key columns are dropped (the left ones stay), clashes get _right. */
function renamer(leftColumns: string[], rightColumns: string[], rightKeys: Set<string>): Map<string, string> {
  const taken = new Set(leftColumns);
  return new Map(rightColumns.filter((c) => !rightKeys.has(c)).map((c) => [c, taken.has(c) ? `${c}_right` : c]));
}

function combine(left: Row, right: Row, rename: Map<string, string>): Row {
  const extra: Row = {};
  for (const [column, name] of rename) setCell(extra, name, cell(right, column) ?? null);
  return withColumns(left, extra);
}
