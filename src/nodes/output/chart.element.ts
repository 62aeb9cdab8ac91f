import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { arc, line, pie } from 'd3-shape';
import { LitElement, css, html, nothing, svg, type SVGTemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { inlineStyle } from '../../elements/shared/inline-style.js';
import { compactNumber, displayText } from '../shared/format.js';
import { fitText, fontOf, textWidth } from '../shared/text-width.js';
import type { ChartData } from './chart.js';

const MARGIN = { top: 8, right: 6, bottom: 18 };
const COLORS = ['#0969da', '#bf3989', '#1a7f37', '#bc4c00', '#8250df', '#0598bc', '#cf222e', '#9a6700'];
const FONT_SIZE = 11;
/** Space kept between two x labels. */
const LABEL_GAP = 6;
/** Labels get at least this much room (about six characters), even if that means writing only every n-th. */
const MIN_LABEL = 40;
/** Vertical pixels per y tick. */
const TICK_SPACING = 24;

type Point = { label: string; value: number | null };
type Size = { width: number; height: number };

/**
 * The Chart node's body: a bar, line or pie chart in SVG with axes and a legend, drawn at the
 * size of its node (text stays at its font size however narrow the node). X labels that
 * would overlap are cut with an ellipsis or thinned to every n-th (the full label is each
 * bar's tooltip); numbers read compactly (1.2M). Geometry comes from d3-scale and
 * d3-shape; every label is a text binding, never markup.
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
    :host { display: flex; flex-direction: column; max-height: 100%; font: ${FONT_SIZE}px/1.3 var(--v2u-font-family, system-ui, sans-serif); --_axis: var(--v2u-chart-axis-color, var(--_muted, light-dark(#57606a, #9aa3b5))); }
    .plot { position: relative; flex: 1 1 120px; min-height: 40px; }
    svg { position: absolute; inset: 0; width: 100%; height: 100%; }
    .axis { stroke: var(--_axis); }
    .tick { fill: var(--_axis); }
    .grid { stroke: color-mix(in srgb, var(--_axis) 30%, transparent); stroke-dasharray: 2 2; }
    .title { flex: none; font-weight: 600; margin: 0 0 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    ul { flex: none; display: flex; flex-wrap: wrap; gap: 0 12px; max-height: 2.6em; overflow: hidden; list-style: none; margin: 4px 0 0; padding: 0; }
    li::before { content: ''; display: inline-block; width: 10px; height: 10px; margin-right: 4px; background: var(--_swatch); }
    .note { flex: none; color: var(--_axis); }
  `;

  /** The node's output: `{ chart: ChartData }`. */
  @property({ attribute: false }) data?: { chart?: ChartData };
  @property({ attribute: false }) config?: Record<string, unknown>;

  /** The plot's size in CSS pixels, followed by a ResizeObserver; a guess until measured. */
  @state() private _size: Size = { width: 360, height: 160 };
  @query('.plot') private _plot?: HTMLElement;
  private _observed?: HTMLElement;
  private _resize = new ResizeObserver(([entry]) => this._measure(entry.contentRect));

  override connectedCallback(): void {
    super.connectedCallback();
    // A chart moved by its list reconnects without an update: follow its plot again.
    if (this._plot) this._resize.observe((this._observed = this._plot));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize.disconnect();
    this._observed = undefined;
  }

  protected override updated(): void {
    // The observer reports the plot's size before the first paint; the chart is drawn again at it then.
    const plot = this._plot;
    if (!plot || plot === this._observed) return;
    this._resize.disconnect();
    this._resize.observe((this._observed = plot));
  }

  private _measure({ width, height }: Size): void {
    if (width > 0 && height > 0 && (width !== this._size.width || height !== this._size.height)) this._size = { width, height };
  }

  override render() {
    const chart = this.data?.chart;
    if (!chart || !Array.isArray(chart.labels) || !chart.labels.length) return html`<div class="note">No data yet</div>`;
    const { width, height } = this._size;
    const body = chart.kind === 'pie' ? this._pie(chart) : this._xy(chart);
    const legend = chart.kind === 'pie' ? chart.labels : chart.series.map((s) => s.name);
    return html`
      ${chart.title ? html`<p class="title" title=${chart.title}>${chart.title}</p>` : nothing}
      <div class="plot"><svg part="svg" viewBox="0 0 ${width} ${height}" role="img" aria-label=${chart.title || `${chart.kind} chart`}>${body}</svg></div>
      <ul part="legend">${legend.map((name, i) => html`<li style=${inlineStyle(`--_swatch: ${COLORS[i % COLORS.length]}`)}>${name}</li>`)}</ul>
      ${chart.truncated ? html`<div class="note">Showing the first ${chart.labels.length.toLocaleString('en')} rows</div>` : nothing}
    `;
  }

  private _xy(chart: ChartData): SVGTemplateResult {
    const { width, height } = this._size;
    const font = fontOf(this, FONT_SIZE);
    const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const y = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values)]).nice().range([height - MARGIN.bottom, MARGIN.top]);
    const ticks = y.ticks(Math.max(2, Math.floor((height - MARGIN.top - MARGIN.bottom) / TICK_SPACING)));
    const left = Math.ceil(Math.max(0, ...ticks.map((t) => textWidth(compactNumber(t), font)))) + 8;
    const xRange: [number, number] = [left, width - MARGIN.right];
    const band = scaleBand().domain(chart.labels.map((_, i) => String(i))).range(xRange).padding(0.2);
    const point = scalePoint().domain(band.domain()).range(xRange).padding(0.5);
    const xOf = (i: number) => (chart.kind === 'bar' ? band(String(i))! + band.bandwidth() / 2 : point(String(i))!);
    return svg`
      ${ticks.map((t) => svg`<line class="grid" x1=${left} x2=${width - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
        <text class="tick" x=${left - 4} y=${y(t)} dy="0.32em" text-anchor="end">${compactNumber(t)}</text>`)}
      <line class="axis" x1=${left} x2=${width - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
      <line class="axis" x1=${left} x2=${left} y1=${MARGIN.top} y2=${height - MARGIN.bottom}></line>
      ${xLabels(chart.labels, xOf, (xRange[1] - xRange[0]) / chart.labels.length, width, font).map(
        ({ x, text, label }) => svg`<text class="tick x-tick" x=${x} y=${height - MARGIN.bottom + 13} text-anchor="middle">${text}${text === label ? nothing : svg`<title>${label}</title>`}</text>`,
      )}
      ${chart.kind === 'bar' ? this._bars(chart, band, y) : this._lines(chart, xOf, y)}
    `;
  }

  private _bars(chart: ChartData, band: ReturnType<typeof scaleBand<string>>, y: ReturnType<typeof scaleLinear<number>>) {
    const width = band.bandwidth() / chart.series.length;
    return chart.series.map((series, s) =>
      series.values.map((value, i) =>
        value === null ? nothing : svg`<rect class="bar" fill=${COLORS[s % COLORS.length]} x=${band(String(i))! + s * width} width=${Math.max(1, width - 1)}
          y=${Math.min(y(0), y(value))} height=${Math.abs(y(value) - y(0))}><title>${chart.labels[i]}: ${displayText(value)}</title></rect>`,
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
    const { width, height } = this._size;
    const radius = Math.max(1, Math.min(width, height) / 2 - 4);
    const shape = arc<(typeof slices)[number]>().innerRadius(0).outerRadius(radius);
    return svg`<g transform="translate(${width / 2}, ${height / 2})">
      ${slices.map((slice, i) => svg`<path class="slice" fill=${COLORS[i % COLORS.length]} d=${shape(slice) ?? ''}><title>${slice.data.label}: ${displayText(slice.data.value)}</title></path>`)}
    </g>`;
  }
}

/**
 * The x labels to write: every n-th, n as small as lets each label have MIN_LABEL pixels
 * (or its whole width, when shorter) plus a gap; each cut with an ellipsis to the room it
 * has, and kept inside the chart, so no two labels overlap.
 */
function xLabels(labels: string[], xOf: (i: number) => number, step: number, width: number, font: string) {
  const widest = Math.max(...labels.map((label) => textWidth(label, font)));
  const every = Math.max(1, Math.ceil((Math.min(widest, MIN_LABEL) + LABEL_GAP) / step));
  const shown = [];
  for (let i = 0; i < labels.length; i += every) {
    const x = xOf(i);
    const room = Math.min(every * step - LABEL_GAP, 2 * x, 2 * (width - x));
    shown.push({ x, label: labels[i], text: fitText(labels[i], font, room) });
  }
  return shown;
}

export default V2uChartView;
