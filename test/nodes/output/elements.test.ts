import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { V2uChartView } from '../../../src/nodes/output/chart.element.js';
import chartNode from '../../../src/nodes/output/chart.js';
import { V2uExportButton } from '../../../src/nodes/output/export.element.js';
import exportNode from '../../../src/nodes/output/export.js';
import { V2uJsonView } from '../../../src/nodes/output/json.element.js';
import { V2uTableView } from '../../../src/nodes/output/table.element.js';
import tableNode from '../../../src/nodes/output/table.js';
import { run } from '../run-node.js';

// Fresh tag names: the lazy loader defines the real v2u-node-output-* tags, not these tests.
customElements.define('test-table-view', V2uTableView);
customElements.define('test-chart-view', V2uChartView);
customElements.define('test-json-view', V2uJsonView);
customElements.define('test-export-button', V2uExportButton);

const HOSTILE = '<img src=x onerror=alert(1)>';

const fetchFails = (url: string) => fetch(url).then(() => false, () => true);
const shadow = (el: Element) => el.shadowRoot!;
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent!.trim());

describe('v2u-node-output-table element', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i, name: `row ${i}`, amount: (i * 7919) % 1000 }));

  it('shows the row count and only the rows in view', async () => {
    const data = (await run(tableNode, { rows })).outputs;
    const el = await fixture<V2uTableView>(html`<test-table-view .data=${data}></test-table-view>`);
    expect(shadow(el).querySelector('[part=count]')!.textContent).to.equal('10,000 rows');
    const visible = shadow(el).querySelectorAll('[part=row]');
    expect(visible.length, 'virtualized').to.be.within(5, 30);
    expect(visible[0].textContent).to.contain('row 0');
  });

  it('scrolls to later rows', async () => {
    const el = await fixture<V2uTableView>(html`<test-table-view .data=${(await run(tableNode, { rows })).outputs}></test-table-view>`);
    const viewport = shadow(el).querySelector('[part=viewport]') as HTMLElement;
    viewport.scrollTop = 24 * 5000;
    viewport.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    expect(texts(shadow(el), '[part=row]').some((t) => t.includes('row 5000'))).to.equal(true);
    expect(texts(shadow(el), '[part=row]').some((t) => t.includes('row 0'))).to.equal(false);
  });

  it('sorts by a clicked column, then reverses', async () => {
    const el = await fixture<V2uTableView>(html`<test-table-view .data=${(await run(tableNode, { rows })).outputs}></test-table-view>`);
    const amount = [...shadow(el).querySelectorAll('[part=sort-button]')].find((b) => b.textContent!.includes('amount')) as HTMLElement;
    amount.click();
    await el.updateComplete;
    expect(amount.getAttribute('aria-sort')).to.equal('ascending');
    expect(shadow(el).querySelector('[part=row] .cell:last-child')!.textContent).to.equal('0');
    amount.click();
    await el.updateComplete;
    expect(amount.getAttribute('aria-sort')).to.equal('descending');
    expect(shadow(el).querySelector('[part=row] .cell:last-child')!.textContent).to.equal('999');
  });

  it('renders hostile strings as text, and copes with no data', async () => {
    const data = (await run(tableNode, { rows: [{ [HOSTILE]: HOSTILE }] })).outputs;
    const el = await fixture<V2uTableView>(html`<test-table-view .data=${data}></test-table-view>`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(texts(shadow(el), '.cell')).to.deep.equal([HOSTILE]);
    expect(texts(shadow(el), '[part=sort-button]')).to.deep.equal([HOSTILE]);
    const empty = await fixture<V2uTableView>(html`<test-table-view></test-table-view>`);
    expect(shadow(empty).textContent).to.contain('No data yet');
  });
});

