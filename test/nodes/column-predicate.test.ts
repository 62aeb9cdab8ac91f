import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import jsonata from 'jsonata';
import { columnTable, fromRows, type ColumnTable } from '../../src/core/table/index.js';
import { columnTest, FAIL, PASS, UNDECIDED } from '../../src/nodes/shared/column-predicate.js';
import { isTruthy } from '../../src/nodes/shared/expression.js';

const COLUMNS = ['a', 'b', 's', 'missing'];
const LITERALS = ['0', '3', '-2.5', '100', '"x"', '"EU"', '""', '"US"'];
const OPS = ['=', '!=', '<', '<=', '>', '>='];

/** Comparisons of a column with a literal (either side), joined by and/or, and some shapes left to the row path. */
const expression = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom(...COLUMNS), fc.constantFrom(...OPS), fc.constantFrom(...LITERALS)).map(([c, op, l]) => `${c} ${op} ${l}`),
    fc.tuple(fc.constantFrom(...LITERALS), fc.constantFrom(...OPS), fc.constantFrom(...COLUMNS)).map(([l, op, c]) => `${l} ${op} ${c}`),
    fc.constantFrom('a', 'a + 1 > 2', '$index > 3', 'a > b'),
    fc.tuple(tie('expr'), fc.constantFrom('and', 'or'), tie('expr')).map(([l, op, r]) => `(${l} ${op} ${r})`),
  ),
})).expr;

/** Number columns (with NaN, infinities, nulls, missing keys) and a text column, plus a mixed one. */
const number = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(0.5, -2.5, 100, Number.NaN, Infinity, -Infinity, null));
const text = fc.constantFrom('EU', 'US', 'x', '', 'eu', null);
const rows = fc.array(fc.record({ a: number, b: fc.oneof(number, text), s: text }, { requiredKeys: [] }), { maxLength: 30 });

/** JSONata's answer for a row (nulls dropped, as the expression module does), or the error it throws. */
async function reference(text: string, row: Record<string, unknown>, index: number): Promise<boolean | 'error'> {
  const clean = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
  try {
    return isTruthy(await jsonata(text).evaluate(clean, { index }));
  } catch {
    return 'error';
  }
}

function answers(text: string, table: ColumnTable): Uint8Array | undefined {
  const test = columnTest(jsonata(text).ast(), table);
  if (!test) return undefined;
  const out = new Uint8Array(table.length);
  // In two blocks, as the filter calls it.
  const half = Math.floor(table.length / 2);
  const second = new Uint8Array(table.length - half);
  test(0, half, out);
  test(half, table.length, second);
  out.set(second, half);
  return out;
}

describe('nodes/shared/column-predicate: filter expressions tested on whole columns', () => {
  it('decides the heavy run’s filters on typed columns, every row', () => {
    const table = columnTable(4, ['total', 'status'], [
      { kind: 'number', values: Float64Array.of(50, 150, 100.5, 100) },
      { kind: 'string', codes: Uint32Array.of(0, 1, 1, 0), dictionary: ['paid', 'returned'] },
    ]);
    expect([...answers('total > 100', table)!]).to.deep.equal([FAIL, PASS, PASS, FAIL]);
    expect([...answers("status = 'returned'", table)!]).to.deep.equal([FAIL, PASS, PASS, FAIL]);
    expect([...answers("100 < total and status != 'returned'", table)!]).to.deep.equal([FAIL, FAIL, FAIL, FAIL]);
    expect(answers('total + 1 > 100', table), 'arithmetic is left to the row path').to.equal(undefined);
    expect(answers('$index > 1', table), 'variables too').to.equal(undefined);
  });

  it('answers as JSONata for every row it decides, and leaves undecided every row JSONata would fail (property)', async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(expression, rows, async (text, input) => {
        const table = fromRows(input);
        const got = answers(text, table);
        if (!got) return;
        for (const [i, row] of input.entries()) {
          const expected = await reference(text, row, i);
          if (got[i] === UNDECIDED) continue;
          decided++;
          expect(expected, `${text} on ${JSON.stringify(row)}`).to.equal(got[i] === PASS);
        }
      }),
      { numRuns: 800 },
    );
    expect(decided, 'most rows are decided on the columns').to.be.greaterThan(1000);
  });
});
