import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { arc, line, pie } from 'd3-shape';
import { LitElement, css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { inlineStyle } from '../../elements/shared/inline-style.js';
import type { ChartData } from './chart.js';

const WIDTH = 360;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 12, bottom: 28, left: 44 };
const COLORS = ['#0969da', '#bf3989', '#1a7f37', '#bc4c00', '#8250df', '#0598bc', '#cf222e', '#9a6700'];
/** Past this many x labels, only every n-th is written so they do not overlap. */
const MAX_X_LABELS = 12;

type Point = { label: string; value: number | null };

/**
 * The Chart node's body: a bar, line or pie chart in SVG with axes and a legend. Geometry
 * comes from d3-scale and d3-shape; every label is a text binding, never markup.
 *
 * @summary Draws the chart prepared by the Chart node (bar, line or pie).
 *
 * @csspart svg - The chart's SVG.
 * @csspart legend - The legend list.
 *
 * @cssproperty --v2u-chart-axis-color - Axis lines and tick labels.
 *
 * @tagname v2u-node-output-chart
 */
export class V2uChartView extends LitElement {
  static override styles = css`
    :host { display: block; font: 11px/1.3 var(--v2u-font-family, system-ui, sans-serif); --_axis: var(--v2u-chart-axis-color, var(--_muted, light-dark(#57606a, #9aa3b5))); }
    svg { width: 100%; height: auto; overflow: visible; }
    .axis { stroke: var(--_axis); }
    .tick { fill: var(--_axis); }
    .grid { stroke: color-mix(in srgb, var(--_axis) 30%, transparent); stroke-dasharray: 2 2; }
    .title { font-weight: 600; margin: 0 0 4px; }
    ul { display: flex; flex-wrap: wrap; gap: 4px 12px; list-style: none; margin: 4px 0 0; padding: 0; }
    li::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-right: 4px; background: var(--_swatch); }
    .note { color: var(--_axis); }
  `;

  /** The node's output: `{ chart: ChartData }`. */
  @property({ attribute: false }) data?: { chart?: ChartData };
  @property({ attribute: false }) config?: Record<string, unknown>;

  override render() {
    const chart = this.data?.chart;
    if (!chart || !Array.isArray(chart.labels) || !chart.labels.length) return html`<div class="note">No data yet</div>`;
    const body = chart.kind === 'pie' ? this._pie(chart) : this._xy(chart);
    const legend = chart.kind === 'pie' ? chart.labels : chart.series.map((s) => s.name);
    return html`
      ${chart.title ? html`<p class="title">${chart.title}</p>` : nothing}
      <svg part="svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label=${chart.title || `${chart.kind} chart`}>${body}</svg>
      <ul part="legend">${legend.map((name, i) => html`<li style=${inlineStyle(`--_swatch: ${COLORS[i % COLORS.length]}`)}>${name}</li>`)}</ul>
      ${chart.truncated ? html`<div class="note">Showing the first ${chart.labels.length.toLocaleString('en')} rows</div>` : nothing}
    `;
  }

  private _xy(chart: ChartData): SVGTemplateResult {
    const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const y = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values)]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const xRange: [number, number] = [MARGIN.left, WIDTH - MARGIN.right];
    const every = Math.ceil(chart.labels.length / MAX_X_LABELS);
    const band = scaleBand().domain(chart.labels.map((_, i) => String(i))).range(xRange).padding(0.2);
    const point = scalePoint().domain(band.domain()).range(xRange).padding(0.5);
    const xOf = (i: number) => (chart.kind === 'bar' ? band(String(i))! + band.bandwidth() / 2 : point(String(i))!);
    return svg`
      ${y.ticks(5).map((t) => svg`<line class="grid" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
        <text class="tick" x=${MARGIN.left - 4} y=${y(t)} dy="0.32em" text-anchor="end">${y.tickFormat(5, '~s')(t)}</text>`)}
      <line class="axis" x1=${MARGIN.left} x2=${WIDTH - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
      <line class="axis" x1=${MARGIN.left} x2=${MARGIN.left} y1=${MARGIN.top} y2=${HEIGHT - MARGIN.bottom}></line>
      ${chart.labels.map((label, i) => (i % every ? nothing : svg`<text class="tick" x=${xOf(i)} y=${HEIGHT - MARGIN.bottom + 14} text-anchor="middle">${label}</text>`))}
      ${chart.kind === 'bar' ? this._bars(chart, band, y) : this._lines(chart, xOf, y)}
    `;
  }

  private _bars(chart: ChartData, band: ReturnType<typeof scaleBand<string>>, y: ReturnType<typeof scaleLinear<number>>) {
    const width = band.bandwidth() / chart.series.length;
    return chart.series.map((series, s) =>
      series.values.map((value, i) =>
        value === null ? nothing : svg`<rect class="bar" fill=${COLORS[s % COLORS.length]} x=${band(String(i))! + s * width} width=${Math.max(1, width - 1)}
          y=${Math.min(y(0), y(value))} height=${Math.abs(y(value) - y(0))}><title>${chart.labels[i]}: ${value}</title></rect>`,
      ),
    );
  }

  private _lines(chart: ChartData, xOf: (i: number) => number, y: ReturnType<typeof scaleLinear<number>>) {
    const path = line<Point & { i: number }>()
      .defined((p) => p.value !== null)
      .x((p) => xOf(p.i))
      .y((p) => y(p.value!));
    return chart.series.map((series, s) => {
      const points = series.values.map((value, i) => ({ label: chart.labels[i], value, i }));
      return svg`<path class="line" fill="none" stroke-width="2" stroke=${COLORS[s % COLORS.length]} d=${path(points) ?? ''}></path>`;
    });
  }

  private _pie(chart: ChartData): SVGTemplateResult {
    const points: Point[] = chart.labels.map((label, i) => ({ label, value: chart.series[0]?.values[i] ?? null }));
    const slices = pie<Point>().sort(null).value((p) => Math.max(0, p.value ?? 0))(points);
    const radius = HEIGHT / 2 - MARGIN.top;
    const shape = arc<(typeof slices)[number]>().innerRadius(0).outerRadius(radius);
    return svg`<g transform="translate(${WIDTH / 2}, ${HEIGHT / 2})">
      ${slices.map((slice, i) => svg`<path class="slice" fill=${COLORS[i % COLORS.length]} d=${shape(slice) ?? ''}><title>${slice.data.label}: ${slice.data.value ?? ''}</title></path>`)}
    </g>`;
  }
}

export default V2uChartView;
