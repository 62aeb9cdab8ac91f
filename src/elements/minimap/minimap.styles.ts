import { css } from 'lit';

export const minimapStyles = css`
  :host {
    --_node: var(--v2u-minimap-node-color, #9aa3b5);
    --_viewport: var(--v2u-minimap-viewport-color, #3b5bdb);
    position: absolute;
    right: 10px;
    bottom: 10px;
    width: 200px;
    height: 140px;
    border: 1px solid var(--_node-border, #c9ced8);
    border-radius: 6px;
    background: var(--_panel, rgb(255 255 255 / 0.9));
    overflow: hidden;
  }
  :host([hidden]) {
    display: none;
  }
  canvas {
    display: block;
    width: 200px;
    height: 140px;
    cursor: pointer;
    touch-action: none;
  }
`;
