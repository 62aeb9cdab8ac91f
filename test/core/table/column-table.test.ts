import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buffersOf, cellsColumn, columnTable, deferredTake, fromRows, isColumnTable, ownBuffers, presentNames, rowCursor, rowsOf, take, takeColumn, takeLater, tableOf, textAt, MATERIALIZE, type Column, type ColumnTable, type NumberedText } from '../../../src/core/table/index.js';

type Row = Record<string, unknown>;

/** One row per cell kind, with nulls, a missing key, NaN, -0, an invalid date and a `__proto__` column. */
function everyKind(): Row[] {
  const rows: Row[] = [
    { n: 1.5, s: 'EU', b: true, d: new Date(Date.UTC(2024, 1, 29)), m: 1, o: { a: [1, 2] } },
    { n: null, s: null, b: false, d: null, m: 'two', o: null },
    { n: -0, s: 'US', b: null, d: new Date(NaN), m: true, o: [1] },
    { n: NaN, s: 'EU', d: new Date(0), m: null, o: undefined },
    { s: '', b: true, m: new Date(5), o: 'text' },
  ];
  Object.defineProperty(rows[0], '__proto__', { value: 'p', enumerable: true, writable: true, configurable: true });
  return rows;
}

const kinds = (table: ColumnTable) => table.names.map((name, c) => [name, table.columns[c].kind]);

