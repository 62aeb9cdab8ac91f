import { expect, fixture, html } from '@open-wc/testing';
import { V2uChartView } from '../../../src/nodes/output/chart.element.js';
import chartNode from '../../../src/nodes/output/chart.js';
import { V2uTableView } from '../../../src/nodes/output/table.element.js';
import tableNode from '../../../src/nodes/output/table.js';
import { compactNumber } from '../../../src/nodes/shared/format.js';
import { run } from '../run-node.js';
import { inside, overlap } from '../../fixtures/boxes.js';

// Previews in the size a node gives them (168 × 140 CSS pixels, as the node shell's body):
// nothing spills out, nothing is cut while there is room, no two labels overlap.

customElements.define('test-table-sizing', class extends V2uTableView {});
customElements.define('test-chart-sizing', class extends V2uChartView {});


/** A preview inside a box the size of a node's body. */
async function inBody<T extends HTMLElement>(tag: string, data: unknown, width = 168, height = 140): Promise<{ body: HTMLElement; el: T }> {
  const body = await fixture<HTMLElement>(html`<div style="position: relative; width: ${width}px; height: ${height}px"></div>`);
  const el = document.createElement(tag) as T;
  Object.assign(el, { data });
  body.append(el);
  // Two frames: the second one shows what a ResizeObserver reported in the first.
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { body, el };
}

describe('table preview in a node', () => {
  const customers = Array.from({ length: 40 }, (_, i) => ({
    customerId: `C-${1000 + i}`,
    name: `Customer ${i}`,
    email: `c${i}@example.com`,
    note: i === 3 ? 'a remark much too long to be shown whole in any column of a preview this small' : '',
  }));

  it('never overflows its node, however many and wide its columns', async () => {
    const { body, el } = await inBody<V2uTableView>('test-table-sizing', (await run(tableNode, { rows: customers })).outputs);
    const box = body.getBoundingClientRect();
    for (const part of [el, ...el.shadowRoot!.querySelectorAll('[part=count], [part=viewport]')])
      expect(inside(part.getBoundingClientRect(), box), `${(part as HTMLElement).getAttribute('part') ?? 'table'} inside the node`).to.equal(true);
    const viewport = el.shadowRoot!.querySelector<HTMLElement>('[part=viewport]')!;
    expect(viewport.scrollWidth, 'wide columns scroll sideways inside the node').to.be.greaterThan(viewport.clientWidth);
  });

  it('sizes columns to their content: headers whole, a value cut (with a tooltip) only past the maximum', async () => {
    const { el } = await inBody<V2uTableView>('test-table-sizing', (await run(tableNode, { rows: customers })).outputs);
    const root = el.shadowRoot!;
    for (const header of root.querySelectorAll<HTMLElement>('[part=sort-button]'))
      expect(header.scrollWidth, `header ${header.textContent!.trim()} is not clipped`).to.be.at.most(header.clientWidth);
    const cells = [...root.querySelectorAll<HTMLElement>('[role=cell]')];
    const clipped = cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent);
    expect(clipped, 'only the over-long remark is cut').to.deep.equal([customers[3].note]);
    expect(cells.filter((c) => c.title).map((c) => c.title)).to.deep.equal([customers[3].note]);
  });

  it('fills the node when its columns are narrow', async () => {
    const { el } = await inBody<V2uTableView>('test-table-sizing', (await run(tableNode, { rows: [{ a: 1, b: 2 }] })).outputs);
    const viewport = el.shadowRoot!.querySelector<HTMLElement>('[part=viewport]')!;
    const header = el.shadowRoot!.querySelector<HTMLElement>('[part=header]')!;
    expect(viewport.scrollWidth).to.equal(viewport.clientWidth);
    expect(header.getBoundingClientRect().width).to.be.closeTo(viewport.clientWidth, 1);
  });
});

