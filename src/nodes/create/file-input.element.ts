import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { emit } from '../../elements/shared/events.js';

/** Bigger files belong behind an HTTP request node: the text is stored in the graph. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** `v2u-node-config`: an element asks the editor to change its node's config (undoably). */
export interface NodeConfigPatchDetail {
  patch: Record<string, unknown>;
}

/**
 * The File input node's body: a file picker. It reads the chosen CSV/JSON file as text and
 * asks the editor to store it in the node's config, so the node's logic stays pure.
 *
 * @summary Picks a CSV or JSON file for the File input node.
 *
 * @event v2u-node-config - The person chose a file; `detail.patch` is `{ fileName, content }`.
 * @event v2u-error - The file is too big or could not be read.
 *
 * @csspart input - The file input.
 * @csspart file-name - The name of the file in use.
 *
 * @tagname v2u-node-create-file-input
 */
export class V2uFileInput extends LitElement {
  static override styles = css`
    :host { display: block; font: 12px/1.4 var(--v2u-font-family, system-ui, sans-serif); }
    .name { color: var(--_muted, light-dark(#57606a, #9aa3b5)); overflow-wrap: anywhere; }
  `;

  /** The node's output (unused here). */
  @property({ attribute: false }) data?: unknown;
  /** The node's config: `fileName` shows which file is in use. */
  @property({ attribute: false }) config?: Record<string, unknown>;

  @state() private _reading = false;

  private async _handleChange(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      emit(this, 'v2u-error', { code: 'bad-input', message: `File input: ${file.name} is over ${MAX_FILE_BYTES / 1048576} MB; serve it and use an HTTP request node`, source: 'file-input' });
      return;
    }
    this._reading = true;
    try {
      const content = await file.text();
      const detail: NodeConfigPatchDetail = { patch: { fileName: file.name, content } };
      this.dispatchEvent(new CustomEvent('v2u-node-config', { detail, bubbles: true, composed: true }));
    } catch (error) {
      emit(this, 'v2u-error', { code: 'bad-input', message: `File input: could not read ${file.name} (${(error as Error).message})`, source: 'file-input' });
    } finally {
      this._reading = false;
    }
  }

  override render() {
    const name = String(this.config?.fileName ?? '');
    return html`
      <input part="input" type="file" accept=".csv,.tsv,.json,text/csv,application/json" aria-label="Choose a CSV or JSON file" ?disabled=${this._reading} @change=${this._handleChange} />
      <div part="file-name" class="name">${this._reading ? 'Reading…' : name || 'No file chosen'}</div>
    `;
  }
}

export default V2uFileInput;
