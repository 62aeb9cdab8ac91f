import { LitElement, css, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { countText, displayText } from '../shared/format.js';
import { isOutputRef } from '../../core/engine/output-ref.js';

/** Children beyond this are summarized, so a 100k-row table does not become 100k DOM nodes. */
const MAX_CHILDREN = 100;
/** Levels open at first; deeper ones open on click. */
const OPEN_DEPTH = 1;

/**
 * The JSON view node's body: any value as a collapsible tree (native details/summary, so
 * keyboard and screen readers work without script). Keys and strings render as text.
 *
 * @summary Shows a value as a collapsible JSON tree.
 *
 * @csspart tree - The outer tree.
 * @csspart key - An object key or list index.
 * @csspart value - A leaf value.
 *
 * @cssproperty --v2u-json-string-color - Colour of strings.
 * @cssproperty --v2u-json-number-color - Colour of numbers and booleans.
 *
 * @tagname v2u-node-output-json
 */
export class V2uJsonView extends LitElement {
  static override styles = css`
    :host { display: block; font: 12px/1.5 var(--v2u-font-family-mono, ui-monospace, monospace); }
    details { margin-left: 12px; }
    summary { cursor: pointer; margin-left: -12px; }
    .leaf { margin-left: 0; white-space: pre-wrap; word-break: break-word; }
    .string { color: var(--v2u-json-string-color, light-dark(#0a3069, #a5d6ff)); }
    .number, .boolean { color: var(--v2u-json-number-color, light-dark(#8250df, #d2a8ff)); }
    .null, .more, .kind { color: var(--_muted, light-dark(#57606a, #9aa3b5)); }
  `;

  /** The node's output: `{ value }`. */
  @property({ attribute: false }) data?: { value?: unknown };
  @property({ attribute: false }) config?: Record<string, unknown>;

  override render() {
    if (!this.data || !('value' in this.data)) return html`<div class="null">No data yet</div>`;
    const value = this.data.value;
    // A long list kept in a worker: its first items, and how many there are.
    if (isOutputRef(value)) return html`<div class="more">${countText(value.length, 'item')} · first ${value.head.length} shown</div><div part="tree">${this._renderEntry('', value.head, 0)}</div>`;
    return html`<div part="tree">${this._renderEntry('', value, 0)}</div>`;
  }

  private _renderEntry(key: string, value: unknown, depth: number): TemplateResult {
    const label = key ? html`<span part="key">${key}</span>: ` : '';
    if (typeof value !== 'object' || value === null) return html`<div class="leaf">${label}${this._renderLeaf(value)}</div>`;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const kind = Array.isArray(value) ? `[${countText(entries.length, 'item')}]` : `{${countText(entries.length, 'key')}}`;
    return html`<details ?open=${depth < OPEN_DEPTH}>
      <summary>${label}<span class="kind">${kind}</span></summary>
      ${entries.slice(0, MAX_CHILDREN).map(([k, v]) => this._renderEntry(k, v, depth + 1))}
      ${entries.length > MAX_CHILDREN ? html`<div class="more">… ${(entries.length - MAX_CHILDREN).toLocaleString('en')} more</div>` : ''}
    </details>`;
  }

  private _renderLeaf(value: unknown): TemplateResult {
    if (typeof value === 'string') return html`<span part="value" class="string">"${value}"</span>`;
    const kind = value === null || value === undefined ? 'null' : typeof value;
    return html`<span part="value" class=${kind}>${value === undefined ? 'undefined' : displayText(value)}</span>`;
  }
}

export default V2uJsonView;
