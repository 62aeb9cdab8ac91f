import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { stableHash } from '../../../src/core/engine/stable-hash.js';

describe('stableHash', () => {
  it('is equal for a value and its structured clone', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => stableHash(value) === stableHash(structuredClone(value))));
  });

  it('ignores object key order but not array order', () => {
    expect(stableHash({ a: 1, b: [1, 2] })).to.equal(stableHash({ b: [1, 2], a: 1 }));
    expect(stableHash([1, 2])).to.not.equal(stableHash([2, 1]));
  });

  it('tells apart values that print alike', () => {
    const values = [1, '1', true, 'true', null, 'null', undefined, -0, 0, NaN, [1], { 0: 1 }, new Float64Array([1]), new Float32Array([1]), new Map([[1, 2]]), new Set([1, 2]), new Date(5), 1n];
    const hashes = new Set(values.map(stableHash));
    expect(hashes.size, 'one hash per distinct value').to.equal(values.length);
  });

  it('hashes typed array contents and survives cycles', () => {
    expect(stableHash(new Uint8Array([1, 2, 3]))).to.equal(stableHash(new Uint8Array([1, 2, 3])));
    expect(stableHash(new Uint8Array([1, 2, 3]))).to.not.equal(stableHash(new Uint8Array([1, 2, 4])));
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(stableHash(a)).to.equal(stableHash(structuredClone(a)));
  });
});