describe('chart preview in a node', () => {
  const regions = ['Europe', 'North America', 'Middle East', 'Latin America', 'Asia Pacific'];

  async function chart(labels: string[], width = 168, height = 140, value = (i: number) => 10_254_554 - i * 137_000) {
    const rows = labels.map((region, i) => ({ region, revenue: value(i) }));
    const data = (await run(chartNode, { rows }, { x: 'region', y: 'revenue' })).outputs;
    return inBody<V2uChartView>('test-chart-sizing', data, width, height);
  }

  /** Pairs of x labels whose boxes overlap, and labels outside the chart. */
  function labelProblems(el: V2uChartView, body: HTMLElement): string[] {
    const ticks = [...el.shadowRoot!.querySelectorAll<SVGTextElement>('text.x-tick')];
    const boxes = ticks.map((t) => t.getBoundingClientRect());
    const problems: string[] = [];
    boxes.forEach((a, i) => {
      if (!inside(a, body.getBoundingClientRect())) problems.push(`"${ticks[i].textContent}" leaves the node`);
      boxes.slice(i + 1).forEach((b, j) => overlap(a, b) && problems.push(`"${ticks[i].textContent}" overlaps "${ticks[i + 1 + j].textContent}"`));
    });
    return problems;
  }

  it('long category names: x labels never overlap and stay in the node', async () => {
    const { body, el } = await chart(regions);
    expect(el.shadowRoot!.querySelectorAll('text.x-tick').length, 'some labels are written').to.be.greaterThan(1);
    expect(labelProblems(el, body)).to.deep.equal([]);
  });

  it('many categories: labels are thinned, never overlapping', async () => {
    const { body, el } = await chart(Array.from({ length: 60 }, (_, i) => `Category ${i + 1}`));
    expect(el.shadowRoot!.querySelectorAll('text.x-tick').length).to.be.within(2, 20);
    expect(labelProblems(el, body)).to.deep.equal([]);
  });

  it('with room, every label is written whole', async () => {
    const { body, el } = await chart(regions, 640, 240);
    expect([...el.shadowRoot!.querySelectorAll('text.x-tick')].map((t) => t.textContent)).to.deep.equal(regions);
    expect(labelProblems(el, body)).to.deep.equal([]);
  });

  it('draws at the size of its node, so text keeps its font size', async () => {
    const { body, el } = await chart(regions);
    const svg = el.shadowRoot!.querySelector('svg')!;
    const drawn = svg.getBoundingClientRect();
    expect(inside(drawn, body.getBoundingClientRect()), 'the chart inside the node').to.equal(true);
    expect(svg.getAttribute('viewBox'), 'drawn at its size, not scaled').to.equal(`0 0 ${drawn.width} ${drawn.height}`);
    const tick = el.shadowRoot!.querySelector('text.tick')!.getBoundingClientRect();
    expect(tick.height, 'tick text at about 11px, not scaled down').to.be.within(10, 16);
  });

  it('moved to another node body, it follows that body size', async () => {
    const { el } = await chart(regions);
    const other = await fixture<HTMLElement>(html`<div style="position: relative; width: 300px; height: 140px"></div>`);
    other.append(el);
    other.style.width = '420px';
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(Number(svg.getAttribute('viewBox')!.split(' ')[2]), 'drawn at the new body width').to.be.closeTo(other.getBoundingClientRect().width, 2);
  });

  it('y ticks read compactly (10M, not 10000000)', async () => {
    const { el } = await chart(regions);
    const yTicks = [...el.shadowRoot!.querySelectorAll('text.tick:not(.x-tick)')].map((t) => t.textContent!);
    expect(yTicks).to.include('10M');
    for (const tick of yTicks) expect(tick).to.match(/^-?\d+(\.\d)?[KMBT]?$/);
  });

  it('y ticks of fractions read as decimals (0.4, not 400m)', async () => {
    const { el } = await chart(regions, 168, 140, (i) => 0.2 + i * 0.15);
    const yTicks = [...el.shadowRoot!.querySelectorAll('text.tick:not(.x-tick)')].map((t) => t.textContent!);
    expect(yTicks).to.include('0.4');
    for (const tick of yTicks) expect(tick).to.match(/^\d+(\.\d+)?$/);
  });
});

describe('compactNumber', () => {
  it('writes 1.2M, 3.4K, 950 and negatives', () => {
    expect([1_234_567, 3_400, 950, -12_000, 0, 2_500_000_000].map(compactNumber)).to.deep.equal(['1.2M', '3.4K', '950', '-12K', '0', '2.5B']);
  });
});
