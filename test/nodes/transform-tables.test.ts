import { expect } from '@open-wc/testing';
import { columnOf, fromRows, isColumnTable, rowsOf, type ColumnTable } from '../../src/core/table/index.js';
import group from '../../src/nodes/transform/group.js';
import join from '../../src/nodes/transform/join.js';
import pivot from '../../src/nodes/transform/pivot.js';
import { failure, numbered, run, runColumns } from './run-node.js';

const sales = [
  { region: 'EU', cat: 'A', amount: 10, customer: 'x' },
  { region: 'EU', cat: 'B', amount: 5, customer: 'y' },
  { region: 'US', cat: 'A', amount: null, customer: 'x' },
  { region: 'EU', cat: 'A', amount: '2.5', customer: 'x' },
  { region: null, cat: 'A', amount: 1, customer: null },
];

describe('transform/group', () => {
  it('computes every aggregate per group, skipping empty values', async () => {
    const aggregations = ['n = count()', 'filled = count(amount)', 'total = sum(amount)', 'mean = avg(amount)', 'low = min(amount)', 'high = max(cat)', 'buyers = distinct(customer)', 'f = first(cat)', 'l = last(cat)'].join('\n');
    const { rows } = (await run(group, { rows: sales }, { groupBy: 'region', aggregations })).outputs;
    expect(rows).to.deep.equal([
      { region: 'EU', n: 3, filled: 3, total: 17.5, mean: 17.5 / 3, low: 2.5, high: 'B', buyers: 2, f: 'A', l: 'A' },
      { region: 'US', n: 1, filled: 0, total: 0, mean: null, low: null, high: 'A', buyers: 1, f: 'A', l: 'A' },
      { region: null, n: 1, filled: 1, total: 1, mean: 1, low: 1, high: 'A', buyers: 0, f: 'A', l: 'A' },
    ]);
  });

  it('groups by several keys, or everything into one row', async () => {
    const two = (await run(group, { rows: sales }, { groupBy: 'region, cat', aggregations: 'n = count()' })).outputs.rows;
    expect(two).to.have.length(4);
    expect((await run(group, { rows: sales }, { groupBy: '', aggregations: 'n = count()' })).outputs.rows).to.deep.equal([{ n: 5 }]);
    expect((await run(group, { rows: [] }, { groupBy: 'x', aggregations: 'n = count()' })).outputs.rows).to.deep.equal([]);
  });

  it('sums huge numbers without losing the group and reports progress', async () => {
    const rows = numbered(110_000).map((r) => ({ ...r, big: 1e300 }));
    const { outputs, progress } = await run(group, { rows }, { groupBy: 'name', aggregations: 's = sum(big)\nn = count()' });
    expect(outputs.rows).to.have.length(7);
    expect((outputs.rows as { n: number }[]).reduce((s, r) => s + r.n, 0)).to.equal(110_000);
    expect(progress.at(-1), 'progress ends at 1 (reports come on a time budget)').to.equal(1);
  });

  it('returns a columnar table: keys taken from the input, aggregates in typed columns where they can be', async () => {
    const day = new Date(Date.UTC(2024, 0, 2));
    const rows = [
      { region: 'EU', when: day, ok: true, amount: 10, tag: 'x' },
      { region: 'EU', when: day, ok: false, amount: 5 },
      { region: 'US', amount: null, tag: 1 },
      { region: null, when: new Date(0), ok: true, amount: 1, tag: 'y' },
    ];
    const aggregations = 'n = count()\ntotal = sum(amount)\nmean = avg(amount)\nseen = first(when)\nanyOk = last(ok)\ntags = last(tag)';
    for (const input of [rows, fromRows(rows)]) {
      const table = (await runColumns(group, { rows: input }, { groupBy: 'region', aggregations })).outputs.rows as ColumnTable;
      expect(isColumnTable(table), 'no rows are made in the worker').to.equal(true);
      expect(table.names).to.deep.equal(['region', 'n', 'total', 'mean', 'seen', 'anyOk', 'tags']);
      expect(table.columns.map((c) => c.kind)).to.deep.equal(['string', 'number', 'number', 'number', 'date', 'boolean', 'mixed']);
      expect(['n', 'total', 'mean'].every((name) => (columnOf(table, name) as { values: unknown }).values instanceof Float64Array)).to.equal(true);
      expect(rowsOf(table)).to.deep.equal([
        { region: 'EU', n: 2, total: 15, mean: 7.5, seen: day, anyOk: false, tags: null },
        { region: 'US', n: 1, total: 0, mean: null, seen: null, anyOk: null, tags: 1 },
        { region: null, n: 1, total: 1, mean: 1, seen: new Date(0), anyOk: true, tags: 'y' },
      ]);
    }
  });

  it('explains bad aggregation lines', async () => {
    expect((await failure(group, { rows: sales }, { aggregations: 'total = median(amount)' })).message).to.contain('"median", which is none of count, sum');
    expect((await failure(group, { rows: sales }, { aggregations: 'oops' })).message).to.contain('line 1 "oops" should look like name = sum(column)');
    expect((await failure(group, { rows: sales }, { aggregations: 's = sum()' })).message).to.contain('sum() needs a column');
    const missing = await failure(group, { rows: sales }, { groupBy: 'country', aggregations: 'n = count()' });
    expect([missing.code, missing.message]).to.deep.equal(['missing-column', '$.config.groupBy: Group and aggregate: groupBy names column "country" not in the table (columns: region, cat, amount, customer)']);
  });
});