describe('v2u-node-output-chart element', () => {
  const rows = [{ m: 'Jan', a: 10, b: 4 }, { m: 'Feb', a: -3, b: null }, { m: HOSTILE, a: 7, b: 2 }];

  it('draws grouped bars with axes, ticks and a legend', async () => {
    const data = (await run(chartNode, { rows }, { x: 'm', y: 'a, b', title: HOSTILE })).outputs;
    const el = await fixture<V2uChartView>(html`<test-chart-view .data=${data}></test-chart-view>`);
    // Drawn at its measured width (the page's) once the ResizeObserver reports: room for every label whole.
    await waitUntil(() => shadow(el).querySelector('svg')?.getAttribute('viewBox') === `0 0 ${shadow(el).querySelector('.plot')!.clientWidth} ${shadow(el).querySelector('.plot')!.clientHeight}`, 'the chart is drawn at its size');
    expect(shadow(el).querySelectorAll('rect.bar').length, 'one bar per non-empty value').to.equal(5);
    expect(shadow(el).querySelectorAll('line.axis').length).to.equal(2);
    expect(texts(shadow(el), '[part=legend] li')).to.deep.equal(['a', 'b']);
    expect(texts(shadow(el), 'text.tick')).to.include.members(['Jan', 'Feb', HOSTILE]);
    expect(shadow(el).querySelector('.title')!.textContent).to.equal(HOSTILE);
    expect(shadow(el).querySelector('img')).to.equal(null);
  });

  it('draws a line with a gap for an empty value, and a pie with a slice per label', async () => {
    const lineData = (await run(chartNode, { rows }, { kind: 'line', x: 'm', y: 'b' })).outputs;
    const lineEl = await fixture<V2uChartView>(html`<test-chart-view .data=${lineData}></test-chart-view>`);
    const d = shadow(lineEl).querySelector('path.line')!.getAttribute('d')!;
    expect(d.match(/M/g)!.length, 'the null breaks the line into two pieces').to.equal(2);
    const pieData = (await run(chartNode, { rows }, { kind: 'pie', x: 'm', y: 'a' })).outputs;
    const pieEl = await fixture<V2uChartView>(html`<test-chart-view .data=${pieData}></test-chart-view>`);
    expect(shadow(pieEl).querySelectorAll('path.slice').length).to.equal(3);
    expect(texts(shadow(pieEl), '[part=legend] li')).to.deep.equal(['Jan', 'Feb', HOSTILE]);
  });
});

describe('v2u-node-output-json element', () => {
  it('shows a collapsible tree with text-only keys and values', async () => {
    const value = { [HOSTILE]: HOSTILE, list: [1, true, null], nested: { deep: { x: 'ü' } } };
    const el = await fixture<V2uJsonView>(html`<test-json-view .data=${{ value }}></test-json-view>`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(texts(shadow(el), '[part=key]')).to.include(HOSTILE);
    expect(texts(shadow(el), '.string')).to.include(`"${HOSTILE}"`);
    const nested = [...shadow(el).querySelectorAll('details')].find((d) => d.querySelector('summary')!.textContent!.includes('nested'))!;
    expect(nested.open, 'deeper levels start closed').to.equal(false);
    nested.querySelector('summary')!.click();
    await waitUntil(() => nested.open);
    expect(nested.textContent).to.contain('deep');
  });

  it('summarizes long lists and shows plain values', async () => {
    const el = await fixture<V2uJsonView>(html`<test-json-view .data=${{ value: Array.from({ length: 250 }, (_, i) => i) }}></test-json-view>`);
    expect(shadow(el).querySelector('summary')!.textContent).to.contain('[250 items]');
    expect(shadow(el).querySelector('.more')!.textContent).to.contain('150 more');
    const zero = await fixture<V2uJsonView>(html`<test-json-view .data=${{ value: 0 }}></test-json-view>`);
    expect(texts(shadow(zero), '.number')).to.deep.equal(['0']);
  });
});

describe('v2u-node-output-export element', () => {
  it('offers a download link whose blob holds the file text', async () => {
    const data = (await run(exportNode, { data: [{ name: HOSTILE, city: 'Zürich' }] }, { fileName: 'people' })).outputs;
    const el = await fixture<V2uExportButton>(html`<test-export-button .data=${data}></test-export-button>`);
    const link = shadow(el).querySelector('a[part=button]') as HTMLAnchorElement;
    expect(link.download).to.equal('people.csv');
    expect(link.textContent).to.match(/^Download people\.csv \(\d+ B\)$/);
    const response = await fetch(link.href);
    expect(await response.text()).to.equal(`name,city\n${HOSTILE},Zürich`);
    expect(response.headers.get('content-type')).to.equal('text/csv;charset=utf-8');
  });

  it('revokes the blob URL on disconnect and on new data', async () => {
    const data = (await run(exportNode, { data: { a: 1 } }, { format: 'json' })).outputs;
    const el = await fixture<V2uExportButton>(html`<test-export-button .data=${data}></test-export-button>`);
    const first = (shadow(el).querySelector('a') as HTMLAnchorElement).href;
    el.data = (await run(exportNode, { data: { a: 2 } }, { format: 'json' })).outputs as V2uExportButton['data'];
    await el.updateComplete;
    const second = (shadow(el).querySelector('a') as HTMLAnchorElement).href;
    expect(second).not.to.equal(first);
    expect(await fetchFails(first), 'the old URL is revoked').to.equal(true);
    expect(await fetchFails(second), 'the current URL works').to.equal(false);
    el.remove();
    expect(await fetchFails(second), 'revoked on disconnect').to.equal(true);
  });
});
