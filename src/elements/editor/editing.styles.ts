import { css } from 'lit';

/** The theme's tokens only editing uses, here to keep them out of the first-paint styles (see `editor.styles.ts`). */
const darkTokens = css`
  --_muted: var(--v2u-editor-muted-color, #9aa3b5);
  --_valid: var(--v2u-valid-color, #51cf66);
  --_invalid: var(--v2u-invalid-color, #ff6b6b);
`;

/**
 * Styles of what only editing shows (popovers, hints, the connection preview, the inspector's
 * place), adopted when the editing chunk loads, and the theme tokens only it uses.
 */
export const editingStyles = css`
  :host {
    --_muted: var(--v2u-editor-muted-color, #5f677a);
    --_valid: var(--v2u-valid-color, #2b8a3e);
    --_invalid: var(--v2u-invalid-color, #c92a2a);
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  /*
   * What the pointer can do, and the wider areas that catch it (an edge's hit stroke, the ring
   * around a port): it can once this code is in; a press before that loads it and is replayed
   * on what it hit without these areas. Here, not in the first-paint styles, to keep that budget.
   */
  .viewport { cursor: grab; }
  .viewport:active { cursor: grabbing; }
  .edge-hit { stroke: transparent; stroke-width: 12; pointer-events: stroke; cursor: pointer; }
  .node { cursor: default; }
  .header { cursor: move; }
  .port-dot { cursor: crosshair; }
  .port-dot::before { content: ''; position: absolute; inset: -6px; }
  button {
    font: inherit;
    color: inherit;
  }
  .toolbar button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    flex: none;
    min-width: 28px;
    height: 28px;
    padding: 0 6px;
    border: 1px solid transparent;
    border-radius: 4px;
    background: transparent;
    cursor: pointer;
  }
  .toolbar button:hover:not(:disabled) {
    border-color: var(--_node-border);
  }
  .toolbar button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    border-color: var(--_accent);
  }
  .toolbar button:disabled {
    opacity: 0.4;
    cursor: default;
  }
  /* Too narrow for every label on one row (a form, a half-width pane): icons alone, each still
     named by its aria-label and titled, Run's label last, so the toolbar keeps to one row down
     to about 640 px. */
  .toolbar {
    container-type: inline-size;
  }
  @container (max-width: 999px) {
    :not([data-action='run']) > .tb-text {
      display: none;
    }
  }
  @container (max-width: 699px) {
    .tb-text {
      display: none;
    }
  }
  .status {
    position: absolute;
    left: 8px;
    right: 8px;
    overflow: hidden;
    font-size: 0.92em;
    color: var(--_muted);
  }
  .status-line {
    display: flex;
    align-items: center;
    gap: 6px;
    height: 16px;
  }
  .badge {
    padding: 0 5px;
    color: var(--_fg);
    border-radius: 3px;
    background: color-mix(in srgb, var(--_muted) 18%, transparent);
  }
  .badge.running,
  .badge.queued { background: color-mix(in srgb, var(--_accent) 25%, transparent); }
  .badge.done { background: color-mix(in srgb, var(--_valid) 25%, transparent); }
  .badge.error { background: color-mix(in srgb, var(--_invalid) 25%, transparent); }
  progress {
    flex: 1;
    height: 6px;
  }
  .preview {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .preview.error {
    color: var(--_invalid);
  }
  .body-placeholder {
    height: 100%;
    background: color-mix(in srgb, var(--_grid) 40%, transparent);
  }
  .edge.preview {
    stroke-dasharray: 6 4;
  }
  .edge.preview.valid {
    stroke: var(--_valid);
  }
  .edge.preview.invalid {
    stroke: var(--_invalid);
  }
  .port.valid .port-dot { border-color: var(--_valid); background: var(--_valid); }
  .port.invalid { color: var(--_invalid); }
  .port.invalid .port-dot { border-color: var(--_invalid); }
  .port.hover .port-dot { transform: scale(1.4); }
  .selection-box {
    position: absolute;
    border: 1px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    pointer-events: none;
  }
  .library-failure {
    position: absolute;
    left: 12px;
    right: 12px;
    bottom: 12px;
    z-index: 3;
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 8px 12px;
    border: 1px solid var(--_invalid);
    border-radius: 6px;
    background: var(--_panel);
    color: var(--_fg);
  }
  .library-failure button {
    margin-left: auto;
    font: inherit;
  }
  .hint {
    position: absolute;
    max-width: 260px;
    padding: 4px 8px;
    border-radius: 4px;
    background: var(--_invalid);
    color: #fff;
    pointer-events: none;
  }
  .popover {
    position: absolute;
    top: 12px;
    left: 50%;
    transform: translateX(-50%);
    z-index: 2;
    width: min(420px, 90%);
    max-height: 60%;
    display: flex;
    flex-direction: column;
    background: var(--_panel);
    border: 1px solid var(--_node-border);
    border-radius: 8px;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
  }
  .popover.context-menu {
    transform: none;
    width: max-content;
    min-width: 200px;
    max-width: 280px;
  }
  .context-menu li[aria-disabled='true'] {
    cursor: default;
  }
  .popover-title {
    padding: 8px 10px;
    font-weight: 600;
  }
  .popover input {
    margin: 8px;
    padding: 6px 8px;
    font: inherit;
    color: inherit;
    background: var(--_node-bg);
    border: 1px solid var(--_node-border);
    border-radius: 4px;
  }
  .popover ul {
    margin: 0;
    padding: 4px 0;
    overflow: auto;
    list-style: none;
  }
  .popover li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 5px 10px;
    cursor: pointer;
  }
  .popover li.active {
    background: color-mix(in srgb, var(--_accent) 20%, transparent);
  }
  .popover li[aria-disabled='true'] {
    color: var(--_muted);
  }
  .popover small {
    color: var(--_muted);
  }
  .main:has(> v2u-inspector-dock[sheet]) {
    display: grid;
    grid-template: 'palette stage' minmax(0, 1fr) 'dock dock' auto / auto minmax(0, 1fr);
  }
  .main > .palette-panel {
    grid-area: palette;
    width: var(--v2u-editor-palette-width, 190px);
  }
  .main > .stage {
    grid-area: stage;
  }
  .main > v2u-inspector-dock {
    grid-area: dock;
  }
  .body-error {
    display: grid;
    gap: 6px;
    justify-items: start;
    max-height: 100%;
    overflow: hidden;
    padding: 6px;
    color: var(--_invalid);
    overflow-wrap: anywhere;
  }
`;
