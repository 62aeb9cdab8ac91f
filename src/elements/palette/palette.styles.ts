import { css } from 'lit';

export const paletteStyles = css`
  :host {
    --_bg: var(--v2u-palette-bg, Canvas);
    --_fg: var(--v2u-palette-fg, CanvasText);
    --_muted: var(--v2u-palette-muted, color-mix(in srgb, CanvasText 60%, Canvas));
    --_item-bg: var(--v2u-palette-item-bg, transparent);
    --_item-hover-bg: var(--v2u-palette-item-hover-bg, color-mix(in srgb, CanvasText 8%, Canvas));
    --_accent: var(--v2u-palette-accent, #2f6fed);
    --_gap: var(--v2u-palette-gap, 0.25rem);
    --_radius: var(--v2u-palette-radius, 6px);
    display: block;
    background: var(--_bg);
    color: var(--_fg);
    font: var(--v2u-palette-font, 0.875rem/1.4 system-ui, sans-serif);
    overflow: auto;
  }
  [part='search'] {
    box-sizing: border-box;
    width: 100%;
    margin-bottom: var(--_gap);
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }
  [part='group-title'] {
    margin: 0.75rem 0 var(--_gap);
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  [part~='item'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    width: 100%;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    text-align: start;
    background: var(--_item-bg);
    border: 0;
    border-radius: var(--_radius);
    cursor: grab;
  }
  [part~='item']:hover {
    background: var(--_item-hover-bg);
  }
  [part~='item']:focus-visible,
  [part='search']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  [part='item-icon']:empty {
    display: none;
  }
  [part='empty'] {
    color: var(--_muted);
  }
`;
