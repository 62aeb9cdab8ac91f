// What `v2u-editor run` prints stays small whatever the data, and stays JSON.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonText } from '../../bin/lib/json-text.mjs';
import { PREVIEW, previewPorts } from '../../bin/lib/report.mjs';

const wideRow = (i) => Object.fromEntries(Array.from({ length: 30 }, (_, c) => [`col${c}`, c === 0 ? 'x'.repeat(10_000) : i * c]));

test('a table preview has the real row count, the first rows, and bounded columns and cells', () => {
  const { rows } = previewPorts({ rows: Array.from({ length: 5000 }, (_, i) => wideRow(i)) });
  assert.equal(rows.rows, 5000, 'row count');
  assert.equal(rows.head.length, PREVIEW.rows, 'first rows only');
  assert.equal(rows.columns.length, PREVIEW.columns + 1, 'columns cut, with a note of how many more');
  assert.equal(rows.columns.at(-1), `… ${30 - PREVIEW.columns} more`);
  assert.equal(rows.head[0].col0.length, PREVIEW.text, 'a long cell is cut');
  assert.equal(rows.head[1].col2, 2, 'numbers stay numbers');
  assert.ok(JSON.stringify(rows).length < 3000, 'a few kilobytes at most');
});

test('a kept output (OutputRef) previews from its head with its real length; other values are cut', () => {
  const preview = previewPorts({
    kept: { $v2uRef: 'r1', length: 1_000_000, head: [{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }] },
    list: [1, 2, 3, 4, 5],
    text: 'y'.repeat(500),
    small: { kind: 'bar' },
    empty: [],
  });
  assert.deepEqual(preview.kept, { rows: 1_000_000, columns: ['a'], head: [{ a: 1 }, { a: 2 }, { a: 3 }] });
  assert.deepEqual(preview.list, { items: 5, head: [1, 2, 3] });
  assert.equal(preview.text.length, PREVIEW.text);
  assert.deepEqual(preview.small, { kind: 'bar' }, 'short objects stay as they are');
  assert.deepEqual(preview.empty, { items: 0, head: [] });
});

test('jsonText is JSON with one line per flat row, or one line when compact', () => {
  const rows = Array.from({ length: 4 }, (_, x) => ({ x, y: 'a longer text value' }));
  const value = { status: 'done', nodes: { a: { rows, note: null } } };
  const text = jsonText(value);
  assert.deepEqual(JSON.parse(text), value);
  assert.ok(text.split('\n').map((line) => line.trim()).includes('{"x":1,"y":"a longer text value"},'), `rows on their own lines:\n${text}`);
  assert.equal(jsonText(value, { compact: true }), JSON.stringify(value));
  assert.equal(jsonText(null), 'null');
});
