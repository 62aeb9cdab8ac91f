import { defineNode } from '../../core/define-node.js';
import { take, takeOrNull, withColumn } from '../../core/table/index.js';
import { KeySpace, keyIds } from '../shared/column-keys.js';
import { columnsOf, configError, parseList, requireColumnTable, requireColumns } from '../shared/inputs.js';
import { throwIfAborted } from '../shared/loop.js';

const TITLE = 'Join';

/** Takes columnar tables as they are (see `READS_COLUMNS`). */
export const readsColumns = true;

/**
 * Joins two tables on one or more key columns with a hash join: the right table is indexed
 * once, then each left row looks up its matches, so the cost is linear in both sizes.
 * A key with an empty value never matches (as in SQL). Right columns whose names clash with
 * left ones get a `_right` suffix. Works on columns: keys become integer ids (`keyIds`), the
 * output is the left table and the right columns taken by the matched row numbers.
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
    const left = requireColumnTable(inputs, 'left', TITLE);
    const right = requireColumnTable(inputs, 'right', TITLE);
    const leftKeys = parseList(context.config.leftKeys);
    const rightKeys = parseList(context.config.rightKeys).length ? parseList(context.config.rightKeys) : leftKeys;
    if (!leftKeys.length || leftKeys.length !== rightKeys.length) throw configError(TITLE, 'rightKeys', `must name as many columns as leftKeys (${leftKeys.length})`);
    requireColumns(left, leftKeys, TITLE, 'leftKeys');
    requireColumns(right, rightKeys, TITLE, 'rightKeys');
    const space = new KeySpace(leftKeys.length);
    const rightIds = await keyIds(right, rightKeys, space, 'none', context, (f) => reportProgress(f * 0.3, 'indexing right'));
    const matches = matchesOf(rightIds);
    const leftIds = await keyIds(left, leftKeys, space, 'none', context, (f) => reportProgress(0.3 + f * 0.5, 'joining'));
    const pairs = pairsOf(leftIds, matches, context.config.kind === 'left');
    throwIfAborted(context.signal);
    const rename = renamer(columnsOf(left), columnsOf(right), new Set(rightKeys));
    let rows = take(left, pairs.left);
    for (const [column, name] of rename) rows = withColumn(rows, name, takeOrNull(right, column, pairs.right));
    reportProgress(1);
    return { rows };
  },
});

/** Per key id, the right rows that have it, as a linked list (first row, next row): no array per key. */
function matchesOf(ids: Int32Array): { first: Int32Array; next: Int32Array } {
  let keys = 0;
  for (const id of ids) keys = Math.max(keys, id + 1);
  const first = new Int32Array(keys).fill(-1);
  const next = new Int32Array(ids.length).fill(-1);
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] >= 0) (next[i] = first[ids[i]]), (first[ids[i]] = i);
  return { first, next };
}

/** The output's rows as (left row, right row or -1) pairs, in left order, matches in right order. */
function pairsOf(leftIds: Int32Array, { first, next }: ReturnType<typeof matchesOf>, keepUnmatched: boolean): { left: Int32Array; right: Int32Array } {
  let left = new Int32Array(leftIds.length);
  let right = new Int32Array(leftIds.length);
  let n = 0;
  const push = (l: number, r: number) => {
    if (n === left.length) [left, right] = [grow(left), grow(right)];
    (left[n] = l), (right[n++] = r);
  };
  for (let i = 0; i < leftIds.length; i++) {
    const id = leftIds[i];
    let match = id >= 0 && id < first.length ? first[id] : -1;
    if (match < 0 && keepUnmatched) push(i, -1);
    for (; match >= 0; match = next[match]) push(i, match);
  }
  return { left: left.subarray(0, n), right: right.subarray(0, n) };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(16, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Right column → output name: key columns are dropped (the left ones stay), clashes get _right. */
function renamer(leftColumns: string[], rightColumns: string[], rightKeys: Set<string>): Map<string, string> {
  const taken = new Set(leftColumns);
  return new Map(rightColumns.filter((c) => !rightKeys.has(c)).map((c) => [c, taken.has(c) ? `${c}_right` : c]));
}
