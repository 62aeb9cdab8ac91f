import { defineElement } from '../shared/define.js';
import { V2uInspectorDock } from './inspector-dock.component.js';

export { V2uInspectorDock };

defineElement('v2u-inspector-dock', V2uInspectorDock);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-inspector-dock': V2uInspectorDock;
  }
}
