import { css } from 'lit';

/**
 * The builder's styles, adopted into the editor's shadow root when the builder chunk loads.
 * Every rule is under `.nb` (the builder renders in the editor's root), colours come from the
 * editor's theme tokens, and the node preview uses the canvas's own `.node` rules.
 */
export const builderStyles = css`
  v2u-node-builder {
    display: contents;
  }
  .nb {
    box-sizing: border-box;
    width: min(1080px, 96vw);
    max-height: 92vh;
    padding: 0;
    display: flex;
    flex-direction: column;
    color: var(--_fg);
    background: var(--_panel);
    border: 1px solid var(--_node-border);
    border-radius: 8px;
    font: var(--_font-size) / 1.35 var(--_font);
  }
  .nb:not([open]) {
    display: none;
  }
  .nb::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .nb h2,
  .nb h3,
  .nb h4 {
    margin: 0;
  }
  .nb h2 { font-size: 1.25em; }
  .nb h3 { font-size: 1.1em; margin-bottom: 6px; }
  .nb h4 { font-size: 1em; margin: 4px 0; }
  .nb-head,
  .nb-foot {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 14px;
    border-bottom: 1px solid var(--_node-border);
  }
  .nb-head { justify-content: space-between; }
  .nb-foot {
    flex-wrap: wrap;
    border-top: 1px solid var(--_node-border);
    border-bottom: 0;
  }
  .nb-main {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(260px, 2fr);
    gap: 14px;
    padding: 10px 14px;
    overflow: auto;
    min-height: 0;
  }
  .nb-side { display: grid; gap: 10px; align-content: start; }
  .nb-section {
    margin: 0 0 10px;
    padding: 8px 10px 10px;
    border: 1px solid var(--_node-border);
    border-radius: 6px;
    min-width: 0;
  }
  .nb-section legend { font-weight: 600; padding: 0 4px; }
  .nb-grid,
  .nb-columns {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 4px 12px;
  }
  .nb-field { display: grid; gap: 2px; margin: 4px 0; min-width: 0; }
  .nb-field label { font-weight: 600; }
  .nb input[type='text'],
  .nb input[type='url'],
  .nb select,
  .nb textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 4px 6px;
    border: 1px solid var(--_node-border);
    border-radius: 4px;
    background: var(--_node-bg);
    color: inherit;
    font: inherit;
  }
  .nb textarea { resize: vertical; }
  .nb-code textarea,
  .nb code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
  .nb [aria-invalid='true'] {
    border-color: var(--_invalid);
    box-shadow: 0 0 0 1px var(--_invalid);
  }
  .nb-hint { color: var(--_muted); margin: 2px 0; }
  .nb-error,
  .nb-alert { color: var(--_invalid); margin: 2px 0; }
  .nb-alert:empty,
  .nb-status:empty { display: none; }
  .nb-row {
    display: grid;
    grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr) auto;
    gap: 0 6px;
    align-items: end;
  }
  .nb-config-row { grid-template-columns: repeat(auto-fit, minmax(90px, 1fr)) auto; }
  .nb-icon-row { display: flex; align-items: end; gap: 8px; }
  .nb-icon-row .nb-field { flex: 1; }
  .nb-icon {
    display: inline-flex;
    padding: 5px;
    margin-bottom: 4px;
    border-radius: 4px;
    color: var(--_category, var(--_fg));
    background: color-mix(in srgb, var(--_category, var(--_muted)) 16%, transparent);
  }
  .nb-icon[data-category='create'] { --_category: var(--_create); }
  .nb-icon[data-category='transform'] { --_category: var(--_transform); }
  .nb-icon[data-category='output'] { --_category: var(--_output); }
  .nb-icon[data-category='utility'] { --_category: var(--_utility); }
  /* Not the preview's port dots: those wear the canvas's own rules. */
  .nb button:not(.port-dot) {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    min-height: 28px;
    padding: 0 8px;
    border: 1px solid var(--_node-border);
    border-radius: 4px;
    background: var(--_node-bg);
    cursor: pointer;
  }
  .nb button:not(.port-dot):hover:not(:disabled) { border-color: var(--_accent); }
  .nb button:disabled { opacity: 0.5; cursor: default; }
  .nb button.nb-primary {
    color: var(--_panel);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .nb-remove { margin-bottom: 4px; }
  .nb-add { margin-top: 6px; }
  .nb-kinds { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-bottom: 4px; }
  .nb-radio { display: inline-flex; align-items: center; gap: 4px; }
  .nb-shell {
    position: relative;
    margin: 8px auto 10px;
  }
  .nb-inspector {
    padding: 0;
    border-top: 1px solid var(--_node-border);
  }
  .nb-result dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0 0; }
  .nb-result dt { font-weight: 600; }
  .nb-result dd { margin: 0; overflow-wrap: anywhere; }
  .nb-messages { flex: 1 1 100%; }
  .nb-messages p { margin: 0; }
  .nb-import { display: flex; align-items: center; gap: 6px; flex: 1; flex-wrap: wrap; }
  .nb-import input { flex: 1; min-width: 160px; }
  .nb-buttons { display: flex; gap: 6px; margin-left: auto; }
  @media (max-width: 720px) {
    .nb-main,
    .nb-grid,
    .nb-columns { grid-template-columns: minmax(0, 1fr); }
  }
`;
