import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import compute from '../../src/nodes/transform/compute.js';
import decisionTable from '../../src/nodes/transform/decision-table.js';
import group from '../../src/nodes/transform/group.js';
import join from '../../src/nodes/transform/join.js';
import pivot from '../../src/nodes/transform/pivot.js';
import select from '../../src/nodes/transform/select.js';
import merge from '../../src/nodes/utility/merge.js';
import { run } from './run-node.js';

type Row = Record<string, unknown>;

/** Names every object inherits or that set its prototype, and any other column name. */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const columnName = fc.oneof(fc.constantFrom(...HOSTILE), fc.stringMatching(/^[a-z][a-z_]{0,8}$/).filter((k) => !['id', 'n', 'x', 'kind'].includes(k)));

/** An object with `key` as an own property, as JSON.parse makes it (`o[key] = value` would set the prototype of `__proto__`). */
const own = (key: string, value: unknown): Row => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`);

/** The row has `key` as its own column with `value`, and an ordinary prototype. */
function expectCell(row: Row, key: string, value: unknown, what: string): void {
  expect(Object.getPrototypeOf(row), `${what}: the row's prototype`).to.equal(Object.prototype);
  expect(Object.hasOwn(row, key), `${what}: "${key}" is a column of ${JSON.stringify(row)}`).to.equal(true);
  expect(row[key], `${what}: "${key}"`).to.deep.equal(value);
}

const rowsOf = (outputs: Record<string, unknown>) => outputs.rows as Row[];

describe('hostile column names never read inherited properties nor vanish (fast-check)', () => {
  const property = (check: (key: string) => Promise<void>) => fc.assert(fc.asyncProperty(columnName, check), { numRuns: 40, examples: HOSTILE.map((k) => [k]) });

  it('decision table: an output only some rules set reads as empty, not as Object.prototype', () =>
    property(async (key) => {
      const rules = [{ when: 'n > 5', then: own(key, 2) }, { when: 'n > 0', then: { x: 1 } }];
      const rows = [{ n: 9 }, { n: 1 }, { n: 0 }];
      for (const hitPolicy of ['first', 'collect']) {
        const out = rowsOf((await run(decisionTable, { rows }, { rules, hitPolicy, otherwise: { x: 0 } })).outputs);
        const empty = hitPolicy === 'first' ? null : [];
        expectCell(out[0], key, hitPolicy === 'first' ? 2 : [2], `${hitPolicy}, rule 1`);
        expectCell(out[1], key, empty, `${hitPolicy}, rule 2 does not set it`);
        expectCell(out[2], key, hitPolicy === 'first' ? null : [], `${hitPolicy}, otherwise does not set it`);
      }
    }));

  it('compute: a computed column of any name is a column', () =>
    property(async (key) => {
      const out = rowsOf((await run(compute, { rows: [{ n: 1 }, { n: 2 }] }, { column: key, expression: 'n * 10' })).outputs);
      out.forEach((row, i) => expectCell(row, key, (i + 1) * 10, `row ${i}`));
    }));

  it('group: an aggregate of any name is a column, and a group key of any name is read from the row itself', () =>
    property(async (key) => {
      const rows = [own(key, 'a'), own(key, 'a'), { n: 1 }];
      const out = rowsOf((await run(group, { rows }, { groupBy: key, aggregations: 'rows_in_group = count()' })).outputs);
      expect(out.map((r) => r[key])).to.deep.equal(['a', null]);
      const named = rowsOf((await run(group, { rows: [{ n: 1 }, { n: 1 }] }, { groupBy: 'n', aggregations: `${key} = count()` })).outputs);
      expectCell(named[0], key, 2, 'the aggregate');
    }));

  it('pivot: a pivot value of any name becomes a column', () =>
    property(async (key) => {
      const rows = [{ id: 1, kind: key, n: 3 }, { id: 1, kind: 'other', n: 4 }];
      const out = rowsOf((await run(pivot, { rows }, { rowKeys: 'id', pivotColumn: 'kind', valueColumn: 'n', aggregate: 'sum' })).outputs);
      expectCell(out[0], key, 3, 'the pivot column');
    }));

  it('select and join: a column some rows lack reads as empty', () =>
    property(async (key) => {
      const rows = [{ id: 1, ...own(key, 'v') }, { id: 2 }];
      const picked = rowsOf((await run(select, { rows }, { columns: `id, ${key}` })).outputs);
      expectCell(picked[0], key, 'v', 'select, row 0');
      expectCell(picked[1], key, null, 'select, row 1 lacks it');
      const joined = rowsOf((await run(join, { left: [{ id: 1 }, { id: 2 }], right: rows }, { leftKeys: 'id', rightKeys: 'id', kind: 'left' })).outputs);
      expectCell(joined[0], key, 'v', 'join, row 0');
      expectCell(joined[1], key, null, 'join, row 1');
    }));

  it('merge: objects with any key merge into a plain object', () =>
    property(async (key) => {
      const { value } = (await run(merge, { first: own(key, { polluted: true }), second: { id: 1 } })).outputs as { value: Row };
      expectCell(value, key, { polluted: true }, 'merged');
      expect(({} as Row).polluted, 'nothing reached Object.prototype').to.equal(undefined);
    }));
});
