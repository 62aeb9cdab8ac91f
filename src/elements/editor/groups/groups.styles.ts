import { css } from 'lit';

/**
 * Group frames, adopted with the editing code. Colours are names: each maps to a hue
 * (`--v2u-group-<name>-color`) mixed with the theme's own background, so a frame reads in
 * light and dark themes alike.
 */
export const groupStyles = css`
  .edges {
    pointer-events: none;
  }
  .group,
  .swatch {
    --_group: var(--v2u-group-gray-color, #868e96);
  }
  .group {
    position: absolute;
    left: 0;
    top: 0;
    box-sizing: border-box;
    border: 1.5px solid color-mix(in srgb, var(--_group) 70%, transparent);
    border-radius: calc(var(--_radius) + 4px);
    background: color-mix(in srgb, var(--_group) 10%, transparent);
  }
  :is(.group, .swatch)[data-color='blue'] { --_group: var(--v2u-group-blue-color, #4c6ef5); }
  :is(.group, .swatch)[data-color='green'] { --_group: var(--v2u-group-green-color, #37b24d); }
  :is(.group, .swatch)[data-color='amber'] { --_group: var(--v2u-group-amber-color, #f59f00); }
  :is(.group, .swatch)[data-color='red'] { --_group: var(--v2u-group-red-color, #f03e3e); }
  :is(.group, .swatch)[data-color='purple'] { --_group: var(--v2u-group-purple-color, #ae3ec9); }
  .group.active {
    border-color: var(--_group);
  }
  .group.collapsed {
    background: color-mix(in srgb, var(--_group) 22%, var(--_node-bg));
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }
  .group-header {
    display: flex;
    align-items: center;
    gap: 4px;
    padding: 0 6px;
    border-radius: calc(var(--_radius) + 3px) calc(var(--_radius) + 3px) 0 0;
    background: color-mix(in srgb, var(--_group) 28%, transparent);
    cursor: move;
  }
  .group-label {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-weight: 600;
  }
  .group-rename {
    flex: 1;
    min-width: 0;
    font: inherit;
  }
  .group-button,
  .swatch {
    flex: none;
    min-width: 20px;
    height: 20px;
    padding: 0;
    border: 1px solid transparent;
    border-radius: 4px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .swatch {
    min-width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--_group);
  }
  .swatch[aria-checked='true'] {
    outline: 2px solid var(--_fg);
    outline-offset: 1px;
  }
  .group-colors {
    display: flex;
    gap: 3px;
  }
  /* Floats under the frame, so showing it never puts a control under the pointer. */
  .group-palette {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    display: flex;
    align-items: center;
    gap: 3px;
    padding: 2px 4px;
    border: 1px solid var(--_node-border);
    border-radius: 6px;
    background: var(--_panel);
  }
  .group-summary {
    padding: 4px 8px;
    color: var(--_muted);
    cursor: move;
  }
  .group-resize {
    position: absolute;
    right: 0;
    bottom: 0;
    width: 14px;
    height: 14px;
    cursor: nwse-resize;
    background: linear-gradient(135deg, transparent 50%, color-mix(in srgb, var(--_group) 70%, transparent) 50%);
    border-radius: 0 0 calc(var(--_radius) + 3px) 0;
  }
`;
