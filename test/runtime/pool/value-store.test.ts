import { expect } from '@open-wc/testing';
import { columnTable, deferredTake, rowsOf, take, takeColumn, type ColumnTable } from '../../../src/core/table/index.js';
import { cheaperToRebuild, copyMs, COPY_MS_PER_ITEM } from '../../../src/runtime/pool/placement.js';
import { ValueStore } from '../../../src/runtime/pool/value-store.js';

const ROWS = 200_000;
/** An order-like table: two number columns and a text column of a few distinct strings. */
function orders(): ColumnTable {
  const total = new Float64Array(ROWS).map((_, i) => i / 100);
  const codes = new Uint32Array(ROWS).map((_, i) => i % 3);
  return columnTable(ROWS, ['total', 'qty', 'region'], [{ kind: 'number', values: total }, { kind: 'number', values: total.slice() }, { kind: 'string', codes, dictionary: ['EU', 'US', 'Asia'] }]);
}

describe('ValueStore: what a kept columnar table costs to copy', () => {
  it('prices a columnar table by its bytes, far below rows, so placement copies it rather than make it again', () => {
    const [ref] = Object.values(new ValueStore().keep({ rows: orders() }, 10_000)) as { $v2uRef: string; length: number; copyMs?: number }[];
    expect(ref.copyMs, 'priced by the worker that keeps it').to.be.a('number');
    expect(ref.copyMs!, 'a few ms for 200,000 rows of 20 bytes').to.be.within(1, 20);
    expect(copyMs(ref), 'placement uses that price').to.equal(ref.copyMs);
    const perRow = ROWS * COPY_MS_PER_ITEM;
    expect(cheaperToRebuild(ref, new Map([[ref.$v2uRef, { ms: 100 }]])), 'a 100 ms source is copied, not made again').to.equal(false);
    expect(cheaperToRebuild({ ...ref, copyMs: undefined }, new Map([[ref.$v2uRef, { ms: 100 }]])), `priced as rows (${perRow} ms) it would be made again`).to.equal(true);
  });

  it('keeps a deferred take without gathering it: its price and first rows come from the table under it', () => {
    const table = orders();
    const every = new Uint32Array(ROWS / 2).map((_, i) => ROWS - 1 - 2 * i);
    let gathered = 0;
    const later = deferredTake(table, every, (column, at) => (gathered++, takeColumn(column, at)));
    const store = new ValueStore();
    const [ref] = Object.values(store.keep({ rows: later }, 10_000)) as { $v2uRef: string; head: unknown[]; copyMs: number }[];
    expect(gathered, 'nothing gathered to keep it').to.equal(0);
    expect(ref.head, 'its first rows').to.deep.equal(rowsOf(take(table, every.subarray(0, 100))));
    expect(store.items(ref.$v2uRef, 500, 510), 'a page of rows for the page').to.deep.equal(rowsOf(take(table, every.subarray(500, 510))));
    expect(gathered, 'still nothing gathered').to.equal(0);
    const [whole] = Object.values(new ValueStore().keep({ rows: take(table, every) }, 10_000)) as { copyMs: number }[];
    expect(ref.copyMs, 'priced as the gathered table').to.be.closeTo(whole.copyMs, 1e-9);
  });

  it('keeps a deferred take made by another copy of the table module without gathering it (the worker bundles its own copy; node modules import another)', async () => {
    // A second instance of the same module, as the pool's self-contained worker file holds beside the node chunks.
    const other = (await import(new URL('../../../src/core/table/column-table.js?second-copy', import.meta.url).href)) as typeof import('../../../src/core/table/column-table.js');
    const table = orders();
    const every = new Uint32Array(ROWS / 2).map((_, i) => ROWS - 1 - 2 * i);
    let gathered = 0;
    const later = other.deferredTake(table, every, (column, at) => (gathered++, takeColumn(column, at)));
    const store = new ValueStore();
    const [ref] = Object.values(store.keep({ rows: later }, 10_000)) as { $v2uRef: string; head: unknown[] }[];
    expect(ref.head, 'its first rows').to.deep.equal(rowsOf(take(table, every.subarray(0, 100))));
    expect(gathered, 'nothing gathered to keep it').to.equal(0);
  });
});
