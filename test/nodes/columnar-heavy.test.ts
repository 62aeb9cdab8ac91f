import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromRows } from '../../src/core/table/index.js';
import { accumulator } from '../../src/nodes/shared/aggregate.js';
import { compareValues, isMissing, keyOf } from '../../src/nodes/shared/compare.js';
import { compileExpression, isTruthy } from '../../src/nodes/shared/expression.js';
import { cell, withColumns } from '../../src/nodes/shared/inputs.js';
import compute from '../../src/nodes/transform/compute.js';
import filter from '../../src/nodes/transform/filter.js';
import group from '../../src/nodes/transform/group.js';
import sort from '../../src/nodes/transform/sort.js';
import { run } from './run-node.js';

type Row = Record<string, unknown>;

// The row versions: each heavy node's meaning, written over plain rows, the oracle the columnar nodes must equal.
const where = { node: 'test', field: 'expression' };
const rowFilter = async (rows: Row[], text: string) => {
  const test = compileExpression(text, where);
  const kept: Row[] = [];
  for (const [index, row] of rows.entries()) if (isTruthy(await test.evaluate(row, { index }))) kept.push(row);
  return kept;
};
const rowCompute = async (rows: Row[], column: string, text: string) => {
  const value = compileExpression(text, where);
  const out: Row[] = [];
  for (const [index, row] of rows.entries()) out.push(withColumns(row, { [column]: (await value.evaluate(row, { index })) ?? null }));
  return out;
};
const rowSort = (rows: Row[], keys: [string, 1 | -1][]) =>
  rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      for (const [column, direction] of keys) {
        const [x, y] = [cell(a.row, column), cell(b.row, column)];
        const order = isMissing(x) || isMissing(y) ? compareValues(x, y) : direction * compareValues(x, y);
        if (order) return order;
      }
      return a.i - b.i;
    })
    .map(({ row }) => row);
const rowGroup = (rows: Row[], key: string, column: string) => {
  const groups = new Map<string, Row & { folds: ReturnType<typeof accumulator>[] }>();
  for (const row of rows) {
    const value = cell(row, key) ?? null;
    const id = keyOf([value]);
    if (!groups.has(id)) groups.set(id, { [key]: value, folds: [accumulator('count'), accumulator('sum'), accumulator('max')] });
    const g = groups.get(id)!;
    g.folds[0].add(1), g.folds[1].add(cell(row, column)), g.folds[2].add(cell(row, column));
  }
  return [...groups.values()].map(({ folds, ...row }) => ({ ...row, n: folds[0].result(), total: folds[1].result(), top: folds[2].result() }));
};

/**
 * Tables like the heavy run's: a number, a text and a boolean column (each with nulls and
 * missing cells, so typed columns with states), and a column of mixed kinds.
 */
const number = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
const text = fc.constantFrom('EU', 'US', 'Asia', 'eu', '');
const orNull = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
const columns = { amount: orNull(number), region: orNull(text), flag: orNull(fc.boolean()), qty: fc.oneof(number, number, text, fc.boolean(), fc.constant(null)) };
const table = fc.array(fc.record(columns, { requiredKeys: [] }), { maxLength: 40 }) as fc.Arbitrary<Row[]>;
/** Each table given as rows and as columns: both must give the row version's answer. */
const forms = (rows: Row[]) => [rows, fromRows(rows)];
const RUNS = { numRuns: 60 };

describe('columnar heavy nodes equal their row versions (property)', () => {
  it('filter', async () => {
    const expressions = fc.constantFrom('amount > 3', 'region = "EU" or flag', 'amount * qty >= 10', 'region', '$exists(qty)', 'amount + 1 > qty and region != "US"');
    await fc.assert(
      fc.asyncProperty(table, expressions, async (rows, expression) => {
        const expected = await rowFilter(rows, expression).catch((e: Error) => e.name);
        for (const input of forms(rows)) {
          const got = await run(filter, { rows: input }, { expression }).then((r) => r.outputs.rows, (e: Error) => e.name);
          expect(got, expression).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('compute', async () => {
    const expressions = fc.constantFrom('amount * 2', 'region & "!"', 'amount > qty', 'flag', '$string(amount)', 'qty');
    await fc.assert(
      fc.asyncProperty(table, expressions, fc.constantFrom('total', 'amount'), async (rows, expression, column) => {
        const expected = await rowCompute(rows, column, expression).catch((e: Error) => e.name);
        for (const input of forms(rows)) {
          const got = await run(compute, { rows: input }, { column, expression }).then((r) => r.outputs.rows, (e: Error) => e.name);
          expect(got, expression).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('sort', async () => {
    const keys = fc.constantFrom<[string, 1 | -1][]>([['amount', 1]], [['region', -1]], [['region', 1], ['amount', -1]], [['flag', 1], ['qty', 1]]);
    await fc.assert(
      fc.asyncProperty(table, keys, async (rows, sortKeys) => {
        const text = sortKeys.map(([c, d]) => `${c} ${d === 1 ? 'asc' : 'desc'}`).join(', ');
        const present = new Set(rows.flatMap((r) => Object.keys(r)));
        const expected = rows.length && !sortKeys.every(([c]) => present.has(c)) ? 'V2uError' : rowSort(rows, sortKeys);
        for (const input of forms(rows)) {
          const got = await run(sort, { rows: input }, { keys: text }).then((r) => r.outputs.rows, (e: Error) => e.name);
          expect(got, text).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('group', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('region', 'flag', 'amount'), async (rows, key) => {
        const present = new Set(rows.flatMap((r) => Object.keys(r)));
        const expected = rows.length && !(present.has(key) && present.has('qty')) ? 'V2uError' : rowGroup(rows, key, 'qty');
        for (const input of forms(rows)) {
          const got = await run(group, { rows: input }, { groupBy: key, aggregations: 'n = count()\ntotal = sum(qty)\ntop = max(qty)' }).then((r) => r.outputs.rows, (e: Error) => e.name);
          expect(got, key).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });
});
