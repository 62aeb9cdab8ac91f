import { css } from 'lit';

// Inside <v2u-editor> the palette inherits the editor's theme tokens (--_panel, --_fg,
// --_muted, --_accent, --_create…); standalone it falls back to the system colours.
export const paletteStyles = css`
  :host {
    --_bg: var(--v2u-palette-bg, var(--_panel, Canvas));
    --_text: var(--v2u-palette-fg, var(--_fg, CanvasText));
    --_hint: var(--v2u-palette-muted, var(--_muted, color-mix(in srgb, CanvasText 65%, Canvas)));
    --_item-bg: var(--v2u-palette-item-bg, transparent);
    --_item-hover-bg: var(--v2u-palette-item-hover-bg, color-mix(in srgb, var(--_text) 8%, transparent));
    --_focus: var(--v2u-palette-accent, var(--_accent, #2f6fed));
    --_gap: var(--v2u-palette-gap, 2px);
    --_radius: var(--v2u-palette-radius, 6px);
    display: block;
    box-sizing: border-box;
    padding: 8px;
    background: var(--_bg);
    color: var(--_text);
    font: var(--v2u-palette-font, 13px/1.4 system-ui, sans-serif);
    overflow: auto;
  }
  [part='search'] {
    box-sizing: border-box;
    width: 100%;
    margin-bottom: 4px;
    padding: 6px 8px;
    font: inherit;
    color: inherit;
    background: color-mix(in srgb, var(--_text) 4%, transparent);
    border: 1px solid color-mix(in srgb, var(--_hint) 60%, transparent);
    border-radius: var(--_radius);
  }
  [part='search']::placeholder {
    color: var(--_hint);
    opacity: 1;
  }
  [part='group-title'] {
    margin: 12px 4px 4px;
    font-size: 11px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_hint);
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
    gap: 8px;
    width: 100%;
    padding: 4px 6px;
    font: inherit;
    color: inherit;
    text-align: start;
    background: var(--_item-bg);
    border: 0;
    border-radius: var(--_radius);
    cursor: grab;
  }
  li {
    display: flex;
    align-items: center;
    gap: 2px;
  }
  [part='item-edit'] {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 26px;
    height: 26px;
    padding: 0;
    color: inherit;
    background: transparent;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part='item-edit']:hover {
    background: var(--_item-hover-bg);
  }
  [part~='item']:hover {
    background: var(--_item-hover-bg);
  }
  [part~='item']:focus-visible,
  [part='item-edit']:focus-visible,
  [part='search']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  [part='item-icon'] {
    --_cat: var(--_unknown, #868e96);
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 24px;
    height: 24px;
    border-radius: 5px;
    color: color-mix(in srgb, var(--_cat) 80%, var(--_text));
    background: color-mix(in srgb, var(--_cat) 16%, transparent);
  }
  [data-category='create'] { --_cat: var(--_create, #2f9e44); }
  [data-category='transform'] { --_cat: var(--_transform, #1971c2); }
  [data-category='output'] { --_cat: var(--_output, #e8590c); }
  [data-category='utility'] { --_cat: var(--_utility, #7048e8); }
  [part='empty'] {
    color: var(--_hint);
  }
`;
