import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ExportFile } from './export.js';

/**
 * The Export node's body: a download link for the file its logic wrote. The Blob URL is
 * made when the data arrives and revoked when it changes or the element leaves the page.
 *
 * @summary A button that downloads the exported CSV or JSON file.
 *
 * @csspart button - The download link, styled as a button.
 *
 * @cssproperty --v2u-export-accent - Button colour.
 *
 * @tagname v2u-node-output-export
 */
export class V2uExportButton extends LitElement {
  static override styles = css`
    :host { display: block; font: 12px/1.4 var(--v2u-font-family, system-ui, sans-serif); }
    a { display: inline-block; padding: 4px 10px; border-radius: 4px; color: #fff; background: var(--v2u-export-accent, #1f883d); text-decoration: none; }
    a:focus-visible { outline: 2px solid var(--_accent, light-dark(#0969da, #7c9cff)); outline-offset: 2px; }
    .empty { color: var(--_muted, light-dark(#57606a, #9aa3b5)); }
  `;

  /** The node's output: `{ file: { text, mime, fileName } }`. */
  @property({ attribute: false }) data?: { file?: ExportFile };
  @property({ attribute: false }) config?: Record<string, unknown>;

  @state() private _url?: string;
  private _size = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('data')) return;
    this._revoke();
    const file = this.data?.file;
    if (!file || typeof file.text !== 'string') return;
    const blob = new Blob([file.text], { type: file.mime });
    this._size = blob.size;
    this._url = URL.createObjectURL(blob);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._url && this.data) this.requestUpdate('data');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._revoke();
  }

  private _revoke(): void {
    if (this._url) URL.revokeObjectURL(this._url);
    this._url = undefined;
  }

  override render() {
    const file = this.data?.file;
    if (!file || !this._url) return html`<span class="empty">Nothing to export yet</span>`;
    return html`<a part="button" href=${this._url} download=${file.fileName}>Download ${file.fileName} (${formatBytes(this._size)})</a>`;
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export default V2uExportButton;
