import { css } from 'lit';

export const editorStyles = css`
  :host {
    --_bg: var(--v2u-editor-background, #f7f8fa);
    --_grid: var(--v2u-editor-grid-color, #e3e6eb);
    --_fg: var(--v2u-editor-color, #1d2230);
    --_node-bg: var(--v2u-node-background, #ffffff);
    --_node-border: var(--v2u-node-border-color, #c9ced8);
    --_edge: var(--v2u-edge-color, #8a93a6);
    --_port: var(--v2u-port-color, #5b6478);
    --_font: var(--v2u-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    --_font-size: var(--v2u-font-size, 12px);
    --_radius: var(--v2u-node-radius, 8px);
    --_create: var(--v2u-category-create-color, #2f9e44);
    --_transform: var(--v2u-category-transform-color, #1971c2);
    --_output: var(--v2u-category-output-color, #e8590c);
    --_utility: var(--v2u-category-utility-color, #7048e8);
    --_unknown: var(--v2u-category-unknown-color, #868e96);
    display: block;
    position: relative;
    height: 480px;
    overflow: hidden;
    contain: strict;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--_font-size) / 1.3 var(--_font);
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    --_bg: var(--v2u-editor-background, #161a22);
    --_grid: var(--v2u-editor-grid-color, #232938);
    --_fg: var(--v2u-editor-color, #e6e9ef);
    --_node-bg: var(--v2u-node-background, #222838);
    --_node-border: var(--v2u-node-border-color, #3a4358);
    --_edge: var(--v2u-edge-color, #7d879c);
    --_port: var(--v2u-port-color, #aab3c5);
  }
  .viewport {
    position: absolute;
    inset: 0;
    overflow: hidden;
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
    pointer-events: none;
  }
  .edge {
    fill: none;
    stroke: var(--_edge);
    stroke-width: 2;
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
  }
  .header {
    display: flex;
    align-items: center;
    gap: 6px;
    box-sizing: border-box;
    padding: 0 10px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    border-top: 4px solid var(--_category);
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
  .ports {
    position: relative;
  }
  .port {
    position: absolute;
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
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: var(--_node-bg);
    border: 2px solid var(--_port);
    box-sizing: border-box;
  }
  .port[data-side='in'] .port-dot { left: -5px; }
  .port[data-side='out'] .port-dot { right: -5px; }
  .port-label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
`;