describe('transform/join', () => {
  const orders = [{ id: 1, cust: 'c1', total: 5 }, { id: 2, cust: 'c2', total: 7 }, { id: 3, cust: null, total: 1 }, { id: 4, cust: 'c1', total: 2 }];
  const customers = [{ cust: 'c1', name: 'Ånström', total: 99 }, { cust: 'c3', name: 'Nobody', total: 0 }, { cust: 'c1', name: 'Twin', total: 1 }];

  it('inner-joins every match and renames clashing columns', async () => {
    const { rows } = (await run(join, { left: orders, right: customers }, { leftKeys: 'cust' })).outputs;
    expect(rows).to.deep.equal([
      { id: 1, cust: 'c1', total: 5, name: 'Ånström', total_right: 99 },
      { id: 1, cust: 'c1', total: 5, name: 'Twin', total_right: 1 },
      { id: 4, cust: 'c1', total: 2, name: 'Ånström', total_right: 99 },
      { id: 4, cust: 'c1', total: 2, name: 'Twin', total_right: 1 },
    ]);
  });

  it('left-joins with empty right columns; empty keys never match', async () => {
    const { rows } = (await run(join, { left: orders, right: customers }, { leftKeys: 'cust', kind: 'left' })).outputs as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => [r.id, r.name ?? null])).to.deep.equal([[1, 'Ånström'], [1, 'Twin'], [2, null], [3, null], [4, 'Ånström'], [4, 'Twin']]);
  });

  it('joins on two keys with different names, telling 1 from "1"', async () => {
    const left = [{ a: 1, b: 'x' }, { a: '1', b: 'x' }];
    const right = [{ k1: 1, k2: 'x', v: 'hit' }];
    const { rows } = (await run(join, { left, right }, { leftKeys: 'a, b', rightKeys: 'k1, k2' })).outputs;
    expect(rows).to.deep.equal([{ a: 1, b: 'x', v: 'hit' }]);
  });

  it('is linear: 100k × 100k rows join quickly, with progress', async () => {
    const left = numbered(100_000);
    const right = numbered(100_000).map((r) => ({ id: r.id, tag: `t${r.id}` }));
    const { outputs, progress } = await run(join, { left, right }, { leftKeys: 'id' });
    expect(outputs.rows).to.have.length(100_000);
    expect(progress.some((p) => p > 0.4 && p < 1)).to.equal(true);
  });

  it('names unconnected inputs and key mismatches', async () => {
    expect((await failure(join, { left: orders }, { leftKeys: 'cust' })).message).to.contain('Join: input "right" is not connected');
    expect((await failure(join, { left: orders, right: customers }, { leftKeys: 'cust, id', rightKeys: 'cust' })).message).to.contain('must name as many columns as leftKeys (2)');
    expect((await failure(join, { left: orders, right: customers }, { leftKeys: 'customer' })).code).to.equal('missing-column');
  });
});

describe('transform/pivot', () => {
  it('spreads a column into columns with an aggregate', async () => {
    const { rows } = (await run(pivot, { rows: sales }, { rowKeys: 'region', pivotColumn: 'cat', valueColumn: 'amount', aggregate: 'sum' })).outputs;
    expect(rows).to.deep.equal([
      { region: 'EU', A: 12.5, B: 5 },
      { region: 'US', A: 0, B: null },
      { region: null, A: 1, B: null },
    ]);
  });

  it('counts without a value column and names empty pivot values', async () => {
    const rows = [{ r: 1, c: null }, { r: 1, c: 'ü' }, { r: 1, c: 'ü' }];
    const { outputs } = await run(pivot, { rows }, { rowKeys: 'r', pivotColumn: 'c', valueColumn: '', aggregate: 'count' });
    expect(outputs.rows).to.deep.equal([{ r: 1, '(empty)': 1, ü: 2 }]);
    expect((await failure(pivot, { rows }, { rowKeys: 'r', pivotColumn: 'nope' })).code).to.equal('missing-column');
    const clash = (await run(pivot, { rows: [{ r: 1, c: 'r' }] }, { rowKeys: 'r', pivotColumn: 'c', valueColumn: '', aggregate: 'count' })).outputs.rows;
    expect(clash, 'a pivot value named like a row key keeps both').to.deep.equal([{ r: 1, 'c: r': 1 }]);
  });

  it('returns a columnar table', async () => {
    const table = (await runColumns(pivot, { rows: sales }, { rowKeys: 'region', pivotColumn: 'cat', valueColumn: 'amount', aggregate: 'sum' })).outputs.rows as ColumnTable;
    expect(isColumnTable(table), 'no rows are made in the worker').to.equal(true);
    expect(table.columns.map((c) => c.kind)).to.deep.equal(['string', 'number', 'number']);
    expect(rowsOf(table)).to.deep.equal([{ region: 'EU', A: 12.5, B: 5 }, { region: 'US', A: 0, B: null }, { region: null, A: 1, B: null }]);
  });
});
