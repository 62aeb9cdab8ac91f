import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { addSubflowField, removeSubflowField, renameSubflowField, setSubflowField } from '../../../core/structure/subflow-params.js';
import { ErrorCodes, V2uError, quote, type ConfigField, type GraphStore, type SubflowDefinition } from '../../../core/index.js';

/** The field types the settings panel offers (the inspector renders each). */
const TYPES: ConfigField['type'][] = ['string', 'number', 'boolean', 'text', 'json'];

/** What the panel needs of the editor: whether it may edit, where errors and news go, a redraw. */
export interface SettingsHost {
  editable: boolean;
  requestUpdate(): void;
  reportError(error: unknown, source: string): void;
  announce(message: string): void;
}

/** A default typed in the panel, read as field `name`'s type (an empty box: no default). */
function parseDefault(name: string, type: ConfigField['type'], text: string): unknown {
  if (text === '') return undefined;
  const refuse = (what: string) => new V2uError(ErrorCodes.badValue, `the default of field ${quote(name)} must be ${what}, not ${quote(text)}`);
  if (type === 'number') {
    if (!Number.isFinite(Number(text))) throw refuse('a finite number');
    return Number(text);
  }
  if (type === 'boolean') return text === 'true';
  if (type !== 'json') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw refuse('JSON');
  }
}

const showDefault = (field: ConfigField) => (field.default === undefined ? '' : typeof field.default === 'string' ? field.default : JSON.stringify(field.default));

/**
 * "Subflow settings": the opened definition's config fields, each a row to rename, retype,
 * relabel, give a default or remove; and a box to add one. Every change is one undoable
 * edit of the document (`setSubflowField` and friends); a refused one is reported as a
 * `v2u-error` naming the field, and the row shows what the definition holds.
 */
export class SubflowSettings {
  /** Whether the panel is shown under the breadcrumb bar. */
  open = false;

  constructor(
    private _editor: SettingsHost,
    /** The document's store, which holds the definitions. */
    private _root: GraphStore,
  ) {}

  private edit(what: string, change: () => void) {
    if (!this._editor.editable) return;
    try {
      change();
      this._editor.announce(what);
    } catch (error) {
      this._editor.reportError(error, 'subflow');
      this._editor.requestUpdate();
    }
  }

  private update(def: SubflowDefinition, name: string, patch: Partial<ConfigField>) {
    const field = { ...def.config![name], ...patch };
    if (field.default === undefined) delete field.default;
    if (field.label === undefined) delete field.label;
    setSubflowField(this._root, def.id, name, field);
  }

  private handleAdd = (def: SubflowDefinition) => (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) return;
    this.edit(`Added field ${name}`, () => addSubflowField(this._root, def.id, name, { type: 'string' }));
    input.value = '';
  };

  private row(def: SubflowDefinition, name: string, field: ConfigField) {
    const id = def.id;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    return html`<li data-field=${name} ?inert=${!this._editor.editable}>
      <input class="sf-name" aria-label="Name of field ${name}" .value=${live(name)} @change=${(e: Event) => this.edit(`Renamed field ${name}`, () => renameSubflowField(this._root, id, name, value(e).trim()))} />
      <select aria-label="Type of field ${name}" @change=${(e: Event) => this.edit(`Changed field ${name}`, () => this.update(def, name, { type: value(e) as ConfigField['type'], default: undefined }))}>
        ${TYPES.map((t) => html`<option ?selected=${t === field.type}>${t}</option>`)}
      </select>
      <input class="sf-label" aria-label="Label of field ${name}" placeholder="label" .value=${live(field.label ?? '')} @change=${(e: Event) => this.edit(`Changed field ${name}`, () => this.update(def, name, { label: value(e) || undefined }))} />
      <input class="sf-default" aria-label="Default of field ${name}" placeholder="default" .value=${live(showDefault(field))} @change=${(e: Event) => this.edit(`Changed field ${name}`, () => this.update(def, name, { default: parseDefault(name, field.type, value(e)) }))} />
      <button type="button" class="sf-remove" aria-label="Remove field ${name}" @click=${() => this.edit(`Removed field ${name}`, () => removeSubflowField(this._root, id, name))}>✕</button>
    </li>`;
  }

  /** The button in the breadcrumb bar that shows and hides the panel. */
  renderToggle(): unknown {
    return html`<button type="button" class="sf-toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="subflow-settings" @click=${() => ((this.open = !this.open), this._editor.requestUpdate())}>Subflow settings</button>`;
  }

  /** The panel under the breadcrumb bar while open (nothing without a definition). */
  renderPanel(def: SubflowDefinition | undefined): unknown {
    if (!def || !this.open) return nothing;
    return html`<section id="subflow-settings" class="subflow-settings" part="subflow-settings" aria-label="Subflow settings: config fields">
      <ul>
        ${Object.entries(def.config ?? {}).map(([name, field]) => this.row(def, name, field))}
      </ul>
      <form @submit=${this.handleAdd(def)} ?hidden=${!this._editor.editable}>
        <input name="name" aria-label="New field name" placeholder="new field name" />
        <button type="submit">Add field</button>
      </form>
    </section>`;
  }
}

/** A row under the breadcrumbs; inputs follow the theme's panel colours. */
export const settingsStyles = css`
  .subflow-settings {
    flex-basis: 100%;
    padding: 4px 0;
  }
  .subflow-settings ul {
    margin: 0 0 4px;
    padding: 0;
    list-style: none;
  }
  .subflow-settings li,
  .subflow-settings form {
    display: flex;
    gap: 4px;
    align-items: center;
    margin-bottom: 4px;
  }
  .subflow-settings input,
  .subflow-settings select {
    min-width: 0;
    width: 9em;
    font: inherit;
    color: var(--_fg);
    background: var(--_node-bg);
    border: 1px solid var(--_node-border);
    border-radius: 4px;
    padding: 2px 4px;
  }
  .toolbar .crumbs .sf-toggle {
    margin-left: auto;
    text-decoration: none;
    border-color: var(--_node-border);
  }
  .subflow-settings :focus-visible {
    outline: 2px solid var(--_accent);
  }
`;
