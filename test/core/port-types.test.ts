import { expect } from '@open-wc/testing';
import { arePortTypesCompatible, formatPortType, parsePortType } from '../../src/core/index.js';

describe('port types', () => {
  it('parses and formats nested lists', () => {
    expect(formatPortType(parsePortType('list< list<number> >'))).to.equal('list<list<number>>');
  });

  it('rejects unknown types with the type named', () => {
    expect(() => parsePortType('list<money>', '$.inputs.a')).to.throw(/\$\.inputs\.a: unknown port type "list<money>"/);
  });

  const cases: Array<[string, string, boolean]> = [
    ['number', 'number', true],
    ['number', 'string', false],
    ['string', 'number', false],
    ['boolean', 'any', true],
    ['any', 'table', true],
    ['table', 'table', true],
    ['table', 'list<object>', true],
    ['list<object>', 'table', true],
    ['list<number>', 'table', false],
    ['table', 'object', false],
    ['list<number>', 'list<number>', true],
    ['list<number>', 'list<any>', true],
    ['list<number>', 'list<string>', false],
    ['list<list<number>>', 'list<list<any>>', true],
    ['object', 'list<object>', false],
  ];
  for (const [from, to, ok] of cases)
    it(`${from} → ${to} is ${ok ? 'allowed' : 'refused'}`, () => {
      expect(arePortTypesCompatible(from, to)).to.equal(ok);
    });
});
