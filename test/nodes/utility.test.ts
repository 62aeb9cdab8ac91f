import { expect } from '@open-wc/testing';
import delay from '../../src/nodes/utility/delay.js';
import hash from '../../src/nodes/utility/hash.js';
import merge from '../../src/nodes/utility/merge.js';
import note from '../../src/nodes/utility/note.js';
import validate from '../../src/nodes/utility/validate.js';
import { failure, run } from './run-node.js';

describe('utility/note', () => {
  it('has no ports and computes nothing', async () => {
    expect([Object.keys(note.inputs), Object.keys(note.outputs)]).to.deep.equal([[], []]);
    expect((await run(note)).outputs).to.deep.equal({});
  });
});

describe('utility/merge', () => {
  it('concatenates tables and merges objects, skipping unconnected inputs', async () => {
    expect((await run(merge, { first: [{ a: 1 }], third: [{ b: 2 }, { a: 3 }] })).outputs.value).to.deep.equal([{ a: 1 }, { b: 2 }, { a: 3 }]);
    expect((await run(merge, { first: { a: 1, b: 1 }, second: { b: 2 } })).outputs.value).to.deep.equal({ a: 1, b: 2 });
    expect((await run(merge, { second: [] })).outputs.value).to.deep.equal([]);
  });

  it('refuses a mix and nothing at all', async () => {
    expect((await failure(merge, { first: [1], second: { a: 1 } })).message).to.contain('must be all tables/lists or all objects');
    expect((await failure(merge)).code).to.equal('missing-input');
  });
});

describe('utility/delay', () => {
  it('waits, then passes the value on', async () => {
    const start = performance.now();
    expect((await run(delay, { value: 'x' }, { ms: 30 })).outputs.value).to.equal('x');
    expect(performance.now() - start).to.be.at.least(25);
  });

  it('stops waiting when cancelled and checks its config', async () => {
    const controller = new AbortController();
    const start = performance.now();
    setTimeout(() => controller.abort(), 10);
    expect((await failure(delay, { value: 1 }, { ms: 60_000 }, controller.signal)).name).to.equal('AbortError');
    expect(performance.now() - start).to.be.below(5000);
    expect((await failure(delay, {}, { ms: -1 })).code).to.equal('bad-config');
  });
});

describe('utility/hash', () => {
  const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it('hashes text with SHA-256 (known vectors) and other algorithms', async () => {
    expect((await run(hash, { value: '' })).outputs.value).to.equal(EMPTY);
    expect((await run(hash, { value: 'abc' })).outputs.value).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(((await run(hash, { value: 'abc' }, { algorithm: 'SHA-512' })).outputs.value as string).length).to.equal(128);
  });

  it('hashes objects canonically, whatever their key order', async () => {
    const a = (await run(hash, { value: { x: 1, y: [{ b: 2, a: 'ü' }] } })).outputs.value;
    const b = (await run(hash, { value: { y: [{ a: 'ü', b: 2 }], x: 1 } })).outputs.value;
    expect(a).to.equal(b);
  });

  it('adds a hash column to each row, leaving empty cells empty', async () => {
    const rows = [{ email: '' }, { email: 'ana@example.com' }, { email: null }];
    const { value } = (await run(hash, { value: rows }, { column: 'email' })).outputs as { value: Record<string, unknown>[] };
    expect(value.map((r) => r.email_hash)).to.deep.equal([EMPTY, value[1].email_hash, null]);
    expect(value[1].email_hash).to.match(/^[0-9a-f]{64}$/);
    expect((await failure(hash, { value: 'x' }, { column: 'email' })).message).to.contain('needs a table');
    expect(hash.performance?.backgroundProcessing).to.equal(true);
  });
});

describe('utility/validate', () => {
  const rows = [
    { email: 'ana@example.com', amount: 5, tier: 'gold' },
    { email: 'not an email', amount: -1, tier: 'gold' },
    { email: null, amount: '7', tier: 'tin' },
  ];
  const rules = { email: { required: true, pattern: '^[^@\\s]+@[^@\\s]+$' }, amount: { type: 'number', min: 0, max: 10 }, tier: { oneOf: ['gold', 'silver'] } };

  it('splits valid and invalid rows and says why', async () => {
    const { valid, invalid } = (await run(validate, { rows }, { rules })).outputs as { valid: unknown[]; invalid: { errors: string[] }[] };
    expect(valid).to.deep.equal([rows[0]]);
    expect(invalid.map((r) => r.errors)).to.deep.equal([
      ['email does not match ^[^@\\s]+@[^@\\s]+$', 'amount must be at least 0'],
      ['email is required', 'amount must be a number', 'tier must be one of gold, silver'],
    ]);
  });

  it('rejects bad rules with the column named', async () => {
    expect((await failure(validate, { rows }, { rules: { email: { pattern: '(' } } })).message).to.contain('rules.email.pattern is not a valid pattern');
    expect((await failure(validate, { rows }, { rules: [] })).code).to.equal('bad-config');
    expect((await run(validate, { rows: [] }, { rules })).outputs).to.deep.equal({ valid: [], invalid: [] });
  });
});
