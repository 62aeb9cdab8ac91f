import { css } from 'lit';
import { NODE_HEADER, PORT_ROW } from '../../core/layout.js';

/** Dark theme tokens; those only editing uses (muted text, valid and invalid marks) are in `editing.styles.ts`. */
const darkTokens = css`
  --_bg: var(--v2u-editor-background, #161a22);
  --_grid: var(--v2u-editor-grid-color, #2a3142);
  --_fg: var(--v2u-editor-color, #e6e9ef);
  --_panel: var(--v2u-editor-panel-background, #1f2430);
  --_node-bg: var(--v2u-node-background, #232a3a);
  --_node-border: var(--v2u-node-border-color, #3a4358);
  --_edge: var(--v2u-edge-color, #7d879c);
  --_port: var(--v2u-port-color, #b5bdcc);
  --_accent: var(--v2u-editor-accent, #7c9cff);
`;

export const editorStyles = css`
  :host {
    --_bg: var(--v2u-editor-background, #f7f8fa);
    --_grid: var(--v2u-editor-grid-color, #dde1e8);
    --_fg: var(--v2u-editor-color, #1d2230);
    --_panel: var(--v2u-editor-panel-background, #ffffff);
    --_node-bg: var(--v2u-node-background, #ffffff);
    --_node-border: var(--v2u-node-border-color, #c3c9d4);
    --_edge: var(--v2u-edge-color, #8a93a6);
    --_port: var(--v2u-port-color, #4a5366);
    --_accent: var(--v2u-editor-accent, #3b5bdb);
    --_font: var(--v2u-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_font-size: var(--v2u-font-size, 12px);
    --_radius: var(--v2u-node-radius, 8px);
    --_create: var(--v2u-category-create-color, #2f9e44);
    --_transform: var(--v2u-category-transform-color, #1971c2);
    --_output: var(--v2u-category-output-color, #e8590c);
    --_utility: var(--v2u-category-utility-color, #7048e8);
    --_unknown: var(--v2u-category-unknown-color, #868e96);
    display: flex;
    flex-direction: column;
    position: relative;
    height: 480px;
    overflow: hidden;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--_font-size) / 1.3 var(--_font);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${darkTokens}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  :host([disabled]) {
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .toolbar {
    display: flex;
    gap: 4px;
    box-sizing: border-box;
    min-height: 35px;
    padding: 4px 6px;
    flex-wrap: wrap;
    background: var(--_panel);
    border-bottom: 1px solid var(--_node-border);
  }
  .main {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  .palette-panel {
    flex: 0 0 var(--v2u-editor-palette-width, 190px);
    overflow: auto;
    background: var(--_panel);
    border-right: 1px solid var(--_node-border);
  }
  .stage {
    position: relative;
    flex: 1;
    min-width: 0;
  }
  .body {
    position: absolute;
    left: 6px;
    right: 6px;
    overflow: hidden;
    font-size: var(--_font-size);
    /* Its box meets the node's bottom border; what it shows ends above it, as at its sides. */
    box-sizing: border-box;
    padding-bottom: 6px;
    border-radius: 4px;
  }
  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
    contain: strict;
    touch-action: none;
    user-select: none;
    background-image: radial-gradient(var(--_grid) 1px, transparent 1px);
    background-size: 20px 20px;
  }
  .layer {
    position: absolute;
    left: 0;
    top: 0;
    transform-origin: 0 0;
    will-change: transform;
  }
  .edges {
    position: absolute;
    left: 0;
    top: 0;
    overflow: visible;
  }
  .edge {
    fill: none;
    stroke: var(--_edge);
    stroke-width: 2;
    pointer-events: none;
  }
  .edge-hit {
    fill: none;
  }
  .edge-group.selected .edge {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .node {
    position: absolute;
    left: 0;
    top: 0;
    box-sizing: border-box;
    background: var(--_node-bg);
    border: 1px solid var(--_node-border);
    border-radius: var(--_radius);
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    contain: layout style;
    font-size: var(--v2u-node-font-size, 13px);
  }
  .node.selected {
    border-color: var(--_accent);
    box-shadow: 0 0 0 2px var(--_accent);
  }
  .header {
    height: ${NODE_HEADER}px;
    display: flex;
    align-items: center;
    gap: 6px;
    box-sizing: border-box;
    padding: 0 10px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    border-top: 4px solid var(--_category);
    font-size: 1.08em;
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .node[data-category='create'] { --_category: var(--_create); }
  .node[data-category='transform'] { --_category: var(--_transform); }
  .node[data-category='output'] { --_category: var(--_output); }
  .node[data-category='utility'] { --_category: var(--_utility); }
  .node[data-category='unknown'] { --_category: var(--_unknown); border-style: dashed; }
  .port {
    position: absolute;
    height: ${PORT_ROW}px;
    display: flex;
    align-items: center;
    gap: 4px;
    max-width: 50%;
    color: var(--_port);
    white-space: nowrap;
  }
  .port[data-side='in'] { left: 0; padding-left: 10px; }
  .port[data-side='out'] { right: 0; padding-right: 10px; flex-direction: row-reverse; }
  .port-dot {
    position: absolute;
    width: 12px;
    height: 12px;
    padding: 0;
    border-radius: 50%;
    background: var(--_node-bg);
    border: 2px solid var(--_port);
    box-sizing: border-box;
  }
  .port[data-side='in'] .port-dot { left: -6px; }
  .port[data-side='out'] .port-dot { right: -6px; }
  .port-label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
