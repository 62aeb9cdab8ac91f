import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compareDirected } from '../shared/compare.js';
import { countText, displayText } from '../shared/format.js';
import { fontOf, textWidth } from '../shared/text-width.js';
import type { Row } from '../shared/inputs.js';
import { isOutputRef, type OutputRef } from '../../core/engine/output-ref.js';
import { inlineStyle } from '../../elements/shared/inline-style.js';

/** What the Table view node outputs, and so what this element shows. */
export interface TableViewData {
  /** The rows, or for a large table kept in a worker a handle with its first rows. */
  rows: Row[] | OutputRef;
  columns: string[];
  rowCount: number;
}

const ROW_HEIGHT = 24;
/** Rows read per request when paging through a table kept in a worker (its head is page 0). */
const PAGE_ROWS = 100;
const VIEW_ROWS = 10;
const OVERSCAN = 4;
/** Column widths: content (header and the first rows) plus padding, within these bounds. */
const MIN_COLUMN = 40;
const MAX_COLUMN = 160;
const CELL_PADDING = 13;
/** Room for the sort arrow, so sorting never clips a header. */
const ARROW = 14;
const SAMPLE_ROWS = 50;

/**
 * The Table view node's body: a virtualized, sortable table with the row count. Only the rows
 * in view (plus a few) are in the DOM, so a million rows scroll as smoothly as ten. A large
 * table stays in its worker: the view reads the pages it scrolls to (sorting it is a Sort
 * node's job then). Sizes and positions go through the CSSOM (inlineStyle), never a style
 * attribute, which a strict CSP without 'unsafe-inline' refuses.
 *
 * @summary Shows a table's rows, virtualized, with sortable columns and the row count.
 *
 * @csspart count - The row count line.
 * @csspart header - The header row; each column is a `sort-button`.
 * @csspart viewport - The scrolling area.
 * @csspart row - One visible row.
 *
 * @cssproperty --v2u-table-border-color - Lines between rows and around the table.
 * @cssproperty --v2u-table-header-background - Header background.
 *
 * @tagname v2u-node-output-table
 */
