import { defineElement } from '../shared/define.js';
import { V2uNodeBuilder } from './builder.component.js';
import { builderStyles } from './builder.styles.js';

export { V2uNodeBuilder, builderStyles };

defineElement('v2u-node-builder', V2uNodeBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-node-builder': V2uNodeBuilder;
  }
}
