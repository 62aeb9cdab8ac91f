import { defineNode } from '../../core/define-node.js';
import { numeric } from '../shared/aggregate.js';
import { configError, parseList, requireColumns, requireTable } from '../shared/inputs.js';

const TITLE = 'Chart';
/** Bars, points and slices beyond this many would be unreadable and slow to draw. */
export const MAX_POINTS = 2000;

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** What the chart element draws: labels along x and one series per y column. */
export interface ChartData {
  kind: 'bar' | 'line' | 'pie';
  title: string;
  labels: string[];
  series: ChartSeries[];
  truncated: boolean;
}

/** Prepares a bar, line or pie chart of y columns against an x column; the element draws SVG. */
export default defineNode({
  type: 'output/chart',
  version: 1,
  category: 'output',
  title: TITLE,
  description: 'Draws a bar, line or pie chart of one or more columns.',
  keywords: ['chart', 'graph', 'plot', 'bar', 'line', 'pie', 'visualize'],
  icon: 'chart-column',
  inputs: { rows: { type: 'table' } },
  outputs: { chart: { type: 'object' } },
  config: {
    kind: { type: 'enum', options: ['bar', 'line', 'pie'], default: 'bar', label: 'Chart' },
    x: { type: 'string', default: 'region', label: 'Labels (x)' },
    y: { type: 'string', default: 'total', label: 'Values (y columns)' },
    title: { type: 'string', default: '', label: 'Title' },
  },
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs, { config }) {
    const table = requireTable(inputs, 'rows', TITLE);
    const x = String(config.x ?? '').trim();
    const ys = parseList(config.y);
    if (!ys.length) throw configError(TITLE, 'y', 'needs at least one column');
    requireColumns(table, x ? [x] : [], TITLE, 'x');
    requireColumns(table, ys, TITLE, 'y');
    const rows = table.slice(0, MAX_POINTS);
    const chart: ChartData = {
      kind: (['bar', 'line', 'pie'].includes(String(config.kind)) ? config.kind : 'bar') as ChartData['kind'],
      title: String(config.title ?? ''),
      labels: rows.map((row, i) => (x ? String(row[x] ?? '') : String(i + 1))),
      series: (config.kind === 'pie' ? ys.slice(0, 1) : ys).map((name) => ({ name, values: rows.map((row) => numeric(row[name]) ?? null) })),
      truncated: table.length > MAX_POINTS,
    };
    return { chart };
  },
});