describe('core/table: the columnar table', () => {
  it('round-trips every column kind: numbers, text, booleans, dates, nulls, missing keys, mixed', () => {
    const rows = everyKind();
    const table = fromRows(rows);
    expect(kinds(table)).to.deep.equal([['n', 'number'], ['s', 'string'], ['b', 'boolean'], ['d', 'date'], ['m', 'mixed'], ['o', 'mixed'], ['__proto__', 'string']]);
    const back = rowsOf(table);
    expect(back).to.deep.equal(rows);
    expect(Object.is(back[2].n, -0), '-0 stays -0').to.equal(true);
    expect(Object.hasOwn(back[4], 'n'), 'a missing key stays missing').to.equal(false);
    expect(Object.hasOwn(back[3], 'o') && back[3].o === undefined, 'an undefined cell stays a key').to.equal(true);
    expect(Object.getPrototypeOf(back[0]), '__proto__ is a column, not the prototype').to.equal(Object.prototype);
    expect(rowsOf(table, 1, 3)).to.deep.equal(rows.slice(1, 3));
  });

  it('round-trips any table of plain cells (property)', () => {
    const cell = fc.oneof(fc.double(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }), fc.array(fc.integer(), { maxLength: 2 }));
    const row = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'toString'), cell, { maxKeys: 4 });
    fc.assert(fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        expect(rowsOf(fromRows(rows))).to.deep.equal(rows);
      }));
  });

  it('makes columns of results (nulls marked, so numbers stay numbers) and tables of named columns, a repeated name replacing its column in place', () => {
    expect(kinds(tableOf(3, [['n', cellsColumn([2.5, null, -0])], ['s', cellsColumn(['a', null, 'b'])]]))).to.deep.equal([['n', 'number'], ['s', 'string']]);
    const table = tableOf(3, [['x', cellsColumn([2.5, null, -0])], ['toString', cellsColumn(['a', null, 'b'])], ['y', cellsColumn([true, false, null])], ['x', cellsColumn([new Date(0), null, 'z'])]]);
    expect(kinds(table)).to.deep.equal([['x', 'mixed'], ['toString', 'string'], ['y', 'boolean']]);
    expect(rowsOf(table)).to.deep.equal([{ x: new Date(0), toString: 'a', y: true }, { x: null, toString: null, y: false }, { x: 'z', toString: 'b', y: null }]);
  });

  it('takes rows by index and reads them through a cursor without building rows', () => {
    const rows = everyKind();
    const table = fromRows(rows);
    expect(rowsOf(take(table, [4, 0, 0]))).to.deep.equal([rows[4], rows[0], rows[0]]);
    const cursor = rowCursor(table);
    expect(cursor.moveTo(0).n).to.equal(1.5);
    expect(cursor.moveTo(1).n).to.equal(null);
    expect(cursor.moveTo(4).n, 'missing').to.equal(undefined);
    expect(cursor.row.toString, 'no Object.prototype behind a cursor').to.equal(undefined);
    expect(cursor.moveTo(2)[MATERIALIZE]()).to.deep.equal(rows[2]);
  });

  it('reads a numbered dictionary (ids kept as their recipe) as the strings it stands for', () => {
    const ids: NumberedText = { numbered: 1, prefix: 'O-', start: 1, width: 7, length: 12_000_000 };
    expect([0, 9, 9_999_999, 11_999_999].map(textAt(ids)), 'padded, and wider past the width').to.deep.equal(['O-0000001', 'O-0000010', 'O-10000000', 'O-12000000']);
    const table = columnTable(3, ['id', 'n'], [{ kind: 'string', codes: Uint32Array.of(2, 0, 2), dictionary: ids }, { kind: 'number', values: Float64Array.of(1, 2, 3) }]);
    expect(rowsOf(table)).to.deep.equal([{ id: 'O-0000003', n: 1 }, { id: 'O-0000001', n: 2 }, { id: 'O-0000003', n: 3 }]);
    expect(rowsOf(structuredClone(table)), 'the recipe survives a clone').to.deep.equal(rowsOf(table));
  });

  it('writes a numbered dictionary in full only for reads of most of it, not for a few thousand rows of a million ids', () => {
    // The thread's shared strings of numbered dictionaries (see `textAt`), as the module keeps them.
    const written = (globalThis as Record<symbol, WeakMap<NumberedText, string[]>>)[Symbol.for('v2u.table.written')];
    const million: NumberedText = { numbered: 1, prefix: 'O-', start: 1, width: 7, length: 1_000_000 };
    const few = Uint32Array.from({ length: 5000 }, (_, i) => i * 200);
    const rejected = columnTable(few.length, ['orderId'], [{ kind: 'string', codes: few, dictionary: million }]);
    const rows = rowsOf(rejected);
    expect([rows[0].orderId, rows[4999].orderId]).to.deep.equal(['O-0000001', 'O-0999801']);
    expect(written.has(million), 'a million ids written to read 5,000').to.equal(false);
    const page = columnTable(million.length, ['orderId'], [{ kind: 'string', codes: new Uint32Array(million.length).map((_, i) => i), dictionary: million }]);
    expect(rowsOf(page, 10, 2010).map((r) => r.orderId).at(-1)).to.equal('O-0002010');
    expect(written.has(million), 'a page of 2,000 rows of a long column').to.equal(false);
    const small: NumberedText = { ...million, length: 3000 };
    expect(rowsOf(columnTable(2000, ['id'], [{ kind: 'string', codes: new Uint32Array(2000), dictionary: small }])).length).to.equal(2000);
    expect(written.get(small)?.length, 'most of a dictionary read: written once and shared').to.equal(3000);
  });

  it('defers a take: rows, names and columns equal take(), gathered only when the columns are read (property)', () => {
    const cell = fc.oneof(fc.double(), fc.constantFrom('EU', 'US'), fc.boolean(), fc.constant(null));
    const row = fc.dictionary(fc.constantFrom('a', 'b', 'c'), cell, { maxKeys: 3 });
    const picks = (n: number) => fc.array(fc.nat(Math.max(0, n - 1)), { maxLength: n ? 12 : 0 });
    const tables = fc.array(row, { maxLength: 20 }).chain((rows) => fc.tuple(fc.constant(rows), picks(rows.length)).chain(([r, first]) => fc.tuple(fc.constant(r), fc.constant(first), picks(first.length))));
    fc.assert(
      fc.property(tables, ([rows, first, second]) => {
        const table = fromRows(rows);
        let gathered = 0;
        const counted = (column: Column, at: ArrayLike<number>) => (gathered++, takeColumn(column, at));
        const later = deferredTake(table, Uint32Array.from(first), counted);
        const twice = deferredTake(later, Uint32Array.from(second), counted);
        const now = take(take(table, first), second);
        expect(rowsOf(twice), 'rows through both takes').to.deep.equal(rowsOf(now));
        expect(rowsOf(twice, 1, 3), 'a page of rows').to.deep.equal(rowsOf(now, 1, 3));
        expect(presentNames(twice), 'the names some row has').to.deep.equal(presentNames(now));
        expect(gathered, 'nothing gathered for rows and names').to.equal(0);
        if (table.names.length) {
          expect(rowsOf(columnTable(now.length, [now.names[0]], [twice.columns[0]])), 'one column read').to.deep.equal(rowsOf(columnTable(now.length, [now.names[0]], [now.columns[0]])));
          expect(gathered, 'only that column gathered').to.equal(1);
        }
        expect(rowsOf(structuredClone(twice)), 'a clone gathers').to.deep.equal(rowsOf(now));
        expect(gathered, 'each column once').to.equal(table.names.length);
        expect(rowsOf(takeLater(table, first))).to.deep.equal(rowsOf(take(table, first)));
      }),
    );
  });

  it('reads the columns again, not the rows, when frozen rows it built come back (main thread, CLI)', () => {
    const table = fromRows(everyKind());
    const rows = rowsOf(table);
    expect(fromRows(rows), 'rows that may still change are encoded again').to.not.equal(table);
    expect(fromRows(Object.freeze(rows)), 'frozen rows built from the table').to.equal(table);
    expect(fromRows(Object.freeze(rowsOf(table, 1))), 'a part of the table is encoded').to.not.equal(table);
  });

  it('gives a copy with buffers of its own to transfer, leaving the kept table whole (a worker serving a kept table)', () => {
    const rows = everyKind();
    const table = fromRows(rows);
    const copy = ownBuffers(table);
    const moved = buffersOf(copy);
    expect(moved.length, 'the copy has buffers').to.be.above(0);
    expect(moved.some((b) => buffersOf(table).includes(b)), 'none shared with the kept table').to.equal(false);
    const received = structuredClone(copy, { transfer: moved });
    expect(moved.every((b) => b.byteLength === 0), 'the copy\'s buffers moved').to.equal(true);
    expect(rowsOf(received), 'the received table').to.deep.equal(rows);
    expect(rowsOf(table), 'the kept table, still whole').to.deep.equal(rows);
  });

  it('survives transfer between two real workers, buffers moved rather than copied', async () => {
    const url = new URL('./fixtures/table-worker.js', import.meta.url);
    const [sender, receiver] = [new Worker(url, { type: 'module' }), new Worker(url, { type: 'module' })];
    try {
      const ids: NumberedText = { numbered: 1, prefix: 'C-', start: 1, width: 7, length: 5 };
      const rows = everyKind().map((row, i) => ({ ...row, id: `C-000000${5 - i}` }));
      const encoded = fromRows(everyKind());
      const table = columnTable(5, [...encoded.names, 'id'], [...encoded.columns, { kind: 'string', codes: Uint32Array.of(4, 3, 2, 1, 0), dictionary: ids }]);
      const channel = new MessageChannel();
      const answer = (worker: Worker) => new Promise<Record<string, unknown>>((resolve) => (worker.onmessage = ({ data }) => resolve(data)));
      const received = answer(receiver);
      const sent = answer(sender);
      receiver.postMessage({ kind: 'receive', port: channel.port2 }, [channel.port2]);
      sender.postMessage({ kind: 'send', table, port: channel.port1 }, [channel.port1]);
      expect((await sent).detached, 'the sender no longer holds the buffers').to.equal(true);
      const result = await received;
      expect(result.columnar, 'still a columnar table in the second worker').to.equal(true);
      expect(result.kinds).to.deep.equal(table.columns.map((c) => c.kind));
      expect(result.rows).to.deep.equal(rows);
      expect(buffersOf(table).length, 'the table has buffers to transfer').to.be.greaterThan(3);
      expect(isColumnTable(rows)).to.equal(false);
    } finally {
      sender.terminate();
      receiver.terminate();
    }
  });
});
