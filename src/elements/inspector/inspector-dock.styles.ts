import { css } from 'lit';

/** The editor's private tokens (`--_panel`, `--_accent`, …) inherit in, so both themes apply. */
export const inspectorDockStyles = css`
  :host {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: none;
    box-sizing: border-box;
    width: var(--_size, 300px);
    min-height: 0;
    background: var(--_panel, #fff);
    border-left: 1px solid var(--_node-border, #c3c9d4);
    color: var(--_fg, inherit);
  }
  :host([collapsed]) {
    width: auto;
  }
  :host([sheet]) {
    width: auto;
    height: var(--_size, 240px);
    border-left: 0;
    border-top: 1px solid var(--_node-border, #c3c9d4);
  }
  :host([sheet][collapsed]) {
    height: auto;
  }
  [hidden] {
    display: none !important;
  }
  h2 {
    margin: 0;
    font-size: inherit;
    border-bottom: 1px solid var(--_node-border, #c3c9d4);
  }
  :host([collapsed]) h2 {
    flex: 1;
    border-bottom: 0;
  }
  button {
    display: flex;
    align-items: center;
    gap: 6px;
    box-sizing: border-box;
    width: 100%;
    padding: 8px 10px 8px 12px;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }
  button:hover {
    background: color-mix(in srgb, var(--_accent, #3b5bdb) 10%, transparent);
  }
  :host([collapsed]:not([sheet])) button {
    height: 100%;
    padding: 10px 8px;
    justify-content: flex-start;
    writing-mode: vertical-rl;
  }
  svg {
    flex: none;
    width: 14px;
    height: 14px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    transition: transform 0.15s;
  }
  :host([collapsed]) svg {
    transform: rotate(180deg);
  }
  :host([sheet]) svg {
    transform: rotate(90deg);
  }
  :host([sheet][collapsed]) svg {
    transform: rotate(-90deg);
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  .handle {
    position: absolute;
    z-index: 1;
    top: 0;
    bottom: 0;
    left: 0;
    width: 6px;
    cursor: col-resize;
    touch-action: none;
  }
  :host([sheet]) .handle {
    right: 0;
    bottom: auto;
    width: auto;
    height: 6px;
    cursor: row-resize;
  }
  .handle:hover,
  .handle:focus-visible,
  .handle.dragging {
    background: color-mix(in srgb, var(--_accent, #3b5bdb) 60%, transparent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent, #3b5bdb);
    outline-offset: -2px;
  }
  @media (prefers-reduced-motion: reduce) {
    svg {
      transition: none;
    }
  }
`;