export class V2uTableView extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; max-height: 100%; font: 12px/1.4 var(--v2u-font-family, system-ui, sans-serif); --_border: var(--v2u-table-border-color, var(--_node-border, light-dark(#d0d7de, #3a4358))); }
    .count { flex: none; padding: 2px 4px; color: var(--_muted, light-dark(#57606a, #9aa3b5)); }
    .grid { display: grid; grid-template-columns: var(--_columns); width: var(--_width); min-width: 100%; }
    .header { position: sticky; top: 0; z-index: 1; background: var(--v2u-table-header-background, light-dark(#f6f8fa, #2c3446)); border-bottom: 1px solid var(--_border); }
    button { all: unset; cursor: pointer; padding: 2px 6px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    button:focus-visible { outline: 2px solid var(--_accent, light-dark(#0969da, #7c9cff)); }
    .viewport { flex: 0 1 auto; min-height: 0; overflow: auto; position: relative; border: 1px solid var(--_border); }
    .spacer { position: relative; width: var(--_width); min-width: 100%; }
    .row { position: absolute; left: 0; right: 0; height: ${ROW_HEIGHT}px; border-bottom: 1px solid var(--_border); box-sizing: border-box; }
    .cell { padding: 2px 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .number { text-align: right; font-variant-numeric: tabular-nums; }
    .loading { color: var(--_muted, light-dark(#57606a, #9aa3b5)); }
    button:disabled { cursor: default; }
  `;

  /** The node's output: `{ rows, columns, rowCount }`. */
  @property({ attribute: false }) data?: TableViewData;
  /** The node's config (unused for now; kept for the uniform element contract). */
  @property({ attribute: false }) config?: Record<string, unknown>;
  /** Reads rows of a table kept in a worker; the editor sets it. */
  @property({ attribute: false }) readItems?: (ref: OutputRef, from: number, to: number) => Promise<unknown[]>;

  @state() private _sortColumn?: string;
  @state() private _descending = false;
  @state() private _firstRow = 0;
  private _order: number[] = [];
  /** Column widths in pixels, from the header and the first rows. */
  private _widths: number[] = [];
  /** The cells' font, read once per data change (reading it per cell forced a style recalc each). */
  private _cellFont = '';
  /** Pages of a table kept in a worker, read so far (page 0 is the head that came with it). */
  private _pages = new Map<number, readonly Row[]>();
  private _requested = new Set<number>();
  @state() private _readError?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') || changed.has('_sortColumn' as keyof V2uTableView) || changed.has('_descending' as keyof V2uTableView)) this._order = this._sortedOrder();
    if (changed.has('data')) {
      this._widths = this._columnWidths();
      const rows = this.data?.rows;
      this._pages = new Map(isOutputRef(rows) && rows.head.length >= Math.min(PAGE_ROWS, rows.length) ? [[0, rows.head as Row[]]] : []);
      this._requested = new Set(this._pages.keys());
      this._readError = undefined;
    }
  }

  protected override updated(): void {
    const rows = this.data?.rows;
    if (!this._paged || !isOutputRef(rows)) return;
    const first = Math.floor(Math.max(0, this._firstRow - OVERSCAN) / PAGE_ROWS);
    const last = Math.floor(Math.min(rows.length - 1, this._firstRow + VIEW_ROWS + OVERSCAN) / PAGE_ROWS);
    for (let page = first; page <= last; page++) if (!this._requested.has(page)) this._readPage(rows, page);
  }

  /** Whether rows come page by page from a worker (a large table, and a way to read it). */
  private get _paged(): boolean {
    return isOutputRef(this.data?.rows) && !!this.readItems;
  }

  private _readPage(ref: OutputRef, page: number): void {
    this._requested.add(page);
    this.readItems!(ref, page * PAGE_ROWS, Math.min(ref.length, (page + 1) * PAGE_ROWS)).then(
      (rows) => {
        if (this.data?.rows !== ref) return;
        this._pages.set(page, rows as Row[]);
        this.requestUpdate();
      },
      (error: unknown) => {
        if (this.data?.rows === ref) this._readError = (error as Error)?.message ?? String(error);
      },
    );
  }

  /** The rows on the page: all of them, or the first ones of a table kept in a worker. */
  private get _rows(): readonly Row[] {
    const rows = this.data?.rows;
    return isOutputRef(rows) ? (rows.head as Row[]) : Array.isArray(rows) ? rows : [];
  }

  /** Each column as wide as its header or its widest value in the first rows, within MIN_COLUMN..MAX_COLUMN. */
  private _columnWidths(): number[] {
    const [bold, plain] = [fontOf(this, 12, 600), (this._cellFont = fontOf(this, 12))];
    const sample = this._rows.slice(0, SAMPLE_ROWS);
    return (this.data?.columns ?? []).map((column) => {
      const widest = sample.reduce((w, row) => Math.max(w, textWidth(displayText(row[column]), plain)), textWidth(column, bold) + ARROW);
      return Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, Math.ceil(widest + CELL_PADDING)));
    });
  }

  private _sortedOrder(): number[] {
    const rows = this._rows;
    const order = rows.map((_, i) => i);
    const column = this._sortColumn;
    if (column === undefined) return order;
    const direction = this._descending ? -1 : 1;
    return order.sort((a, b) => compareDirected(rows[a][column], rows[b][column], direction) || a - b);
  }

  private _handleSort(column: string): void {
    this._descending = this._sortColumn === column ? !this._descending : false;
    this._sortColumn = column;
  }

  private _handleScroll(event: Event): void {
    this._firstRow = Math.floor((event.target as HTMLElement).scrollTop / ROW_HEIGHT);
  }

  override render() {
    const data = this.data;
    if (!data || !(Array.isArray(data.rows) || isOutputRef(data.rows))) return html`<div part="count" class="count">No data yet</div>`;
    const rows = this._rows;
    const paged = this._paged;
    const total = paged ? data.rows.length : this._order.length;
    const rowAt = (position: number) => (paged ? this._pages.get(Math.floor(position / PAGE_ROWS))?.[position % PAGE_ROWS] : rows[this._order[position]]);
    const columns = data.columns ?? [];
    const from = Math.max(0, this._firstRow - OVERSCAN);
    const to = Math.min(total, this._firstRow + VIEW_ROWS + OVERSCAN);
    // Columns fill the node when they fit, and scroll sideways inside it when they do not.
    const template = columns.length ? this._widths.map((w) => `minmax(${w}px, 1fr)`).join(' ') : '1fr';
    const sizing = `--_columns: ${template}; --_width: ${this._widths.reduce((a, b) => a + b, 0)}px`;
    const shown = paged || rows.length >= data.rows.length ? '' : ` · first ${rows.length.toLocaleString('en')} shown`;
    const positions = Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    return html`
      <div part="count" class="count">${countText(data.rows.length, 'row')}${shown}${this._readError ? ` · rows could not be read: ${this._readError}` : ''}</div>
      <div part="viewport" class="viewport" style=${inlineStyle(`${sizing}; max-height: ${(Math.min(VIEW_ROWS, Math.max(1, total)) + 1) * ROW_HEIGHT}px`)} @scroll=${this._handleScroll}>
        <div part="header" class="grid header" role="row">${columns.map((column) => this._renderHeader(column, paged))}</div>
        <div class="spacer" style=${inlineStyle(`height: ${total * ROW_HEIGHT}px`)}>
          ${positions.map((position) => this._renderRow(rowAt(position), columns, position))}
        </div>
      </div>
    `;
  }

  private _renderHeader(column: string, paged: boolean) {
    const sorted = this._sortColumn === column;
    const sort = sorted ? (this._descending ? 'descending' : 'ascending') : 'none';
    const title = paged ? `${column} (a table this large stays in its worker: sort it with a Sort node)` : column;
    return html`<button part="sort-button" role="columnheader" aria-sort=${sort} title=${title} ?disabled=${paged} @click=${() => this._handleSort(column)}>
      ${column}${sorted ? (this._descending ? ' ▼' : ' ▲') : nothing}
    </button>`;
  }

  private _renderRow(row: Row | undefined, columns: string[], position: number) {
    const style = inlineStyle(`top: ${position * ROW_HEIGHT}px`);
    if (!row) return html`<div part="row" class="grid row loading" role="row" aria-busy="true" style=${style}><span class="cell" role="cell">…</span></div>`;
    return html`<div part="row" class="grid row" role="row" style=${style}>
      ${columns.map((column, i) => this._renderCell(displayText(row[column]), typeof row[column] === 'number', this._widths[i]))}
    </div>`;
  }

  /** A cell; one cut at its column's maximum width keeps its whole text as a tooltip. */
  private _renderCell(text: string, number: boolean, width: number) {
    const cut = width >= MAX_COLUMN && textWidth(text, this._cellFont) + CELL_PADDING > width;
    return html`<span class="cell ${number ? 'number' : ''}" role="cell" title=${cut ? text : nothing}>${text}</span>`;
  }
}

export default V2uTableView;
