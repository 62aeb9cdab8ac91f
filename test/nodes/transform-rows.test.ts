import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareDirected } from '../../src/nodes/shared/compare.js';
import compute from '../../src/nodes/transform/compute.js';
import deduplicate from '../../src/nodes/transform/deduplicate.js';
import filter from '../../src/nodes/transform/filter.js';
import select from '../../src/nodes/transform/select.js';
import sort from '../../src/nodes/transform/sort.js';
import { failure, numbered, run } from './run-node.js';

const people = [
  { name: 'Émile', city: 'Zürich', amount: 120 },
  { name: 'ann', city: 'Oslo', amount: null },
  { name: 'Bo', city: 'Oslo', amount: 9007199254740993 },
  { name: '李', city: null, amount: 5 },
];

describe('transform/filter', () => {
  it('splits rows into kept and rejected', async () => {
    const { outputs } = await run(filter, { rows: people }, { expression: 'amount > 100 and city != "Oslo"' });
    expect(outputs.rows).to.deep.equal([people[0]]);
    expect((outputs.rejected as unknown[]).length).to.equal(3);
  });

  it('handles unicode names, missing columns, $index and empty tables', async () => {
    expect((await run(filter, { rows: people }, { expression: 'name = "李"' })).outputs.rows).to.deep.equal([people[3]]);
    expect((await run(filter, { rows: people }, { expression: 'nosuch > 1' })).outputs.rows, 'missing column is no match').to.deep.equal([]);
    expect((await run(filter, { rows: people }, { expression: '$index < 2' })).outputs.rows).to.deep.equal(people.slice(0, 2));
    expect((await run(filter, { rows: [] })).outputs).to.deep.equal({ rows: [], rejected: [] });
    expect((await run(filter, { rows: [{ 'Order total': 5 }] }, { expression: '`Order total` = 5' })).outputs.rows).to.have.length(1);
  });

  it('points at the position of a syntax error', async () => {
    const error = (await failure(filter, { rows: people }, { expression: 'amount > > 3' })) as Error & { code: string; position: number };
    expect(error.code).to.equal('bad-expression');
    expect(error.message).to.contain('Filter rows: expression "amount > > 3"');
    expect(error.message).to.contain(`at position ${error.position}`);
    expect(error.position).to.be.within(9, 10);
    expect(error.message).to.contain('\n  amount > > 3\n  ' + ' '.repeat(error.position - 1) + '^');
  });

  it('gives line and column in a multi-line expression', async () => {
    const error = (await failure(filter, { rows: [] }, { expression: 'amount > 1\nand (region = ' })) as Error & { position: number };
    expect(error.message).to.match(/at position \d+ \(line 2, column \d+\)\n  and \(region = \n +\^/);
  });

  it('names the row of an evaluation error, and the unconnected port', async () => {
    const error = await failure(filter, { rows: [{ a: 1 }, { a: 'x' }] }, { expression: 'a + 1 > 0' });
    expect(error.message).to.contain('(row 1)');
    expect(error.message).to.match(/at position \d+/);
    expect((await failure(filter)).message).to.contain('Filter rows: input "rows" is not connected');
    expect((await failure(filter, { rows: 5 })).message).to.contain('must be a table');
    expect((await failure(filter, { rows: [] }, { expression: '  ' })).message).to.contain('expression is empty');
  });

  it('reports progress and stops when cancelled mid-run', async () => {
    const rows = numbered(120_000);
    const { outputs, progress } = await run(filter, { rows }, { expression: 'amount >= 500' });
    expect((outputs.rows as unknown[]).length).to.equal(rows.filter((r) => r.amount >= 500).length);
    expect(progress.every((p, i) => p > 0 && p <= 1 && (i === 0 || p >= progress[i - 1])), `progress rises: ${progress}`).to.equal(true);
    expect(progress.at(-1)).to.equal(1);
    const controller = new AbortController();
    // A call sends every row to JSONata: seconds of work, so the cancel lands mid-run (the fast
    // path may finish 120,000 rows of columns before a timer fires).
    const running = failure(filter, { rows }, { expression: '$number(amount) >= 500' }, controller.signal);
    setTimeout(() => controller.abort(), 0);
    expect((await running).name).to.equal('AbortError');
  });
});

describe('transform/compute', () => {
  it('adds a column from an expression over each row, without touching the input', async () => {
    const rows = [{ price: 2.5, quantity: 4 }, { price: 9007199254740991, quantity: 1 }, { quantity: 1 }];
    const { outputs } = await run(compute, { rows }, { column: 'total', expression: 'price * quantity' });
    expect(outputs.rows).to.deep.equal([
      { price: 2.5, quantity: 4, total: 10 },
      { price: 9007199254740991, quantity: 1, total: 9007199254740991 },
      { quantity: 1, total: null },
    ]);
    expect(rows[0]).not.to.have.property('total');
  });

  it('treats empty cells as missing and reports overflow with the row', async () => {
    const nulls = await run(compute, { rows: [{ price: null, quantity: 1 }] }, { expression: 'price * quantity' });
    expect(nulls.outputs.rows).to.deep.equal([{ price: null, quantity: 1, total: null }]);
    const exists = await run(compute, { rows: [{ price: null }, { price: 0 }] }, { column: 'has', expression: '$exists(price)' });
    expect((exists.outputs.rows as { has: boolean }[]).map((r) => r.has)).to.deep.equal([false, true]);
    const huge = await failure(compute, { rows: [{ price: 1e308, quantity: 10 }] }, { expression: 'price * quantity' });
    expect(huge.code).to.equal('bad-expression');
    expect(huge.message).to.contain('(row 0) gave Infinity: the number is out of range');
  });

  it('builds text with unicode and uses $index', async () => {
    const { outputs } = await run(compute, { rows: [{ n: 'Zoë' }, { n: '🙂' }] }, { column: 'label', expression: '$index & ": " & $uppercase(n)' });
    expect(outputs.rows).to.deep.equal([{ n: 'Zoë', label: '0: ZOË' }, { n: '🙂', label: '1: 🙂' }]);
  });

  it('needs a column name', async () => {
    expect((await failure(compute, { rows: [] }, { column: ' ' })).message).to.contain('Compute column: column needs a name');
  });
});

describe('transform/sort', () => {
  it('sorts by several keys, stable, empty values last in both directions', async () => {
    const asc = (await run(sort, { rows: people }, { keys: 'city, amount desc' })).outputs.rows as typeof people;
    expect(asc.map((p) => p.name)).to.deep.equal(['Bo', 'ann', 'Émile', '李']);
    const desc = (await run(sort, { rows: people }, { keys: 'amount desc' })).outputs.rows as typeof people;
    expect(desc.map((p) => p.name)).to.deep.equal(['Bo', 'Émile', '李', 'ann']);
    const stable = numbered(30).map((r) => ({ ...r, g: r.id % 3 }));
    const sorted = (await run(sort, { rows: stable }, { keys: 'g' })).outputs.rows as typeof stable;
    expect(sorted.filter((r) => r.g === 1).map((r) => r.id)).to.deep.equal(stable.filter((r) => r.g === 1).map((r) => r.id));
  });

  it('puts NaN with the empty values, last in both directions', async () => {
    const rows = [{ v: NaN }, { v: 2 }, { v: null }, { v: 1 }];
    const desc = (await run(sort, { rows }, { keys: 'v desc' })).outputs.rows as { v: number | null }[];
    expect(desc.slice(0, 2).map((r) => r.v)).to.deep.equal([2, 1]);
  });

  it('orders mixed kinds: booleans, numbers, text, objects, then empties', async () => {
    const rows = ['b', 2, true, { a: 1 }, null, 'a', -1e300].map((v) => ({ v }));
    const asc = (await run(sort, { rows }, { keys: 'v' })).outputs.rows as { v: unknown }[];
    expect(asc.map((r) => r.v)).to.deep.equal([true, -1e300, 2, 'a', 'b', { a: 1 }, null]);
    const desc = (await run(sort, { rows }, { keys: 'v desc' })).outputs.rows as { v: unknown }[];
    expect(desc.map((r) => r.v)).to.deep.equal([{ a: 1 }, 'b', 'a', 2, -1e300, true, null]);
  });

  it('agrees with a plain stable sort by compareDirected on any data (property)', async () => {
    const cell = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'B', 'ä', 'a10', 'a9', '', Infinity, -Infinity, 0.5), fc.constant(null), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ x: cell, y: cell }), { maxLength: 40 }), fc.constantFrom<1 | -1>(1, -1), async (rows, direction) => {
        const expected = rows
          .map((row, i) => ({ row, i }))
          .sort((a, b) => compareDirected(a.row.x, b.row.x, direction) || compareDirected(a.row.y, b.row.y, 1) || a.i - b.i)
          .map((e) => e.row);
        const keys = `x ${direction === 1 ? 'asc' : 'desc'}, y`;
        expect((await run(sort, { rows }, { keys })).outputs.rows).to.deep.equal(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('sorts text by locale with numbers in numeric order', async () => {
    const rows = ['item10', 'item9', 'Äpfel', 'apple', 'zebra'].map((name) => ({ name }));
    const sorted = (await run(sort, { rows }, { keys: 'name asc' })).outputs.rows as { name: string }[];
    expect(sorted.map((r) => r.name)).to.deep.equal(['Äpfel', 'apple', 'item9', 'item10', 'zebra']);
  });

  it('names a missing column and accepts an empty table', async () => {
    const error = await failure(sort, { rows: people }, { keys: 'town' });
    expect(error.code).to.equal('missing-column');
    expect(error.message).to.contain('column "town" not in the table (columns: name, city, amount)');
    expect((await run(sort, { rows: [] }, { keys: 'town' })).outputs.rows).to.deep.equal([]);
    expect(sort.performance?.backgroundProcessing).to.equal(true);
  });
});

describe('transform/select', () => {
  it('keeps, orders and renames columns', async () => {
    const { outputs } = await run(select, { rows: people }, { columns: 'amount, name as who' });
    expect((outputs.rows as object[])[0]).to.deep.equal({ amount: 120, who: 'Émile' });
    expect(Object.keys((outputs.rows as object[])[0])).to.deep.equal(['amount', 'who']);
  });

  it('names missing columns', async () => {
    expect((await failure(select, { rows: people }, { columns: 'name, age, size' })).message).to.contain('columns "age", "size" not in the table');
  });
});

describe('transform/deduplicate', () => {
  const rows = [{ k: 1, v: 'a' }, { k: '1', v: 'b' }, { k: 1, v: 'c' }, { k: null, v: 'd' }, { k: null, v: 'e' }];

  it('keeps the first or last row per key, telling 1 and "1" apart', async () => {
    const first = (await run(deduplicate, { rows }, { columns: 'k' })).outputs;
    expect((first.rows as typeof rows).map((r) => r.v)).to.deep.equal(['a', 'b', 'd']);
    expect((first.duplicates as typeof rows).map((r) => r.v)).to.deep.equal(['c', 'e']);
    const last = (await run(deduplicate, { rows }, { columns: 'k', keep: 'last' })).outputs;
    expect((last.rows as typeof rows).map((r) => r.v)).to.deep.equal(['b', 'c', 'e']);
  });

  it('compares all columns by default', async () => {
    const same = [{ a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 3 }];
    expect((await run(deduplicate, { rows: same })).outputs.rows).to.deep.equal([same[0], same[2]]);
  });
});
