import { expect } from '@open-wc/testing';
import decisionTable from '../../src/nodes/transform/decision-table.js';
import formula from '../../src/nodes/transform/formula.js';
import switchNode from '../../src/nodes/transform/switch.js';
import template from '../../src/nodes/transform/template.js';
import { failure, run } from './run-node.js';

const orders = [{ amount: 1500, region: 'EU' }, { amount: 150, region: 'US' }, { amount: 15, region: 'EU' }, { amount: null, region: 'EU' }];

describe('transform/decision-table', () => {
  it('first hit: the first matching rule, or the otherwise values', async () => {
    const { rows } = (await run(decisionTable, { rows: orders })).outputs as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => [r.tier, r.discount])).to.deep.equal([['gold', 0.1], ['silver', 0.05], ['bronze', 0], ['bronze', 0]]);
  });

  it('collect: every output becomes the list of all hits', async () => {
    const rules = [{ when: 'region = "EU"', then: { tag: 'eu' } }, { when: 'amount > 100', then: { tag: 'big', flag: true } }];
    const { rows } = (await run(decisionTable, { rows: orders }, { hitPolicy: 'collect', rules, otherwise: {} })).outputs as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => [r.tag, r.flag])).to.deep.equal([[['eu', 'big'], [true]], [['big'], [true]], [['eu'], []], [['eu'], []]]);
  });

  it('names the rule whose condition is wrong, with its position', async () => {
    const rules = [{ when: 'amount > 1', then: {} }, { when: 'amount >', then: {} }];
    const error = await failure(decisionTable, { rows: orders }, { rules });
    expect(error.message).to.contain('rules[1].when "amount >"');
    expect(error.message).to.match(/at position \d+/);
    expect((await failure(decisionTable, { rows: orders }, { rules: [{ if: 'x' }] })).message).to.contain('rules[0] must be { "when"');
    expect((await failure(decisionTable, { rows: orders }, { rules: [] })).code).to.equal('bad-config');
  });
});

describe('transform/switch', () => {
  it('routes each row to its first matching case', async () => {
    const { outputs } = await run(switchNode, { rows: orders });
    expect(outputs.case1).to.deep.equal([orders[0]]);
    expect(outputs.case2).to.deep.equal([orders[1]]);
    expect(outputs.case3).to.deep.equal([]);
    expect(outputs.otherwise).to.deep.equal([orders[2], orders[3]]);
  });

  it('in all mode a row goes to every matching case', async () => {
    const { outputs } = await run(switchNode, { rows: orders }, { case3: 'region = "EU"', mode: 'all' });
    expect(outputs.case1).to.deep.equal([orders[0]]);
    expect(outputs.case2).to.deep.equal([orders[0], orders[1]]);
    expect(outputs.case3).to.deep.equal([orders[0], orders[2], orders[3]]);
    expect(outputs.otherwise).to.deep.equal([]);
  });

  it('points at the case with a bad rule', async () => {
    expect((await failure(switchNode, { rows: [] }, { case2: 'amount >>> 1' })).message).to.contain('Switch: case2 "amount >>> 1"');
  });
});

describe('transform/template', () => {
  it('fills a template from an object, and one line per row of a table', async () => {
    expect((await run(template, { data: { name: 'Zoë <b>' } })).outputs.text).to.equal('Hello Zoë <b>!');
    const rows = [{ name: 'a', total: 1234.5 }, { name: 'b', total: null }];
    const text = (await run(template, { data: rows }, { template: "{{name}}: {{$formatNumber(total, '#,##0.00')}}", separator: ' | ' })).outputs.text;
    expect(text).to.equal('a: 1,234.50 | b: ');
  });

  it('handles no placeholders, objects and an unconnected input', async () => {
    expect((await run(template, {}, { template: 'plain' })).outputs.text).to.equal('plain');
    expect((await run(template, { data: { o: { k: [1] } } }, { template: '{{o}}' })).outputs.text).to.equal('{"k":[1]}');
  });

  it('reports positions within the whole template', async () => {
    const error = (await failure(template, { data: {} }, { template: 'Hi {{name +}}!' })) as Error & { position: number };
    expect(error.message).to.contain('template "Hi {{name +}}!"');
    expect(error.position, 'position counts from the start of the template').to.be.greaterThan(6);
    expect((await failure(template, { data: {} }, { template: 'Hi {{name' })).message).to.contain('has a "{{" at position 4 without its "}}"');
  });
});

describe('transform/formula', () => {
  it('computes from a, b and c', async () => {
    expect((await run(formula, { a: 2, b: 0.5 }, { expression: 'a * (1 + b)' })).outputs.value).to.equal(3);
    expect((await run(formula, { a: 10, b: 3 }, { expression: '$round(a / b, 2)' })).outputs.value).to.equal(3.33);
    expect((await run(formula, { a: 'x', b: 'ü' }, { expression: 'a & b' })).outputs.value).to.equal('xü');
  });

  it('names unconnected inputs, overflow and syntax errors', async () => {
    expect((await failure(formula, { a: 1 }, { expression: 'a + b' })).message).to.contain('inputs not connected: b, c');
    expect((await failure(formula, { a: 1e308, b: 1e308 }, { expression: 'a + b' })).message).to.contain('gave Infinity');
    const error = (await failure(formula, { a: 1 }, { expression: 'a + (b' })) as Error & { position: number; code?: string };
    expect(error.code).to.equal('bad-expression');
    expect(error.position).to.be.a('number');
  });
});
