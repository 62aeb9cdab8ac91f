import { css } from 'lit';

export const inspectorStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    padding: 10px 12px;
    overflow: auto;
    color: inherit;
    font: inherit;
  }
  h2 {
    margin: 0 0 6px;
    font-size: 1.15em;
  }
  .empty,
  .description,
  small {
    color: var(--_muted, #6b7385);
  }
  .field {
    display: grid;
    gap: 3px;
    margin: 10px 0;
  }
  label {
    font-weight: 600;
  }
  input[type='text'],
  input[type='number'],
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 4px 6px;
    border: 1px solid var(--_node-border, #c9ced8);
    border-radius: 4px;
    background: var(--_node-bg, #fff);
    color: inherit;
    font: inherit;
  }
  .bound {
    padding: 4px 6px;
    border: 1px dashed var(--_accent, #3b5bdb);
    border-radius: 4px;
  }
  select.bind {
    font-size: 0.92em;
    color: var(--_muted, #6b7385);
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  textarea.code {
    font-family: ui-monospace, monospace;
  }
  .error {
    color: var(--_invalid, #c92a2a);
  }
  pre {
    overflow: auto;
    font-size: 0.9em;
  }
  :focus-visible {
    outline: 2px solid var(--_accent, #3b5bdb);
    outline-offset: 1px;
  }
`;
