import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';

/**
 * The Note node's body: its text, shown as written (line breaks kept, never as markup).
 *
 * @summary Shows the text of a Note on the canvas.
 *
 * @csspart text - The note's text.
 *
 * @cssproperty --v2u-note-background - Paper colour.
 *
 * @tagname v2u-node-utility-note
 */
export class V2uNote extends LitElement {
  static override styles = css`
    :host { display: block; font: 12px/1.5 var(--v2u-font-family, system-ui, sans-serif); }
    p { margin: 0; padding: 6px 8px; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--v2u-note-background, light-dark(#fff8c5, #3d3514)); border-radius: 4px; }
  `;

  @property({ attribute: false }) data?: unknown;
  /** The node's config: `text` is the note. */
  @property({ attribute: false }) config?: Record<string, unknown>;

  override render() {
    return html`<p part="text">${String(this.config?.text ?? '')}</p>`;
  }
}

export default V2uNote;
