import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { fromRows } from '../../src/core/table/index.js';
import { accumulator } from '../../src/nodes/shared/aggregate.js';
import { keyOf } from '../../src/nodes/shared/compare.js';
import { cell, columnsOf, requireColumns, setCell, withColumns } from '../../src/nodes/shared/inputs.js';
import deduplicate from '../../src/nodes/transform/deduplicate.js';
import join from '../../src/nodes/transform/join.js';
import pivot from '../../src/nodes/transform/pivot.js';
import { run } from './run-node.js';

type Row = Record<string, unknown>;

// The row versions: join, pivot and deduplicate as they were written over plain rows, the
// oracle the columnar nodes must equal.
const rowJoin = (left: Row[], right: Row[], leftKeys: string[], rightKeys: string[], kind: string) => {
  requireColumns(left, leftKeys, 'Join', 'leftKeys');
  requireColumns(right, rightKeys, 'Join', 'rightKeys');
  const keyAt = (row: Row, keys: string[]) => {
    const values = keys.map((k) => cell(row, k));
    return values.some((v) => v === null || v === undefined || v === '') ? undefined : keyOf(values);
  };
  const index = new Map<string, Row[]>();
  for (const row of right) {
    const key = keyAt(row, rightKeys);
    if (key !== undefined) index.get(key)?.push(row) ?? index.set(key, [row]);
  }
  const taken = new Set(columnsOf(left));
  const rename = new Map(columnsOf(right).filter((c) => !rightKeys.includes(c)).map((c) => [c, taken.has(c) ? `${c}_right` : c]));
  const out: Row[] = [];
  for (const row of left) {
    const key = keyAt(row, leftKeys);
    const matches = key === undefined ? undefined : index.get(key);
    const extra = (match?: Row) => Object.fromEntries([...rename].map(([column, name]) => [name, (match && cell(match, column)) ?? null]));
    if (matches) for (const match of matches) out.push(withColumns(row, extra(match)));
    else if (kind === 'left') out.push(withColumns(row, extra()));
  }
  return out;
};
const rowPivot = (rows: Row[], rowKeys: string[], pivotColumn: string, valueColumn: string) => {
  for (const columns of [rowKeys, [pivotColumn], valueColumn ? [valueColumn] : []]) requireColumns(rows, columns, 'Pivot', 'x');
  const names = new Set<string>();
  const groups = new Map<string, { row: Row; cells: Map<string, ReturnType<typeof accumulator>> }>();
  for (const source of rows) {
    const values = rowKeys.map((k) => cell(source, k) ?? null);
    const key = keyOf(values);
    if (!groups.has(key)) groups.set(key, { row: Object.fromEntries(rowKeys.map((k, j) => [k, values[j]])), cells: new Map() });
    const group = groups.get(key)!;
    const value = String(cell(source, pivotColumn) ?? '(empty)');
    const name = rowKeys.includes(value) ? `${pivotColumn}: ${value}` : value;
    names.add(name);
    if (!group.cells.has(name)) group.cells.set(name, accumulator('sum'));
    group.cells.get(name)!.add(valueColumn ? cell(source, valueColumn) : 1);
  }
  return [...groups.values()].map(({ row, cells }) => {
    for (const name of names) setCell(row, name, cells.get(name)?.result() ?? null);
    return row;
  });
};
const rowDeduplicate = (rows: Row[], named: string[], keep: string) => {
  requireColumns(rows, named, 'Deduplicate', 'columns');
  const columns = named.length ? named : columnsOf(rows);
  const winner = new Map<string, number>();
  const keys = rows.map((row, i) => {
    const key = keyOf(columns.map((c) => cell(row, c) ?? null));
    if (keep === 'last' || !winner.has(key)) winner.set(key, i);
    return key;
  });
  return { rows: rows.filter((_, i) => winner.get(keys[i]) === i), duplicates: rows.filter((_, i) => winner.get(keys[i]) !== i) };
};

/**
 * Key cells from a small pool so keys repeat: numbers and their text ("1" is not 1), empty
 * text, null, booleans, dates (and the ISO text of one, equal to it only inside a key of
 * several columns), an invalid date, undefined and NaN.
 */
const day = new Date(Date.UTC(2024, 1, 29));
const key = fc.constantFrom<unknown>(1, 2, '1', 'a', '', null, true, day, new Date(0), day.toISOString(), new Date(NaN), undefined, NaN, -0, 0);
const amount = fc.oneof(fc.integer({ min: -9, max: 9 }), fc.constantFrom<unknown>(null, '7', 'x', 2.5, undefined));
const label = fc.constantFrom<unknown>('EU', 'US', 'key', 'k2', '', null, day);
const leftTable = fc.array(fc.record({ key, k2: key, amount, cat: label, when: fc.constantFrom<unknown>(day, new Date(0), null) }, { requiredKeys: [] }), { maxLength: 25 });
const rightTable = fc.array(fc.record({ key, k2: key, amount, label, amount_right: amount }, { requiredKeys: [] }), { maxLength: 25 });
/** Each table given as rows and as columns: both must give the row version's answer. */
const forms = (rows: Row[]) => [rows, fromRows(rows)];
const RUNS = { numRuns: 80 };
const outcome = (work: () => unknown) => {
  try {
    return work();
  } catch (error) {
    return (error as Error).name;
  }
};

