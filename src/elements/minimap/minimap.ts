import { defineElement } from '../shared/define.js';
import { V2uMinimap } from './minimap.component.js';

export { V2uMinimap };

defineElement('v2u-minimap', V2uMinimap);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-minimap': V2uMinimap;
  }
}
