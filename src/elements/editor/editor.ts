import { defineElement } from '../shared/define.js';
import { V2uEditor } from './editor.component.js';

export { V2uEditor };

defineElement('v2u-editor', V2uEditor);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-editor': V2uEditor;
  }
}
