import { defineElement } from '../shared/define.js';
import { V2uInspector } from './inspector.component.js';

export { V2uInspector };

defineElement('v2u-inspector', V2uInspector);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-inspector': V2uInspector;
  }
}
