import { V2uEditor } from './editor.component.js';

export { V2uEditor };

if (!customElements.get('v2u-editor')) customElements.define('v2u-editor', V2uEditor);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-editor': V2uEditor;
  }
}
