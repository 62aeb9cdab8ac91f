import { expect } from '@open-wc/testing';
import { formatDuration, formatValue, previewOutput } from '../../../src/core/engine/preview.js';

describe('previewOutput', () => {
  it('shows the first rows of a table with every column seen', () => {
    const rows = Array.from({ length: 9 }, (_, i) => ({ id: i, name: `n${i}`, ...(i === 1 ? { extra: true } : {}) }));
    const preview = previewOutput({ rows }, { rows: 3 });
    expect(preview).to.deep.equal({ kind: 'table', port: 'rows', columns: ['id', 'name', 'extra'], rows: [['0', 'n0', 'undefined'], ['1', 'n1', 'true'], ['2', 'n2', 'undefined']], totalRows: 9 });
  });

  it('shows values as short text and empty outputs as empty', () => {
    expect(previewOutput({ value: 42 })).to.deep.equal({ kind: 'value', port: 'value', text: '42' });
    expect(previewOutput({})).to.deep.equal({ kind: 'empty' });
    expect(formatValue(new Float64Array(4))).to.equal('Float64Array(4)');
    expect(formatValue('x'.repeat(100), 10)).to.equal(`${'x'.repeat(9)}…`);
    expect(formatValue({ a: [1, 2] })).to.equal('{"a":[1,2]}');
  });

  it('formats durations for the node shell', () => {
    expect([0, 35.4, 1234, 59999, 125000, NaN].map(formatDuration)).to.deep.equal(['0 ms', '35 ms', '1.2 s', '60.0 s', '2 min 05 s', '']);
  });
});
