import { expect } from '@open-wc/testing';
import chart from '../../src/nodes/output/chart.js';
import emit from '../../src/nodes/output/emit.js';
import exportNode from '../../src/nodes/output/export.js';
import json from '../../src/nodes/output/json.js';
import log from '../../src/nodes/output/log.js';
import table from '../../src/nodes/output/table.js';
import { failure, run } from './run-node.js';

const rows = [{ month: 'Jan', sales: 10, cost: '4' }, { month: 'Fév', sales: null, cost: 'n/a', extra: true }];

describe('output/table', () => {
  it('passes rows on with their columns and count', async () => {
    expect((await run(table, { rows })).outputs).to.deep.equal({ rows, columns: ['month', 'sales', 'cost', 'extra'], rowCount: 2 });
    expect((await run(table, { rows: [] })).outputs).to.deep.equal({ rows: [], columns: [], rowCount: 0 });
    expect((await failure(table)).code).to.equal('missing-input');
  });
});

describe('output/chart', () => {
  it('prepares labels and numeric series', async () => {
    const { chart: data } = (await run(chart, { rows }, { x: 'month', y: 'sales, cost', title: 'Q1' })).outputs;
    expect(data).to.deep.equal({
      kind: 'bar', title: 'Q1', labels: ['Jan', 'Fév'], truncated: false,
      series: [{ name: 'sales', values: [10, null] }, { name: 'cost', values: [4, null] }],
    });
  });

  it('uses one series for a pie, numbers rows without x, and caps points', async () => {
    const pie = (await run(chart, { rows }, { kind: 'pie', x: '', y: 'sales, cost' })).outputs.chart as { labels: string[]; series: unknown[] };
    expect(pie.labels).to.deep.equal(['1', '2']);
    expect(pie.series).to.have.length(1);
    const many = Array.from({ length: 2500 }, (_, i) => ({ x: i, y: i }));
    const capped = (await run(chart, { rows: many }, { x: 'x', y: 'y' })).outputs.chart as { labels: string[]; truncated: boolean };
    expect([capped.labels.length, capped.truncated]).to.deep.equal([2000, true]);
    expect((await failure(chart, { rows }, { x: 'month', y: 'profit' })).message).to.contain('"profit" not in the table');
  });
});

describe('output/json, output/emit, output/log', () => {
  it('json passes any value on, including falsy ones', async () => {
    expect((await run(json, { value: 0 })).outputs.value).to.equal(0);
    expect((await run(json, { value: null })).outputs.value).to.equal(null);
    expect((await failure(json)).message).to.contain('JSON view: input "value" is not connected');
  });

  it('emit outputs the data and its name', async () => {
    expect((await run(emit, { value: [1] }, { name: 'scores' })).outputs).to.deep.equal({ value: [1], name: 'scores' });
  });

  it('log writes to the context log with its label', async () => {
    const labelled = await run(log, { value: { a: 1 } }, { label: 'step 1' });
    expect(labelled.logs).to.deep.equal([['step 1', { a: 1 }]]);
    expect(labelled.outputs.value).to.deep.equal({ a: 1 });
    expect((await run(log, {})).logs).to.deep.equal([[undefined]]);
  });
});

describe('output/export', () => {
  it('writes CSV with quoting, unicode and nested values', async () => {
    const data = [{ name: 'Doe, "J"', city: 'Zürich' }, { name: 'x\ny', tags: ['a', 1], none: null }];
    const { file } = (await run(exportNode, { data }, { fileName: 'people' })).outputs;
    expect(file).to.deep.equal({
      text: 'name,city,tags,none\n"Doe, ""J""",Zürich,,\n"x\ny",,"[""a"",1]",',
      mime: 'text/csv;charset=utf-8',
      fileName: 'people.csv',
    });
  });

  it('guards against spreadsheet formulas unless told not to', async () => {
    const data = [{ a: '=HYPERLINK("http://x")', b: -5, c: '@SUM(1)' }];
    expect(((await run(exportNode, { data })).outputs.file as { text: string }).text).to.equal('a,b,c\n"\'=HYPERLINK(""http://x"")",-5,"\'@SUM(1)"');
    expect(((await run(exportNode, { data }, { escapeFormulas: false })).outputs.file as { text: string }).text).to.equal('a,b,c\n"=HYPERLINK(""http://x"")",-5,@SUM(1)');
  });

  it('writes JSON of any value and cleans the file name', async () => {
    const { file } = (await run(exportNode, { data: { n: 1 } }, { format: 'json', fileName: '../a:b.JSON' })).outputs as { file: { text: string; fileName: string; mime: string } };
    expect(JSON.parse(file.text)).to.deep.equal({ n: 1 });
    expect([file.fileName, file.mime]).to.deep.equal(['.._a_b.JSON', 'application/json']);
    expect((await failure(exportNode, { data: { n: 1 } })).message).to.contain('must be a table');
    expect(((await run(exportNode, { data: [] })).outputs.file as { text: string }).text).to.equal('');
  });
});