describe('columnar join, pivot and deduplicate equal their row versions (property)', () => {
  it('join', async () => {
    const keys = fc.constantFrom<[string, string]>(['key', ''], ['key, k2', ''], ['key', 'k2'], ['k2, key', 'key, k2']);
    await fc.assert(
      fc.asyncProperty(leftTable, rightTable, keys, fc.constantFrom('inner', 'left'), async (left, right, [leftKeys, rightKeys], kind) => {
        const split = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
        const expected = outcome(() => rowJoin(left, right, split(leftKeys), split(rightKeys || leftKeys), kind));
        const config = { leftKeys, rightKeys, kind };
        for (const [l, r] of [[left, right], [fromRows(left), fromRows(right)], [left, fromRows(right)]]) {
          const got = await run(join, { left: l, right: r }, config).then((x) => x.outputs.rows, (e: Error) => e.name);
          expect(got, JSON.stringify(config)).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('pivot', async () => {
    const configs = fc.constantFrom<[string, string, string]>(['key', 'cat', 'amount'], ['key, k2', 'cat', ''], ['', 'key', 'amount'], ['cat', 'key', 'when'], ['k2', 'when', 'amount']);
    await fc.assert(
      fc.asyncProperty(leftTable, configs, async (rows, [rowKeys, pivotColumn, valueColumn]) => {
        const split = rowKeys.split(',').map((s) => s.trim()).filter(Boolean);
        const expected = outcome(() => rowPivot(rows, split, pivotColumn, valueColumn));
        for (const input of forms(rows)) {
          const got = await run(pivot, { rows: input }, { rowKeys, pivotColumn, valueColumn, aggregate: 'sum' }).then((x) => x.outputs.rows, (e: Error) => e.name);
          expect(got, `${rowKeys} / ${pivotColumn} / ${valueColumn}`).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });

  it('deduplicate', async () => {
    await fc.assert(
      fc.asyncProperty(leftTable, fc.constantFrom('', 'key', 'key, k2', 'cat, when', 'when'), fc.constantFrom('first', 'last'), async (rows, columns, keep) => {
        const expected = outcome(() => rowDeduplicate(rows, columns.split(',').map((s) => s.trim()).filter(Boolean), keep));
        for (const input of forms(rows)) {
          const got = await run(deduplicate, { rows: input }, { columns, keep }).then((x) => x.outputs, (e: Error) => e.name);
          expect(got, `${columns} ${keep}`).to.deep.equal(expected);
        }
      }),
      RUNS,
    );
  });
});

describe('columnar keys of several columns at scale', () => {
  it('tells thousands of key pairs apart (the pair table grows), as the row versions do', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({ a: i % 97, b: `t${i % 89}`, c: i % 3 ? i % 7 : null }));
    const expected = rowDeduplicate(rows, [], 'first');
    expect(expected.rows.length, 'many distinct keys').to.be.greaterThan(3000);
    expect((await run(deduplicate, { rows: fromRows(rows) }, {})).outputs).to.deep.equal(expected);
    const right = expected.rows.slice(0, 2000).map((row, i) => ({ ...row, n: i }));
    const joined = (await run(join, { left: fromRows(rows), right: fromRows(right) }, { leftKeys: 'a, b, c', kind: 'left' })).outputs.rows;
    expect(joined).to.deep.equal(rowJoin(rows, right, ['a', 'b', 'c'], ['a', 'b', 'c'], 'left'));
  });
});

describe('columnar join, pivot and deduplicate on tables moved between two real workers', () => {
  const url = new URL('./fixtures/columnar-worker.js', import.meta.url);
  let encoder: Worker;
  let runner: Worker;
  beforeEach(() => ([encoder, runner] = [new Worker(url, { type: 'module' }), new Worker(url, { type: 'module' })]));
  afterEach(() => (encoder.terminate(), runner.terminate()));
  const reply = (worker: Worker) => new Promise<Record<string, unknown>>((resolve) => (worker.onmessage = ({ data }) => resolve(data)));

  /** Each table encoded in one worker and transferred to the other, which runs the node on it. */
  async function runAcross(path: string, tables: Record<string, Row[]>, config: Record<string, unknown>) {
    const ports: Record<string, MessagePort> = {};
    const answer = reply(runner);
    const sent: Record<string, unknown>[] = [];
    for (const [name, rows] of Object.entries(tables)) {
      const channel = new MessageChannel();
      ports[name] = channel.port2;
      const done = reply(encoder);
      encoder.postMessage({ kind: 'encode', rows, port: channel.port1 }, [channel.port1]);
      sent.push(await done);
    }
    const module = new URL(`../../src/nodes/transform/${path}.js`, import.meta.url).href;
    runner.postMessage({ kind: 'run', url: module, config, ports }, Object.values(ports));
    const result = await answer;
    expect(result.columnar, 'the node got columnar tables').to.equal(true);
    expect(sent.every((s) => s.detached), 'the buffers were moved, not copied').to.equal(true);
    return result.error ?? result.outputs;
  }

  it('join, pivot and deduplicate give the row versions\' answers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(leftTable, rightTable, fc.constantFrom('inner', 'left'), async (left, right, kind) => {
        const joined = await runAcross('join', { left, right }, { leftKeys: 'key, k2', kind });
        expect(joined).to.deep.equal(outcome(() => ({ rows: rowJoin(left, right, ['key', 'k2'], ['key', 'k2'], kind) })));
        const pivoted = await runAcross('pivot', { rows: left }, { rowKeys: 'key', pivotColumn: 'cat', valueColumn: 'amount', aggregate: 'sum' });
        expect(pivoted).to.deep.equal(outcome(() => ({ rows: rowPivot(left, ['key'], 'cat', 'amount') })));
        const unique = await runAcross('deduplicate', { rows: right }, { columns: '', keep: kind === 'left' ? 'last' : 'first' });
        expect(unique).to.deep.equal(outcome(() => rowDeduplicate(right, [], kind === 'left' ? 'last' : 'first')));
      }),
      { numRuns: 15 },
    );
  });
});
