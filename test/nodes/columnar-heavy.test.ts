import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromRows, isColumnTable, rowsOf, type ColumnTable } from '../../src/core/table/index.js';
import { AGGREGATES, accumulator } from '../../src/nodes/shared/aggregate.js';
import { compareValues, isMissing, keyOf } from '../../src/nodes/shared/compare.js';
import { compileExpression, isTruthy } from '../../src/nodes/shared/expression.js';
import { cell, withColumns } from '../../src/nodes/shared/inputs.js';
import compute from '../../src/nodes/transform/compute.js';
import filter from '../../src/nodes/transform/filter.js';
import group from '../../src/nodes/transform/group.js';
import pivot from '../../src/nodes/transform/pivot.js';
import sort from '../../src/nodes/transform/sort.js';
import { run, runColumns } from './run-node.js';

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
type Fold = [name: string, fn: Parameters<typeof accumulator>[0], column?: string];
const rowGroup = (rows: Row[], keys: string[], folds: Fold[]) => {
  const groups = new Map<string, { row: Row; folds: ReturnType<typeof accumulator>[] }>();
  for (const row of rows) {
    const values = keys.map((key) => cell(row, key) ?? null);
    const id = keyOf(values);
    if (!groups.has(id)) groups.set(id, { row: Object.fromEntries(keys.map((key, k) => [key, values[k]])), folds: folds.map(([, fn]) => accumulator(fn)) });
    groups.get(id)!.folds.forEach((fold, f) => fold.add(folds[f][2] === undefined ? 1 : cell(row, folds[f][2]!)));
  }
  return [...groups.values()].map(({ row, folds: done }) => ({ ...row, ...Object.fromEntries(folds.map(([name], f) => [name, done[f].result()])) }));
};
const rowPivot = (rows: Row[], keys: string[], column: string, value: string, fn: Fold[1]) => {
  const groups = new Map<string, { row: Row; cells: Map<string, ReturnType<typeof accumulator>> }>();
  const names: string[] = [];
  for (const row of rows) {
    const values = keys.map((key) => cell(row, key) ?? null);
    const id = keyOf(values);
    if (!groups.has(id)) groups.set(id, { row: Object.fromEntries(keys.map((key, k) => [key, values[k]])), cells: new Map() });
    const spread = String(cell(row, column) ?? '(empty)');
    const name = keys.includes(spread) ? `${column}: ${spread}` : spread;
    if (!names.includes(name)) names.push(name);
    const { cells } = groups.get(id)!;
    if (!cells.has(name)) cells.set(name, accumulator(fn));
    cells.get(name)!.add(value ? cell(row, value) : 1);
  }
  return [...groups.values()].map(({ row, cells }) => ({ ...row, ...Object.fromEntries(names.map((name) => [name, cells.get(name)?.result() ?? null])) }));
};
/** Aggregations over a mixed column (cells read one by one) and over a number column (added from the typed array). */
const FOLDS: Record<string, Fold[]> = {
  qty: [['n', 'count'], ['total', 'sum', 'qty'], ['top', 'max', 'qty']],
  amount: [['n', 'count', 'amount'], ['total', 'sum', 'amount'], ['mean', 'avg', 'amount'], ['low', 'min', 'amount']],
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
    // 'amount > 3' and the last five are tested on whole columns (column-predicate.ts), the others row by row.
    const expressions = fc.constantFrom('amount > 3', 'region = "EU" or flag', 'amount * qty >= 10', 'region', '$exists(qty)', 'amount + 1 > qty and region != "US"',
      'amount > 3 and region != "US"', '"EU" = region or amount <= -1', 'region < "F"', 'amount = "x"', 'region > 3');
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

  it('filter over blocks of rows, where some rows of a block are left to the row path (non-finite numbers)', async () => {
    // 2,600 rows: three blocks of the column test; Infinity and -Infinity are left to JSONata, mid-block.
    const rows: Row[] = Array.from({ length: 2600 }, (_, i) => ({ amount: i % 97 === 5 ? (i % 2 ? Infinity : -Infinity) : i % 9, region: ['EU', 'US', null][i % 3], i }));
    for (const expression of ['amount > 3', 'amount > 3 and region != "US"', 'region = "EU" or amount <= 1']) {
      const expected = await rowFilter(rows, expression);
      const got = (await run(filter, { rows: fromRows(rows) }, { expression })).outputs.rows as Row[];
      expect(got.map((r) => r.i), expression).to.deep.equal(expected.map((r) => r.i));
    }
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

  it('sort on number columns with a value in every row (sorted from the typed array as it is)', async () => {
    const full = fc.array(fc.record({ amount: fc.oneof(number, fc.constantFrom(0, -0, Infinity, -Infinity)), count: fc.integer({ min: -3, max: 3 }), region: text }), { maxLength: 40 });
    const keys = fc.constantFrom<[string, 1 | -1][]>([['amount', 1]], [['amount', -1]], [['count', -1], ['amount', 1]], [['region', 1], ['count', -1]]);
    await fc.assert(
      fc.asyncProperty(full, keys, async (rows, sortKeys) => {
        const text = sortKeys.map(([c, d]) => `${c} ${d === 1 ? 'asc' : 'desc'}`).join(', ');
        const expected = rowSort(rows, sortKeys);
        for (const input of forms(rows)) expect(await run(sort, { rows: input }, { keys: text }).then((r) => r.outputs.rows), text).to.deep.equal(expected);
      }),
      RUNS,
    );
  });

  it('group', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom('region', 'flag', 'amount'), fc.constantFrom('qty', 'amount'), async (rows, key, column) => {
        const present = new Set(rows.flatMap((r) => Object.keys(r)));
        const folds = FOLDS[column];
        const expected = rows.length && !(present.has(key) && present.has(column)) ? 'V2uError' : rowGroup(rows, [key], folds);
        const aggregations = folds.map(([name, fn, of]) => `${name} = ${fn}(${of ?? ''})`).join('\n');
        for (const input of forms(rows)) {
          const got = await run(group, { rows: input }, { groupBy: key, aggregations }).then((r) => r.outputs.rows, (e: Error) => e.name);
          expect(got, `${key}: ${aggregations}`).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('pivot: count, sum and avg of a number column (added from the typed arrays) and every other fold (accumulated)', async () => {
    // Numbers the typed path must treat as the accumulators do: NaN counted, not summed; infinities; -0.
    const special = orNull(fc.oneof(number, fc.constantFrom(NaN, Infinity, -Infinity, -0)));
    const rowsWithSpecials = fc.array(fc.record({ ...columns, amount: special }, { requiredKeys: [] }), { maxLength: 40 }) as fc.Arbitrary<Row[]>;
    await fc.assert(
      fc.asyncProperty(
        rowsWithSpecials,
        fc.constantFrom('region', 'flag', 'region, flag', 'amount', ''),
        fc.constantFrom('region', 'flag', 'amount'),
        fc.constantFrom('amount', 'qty', ''),
        fc.constantFrom(...AGGREGATES),
        async (rows, rowKeys, column, value, fn) => {
          const keys = rowKeys.split(', ').filter(Boolean);
          const present = new Set(rows.flatMap((r) => Object.keys(r)));
          const expected = rows.length && ![...keys, column, ...(value ? [value] : [])].every((c) => present.has(c)) ? 'V2uError' : rowPivot(rows, keys, column, value, fn);
          const config = { rowKeys, pivotColumn: column, valueColumn: value, aggregate: fn };
          for (const input of forms(rows)) {
            const got = await runColumns(pivot, { rows: input }, config).then((r) => r.outputs.rows, (e: Error) => e.name);
            if (typeof expected === 'string') expect(got, JSON.stringify(config)).to.equal(expected);
            else expect(rowsOf(got as ColumnTable), JSON.stringify(config)).to.deep.equal(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pivot: a grid of more than 4,000,000 cells is accumulated, with the same cells', async () => {
    // 2,001 row keys × 2,001 pivot values, each row its own cell: over the typed path's limit.
    const rows = Array.from({ length: 2001 }, (_, i) => ({ k: i, p: `p${i}`, v: i % 3 ? i : null }));
    for (const aggregate of ['sum', 'avg'] as const) {
      const out = (await runColumns(pivot, { rows: fromRows(rows) }, { rowKeys: 'k', pivotColumn: 'p', valueColumn: 'v', aggregate })).outputs.rows as ColumnTable;
      expect(out.names.length, 'the row key and a column per pivot value').to.equal(2002);
      for (const i of [0, 1, 2, 1000, 2000]) {
        const cells = rowsOf(out, i, i + 1)[0];
        const reference = rowPivot([rows[i]], ['k'], 'p', 'v', aggregate)[0];
        expect([cells.k, cells[`p${i}`], cells[`p${(i + 1) % 2001}`]], `${aggregate}, row ${i}`).to.deep.equal([reference.k, reference[`p${i}`], null]);
      }
    }
  });

  it('group returns a columnar table that reads back as the row version\'s rows, for every kind of column', async () => {
    // Dates (an invalid one too), and a column of anything: numbers and their text, booleans, null, undefined, a date, an object, a list.
    const day = new Date(Date.UTC(2024, 1, 29));
    const when = orNull(fc.constantFrom(day, new Date(0), new Date(NaN)));
    const any = fc.constantFrom<unknown>(1, '1', true, null, undefined, day, { a: 1 }, [2]);
    const kinds = fc.array(fc.record({ ...columns, when, any }, { requiredKeys: [] }), { maxLength: 40 }) as fc.Arbitrary<Row[]>;
    const groupBys = fc.constantFrom('region', 'flag', 'when', 'any', 'amount', 'qty', 'region, when', 'flag, any', '');
    // Every fold of one column, then one more named like a key, like an earlier aggregation, or like what every object inherits.
    const lastName = fc.constantFrom('region', 'when', 'n', '__proto__', 'constructor', 'toString');
    await fc.assert(
      fc.asyncProperty(kinds, groupBys, fc.constantFrom('amount', 'region', 'flag', 'when', 'qty', 'any'), lastName, async (rows, groupBy, column, name) => {
        const keys = groupBy.split(',').map((key) => key.trim()).filter(Boolean);
        const folds: Fold[] = [['n', 'count'], ...AGGREGATES.map((fn): Fold => [fn, fn, column]), [name, 'last', column]];
        const present = new Set(rows.flatMap((r) => Object.keys(r)));
        const expected = rows.length && ![...keys, column].every((c) => present.has(c)) ? 'V2uError' : rowGroup(rows, keys, folds);
        const aggregations = folds.map(([n, fn, of]) => `${n} = ${fn}(${of ?? ''})`).join('\n');
        for (const input of forms(rows)) {
          const got = await runColumns(group, { rows: input }, { groupBy, aggregations }).then((r) => r.outputs.rows, (e: Error) => e.name);
          if (typeof expected === 'string') expect(got, `${groupBy}: ${aggregations}`).to.equal(expected);
          else {
            expect(isColumnTable(got), 'group returns columns').to.equal(true);
            expect(rowsOf(got as ColumnTable), `${groupBy}: ${aggregations}`).to.deep.equal(expected);
          }
        }
      }),
      RUNS,
    );
  });
});
