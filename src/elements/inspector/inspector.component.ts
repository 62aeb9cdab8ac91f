import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { configWithDefaults, isParamRef, type ConfigField, type GraphNode, type NodeManifest } from '../../core/index.js';
import { inspectorStyles } from './inspector.styles.js';

export interface InspectorChange {
  id: string;
  patch: Record<string, unknown>;
  /** A new label; `null` clears it; absent leaves it. */
  label?: string | null;
}

/**
 * The selected node's config as a form generated from its manifest's config schema.
 * Each committed field (on `change`) is one `v2u-inspector-change`; the editor turns it into
 * an undoable command, so the inspector never mutates the graph itself.
 *
 * @summary Config form for one node.
 * @event v2u-inspector-change - A field was committed; `detail` is `{ id, patch, label? }`.
 * @csspart field - One labelled field.
 * @csspart field-label - A field's label.
 * @csspart field-error - A field's validation message (JSON fields).
 * @csspart empty - What shows with no single node to edit (none selected, or several).
 *
 * @tagname v2u-inspector
 */
export class V2uInspector extends LitElement {
  static override styles = inspectorStyles;

  /** The node to edit; nothing renders without one. */
  @property({ attribute: false }) node?: GraphNode;

  /** Its manifest; unknown types show their raw config as read-only JSON. */
  @property({ attribute: false }) manifest?: NodeManifest;

  @property({ type: Boolean, reflect: true }) readonly = false;

  /** How many nodes are selected: what the panel says when there is no single node to edit. */
  @property({ type: Number }) selected = 0;

  /**
   * The config fields of the subflow the node is inside (when one is open on the canvas):
   * each field of the node may be bound to one, `{ "$param": name }`, instead of a value.
   */
  @property({ attribute: false }) params: readonly string[] = [];

  @state() private _errors: Record<string, string> = {};

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('node') && (changed.get('node') as GraphNode | undefined)?.id !== this.node?.id) this._errors = {};
  }

  protected override render() {
    const node = this.node;
    if (!node) return html`<p class="empty" part="empty">${this.emptyMessage()}</p>`;
    const manifest = this.manifest;
    const config = manifest ? configWithDefaults(manifest, node.config) : node.config;
    return html`<form @submit=${(e: Event) => e.preventDefault()} aria-label="Node settings">
      <h2>${manifest?.title ?? node.type}</h2>
      ${manifest?.description ? html`<p class="description">${manifest.description}</p>` : nothing}
      ${this.renderField('label', { type: 'string', label: 'Label' }, node.label ?? '', (v) => this.commit({ label: v === '' ? null : String(v) }))}
      ${manifest
        ? Object.entries(manifest.config ?? {}).map(([key, field]) => this.renderField(key, field, config[key], (v) => this.commit({ patch: { [key]: v } }), this.params))
        : html`<p class="description">Unknown node type: its config is kept as it is.</p>
            <pre>${JSON.stringify(node.config, null, 2)}</pre>`}
    </form>`;
  }

  private emptyMessage(): string {
    const n = this.selected;
    return n > 1 ? `${n} nodes are selected. Select one of them to see and edit its settings.` : 'Select a node to see and edit its settings.';
  }

  private renderField(key: string, field: ConfigField, value: unknown, commit: (value: unknown) => void, params: readonly string[] = []) {
    const id = `f-${key}`;
    const label = field.label ?? key;
    const error = this._errors[key];
    const bound = isParamRef(value) ? value.$param : undefined;
    return html`<div class="field" part="field">
      <label for=${id} part="field-label">${label}</label>
      ${bound === undefined ? this.renderInput(id, key, field, value, commit) : html`<output id=${id} class="bound">from subflow setting “${bound}”</output>`}
      ${params.length || bound !== undefined ? this.renderBind(label, bound, params, commit) : nothing}
      ${field.description ? html`<small>${field.description}</small>` : nothing}
      ${error ? html`<small class="error" part="field-error" role="alert">${error}</small>` : nothing}
    </div>`;
  }

  private renderInput(id: string, key: string, field: ConfigField, value: unknown, commit: (value: unknown) => void) {
    const ro = this.readonly;
    switch (field.type) {
      case 'boolean':
        return html`<input id=${id} type="checkbox" .checked=${value === true} ?disabled=${ro} @change=${(e: Event) => commit((e.target as HTMLInputElement).checked)} />`;
      case 'number':
        return html`<input id=${id} type="number" .value=${value === undefined ? '' : String(value)} min=${field.min ?? nothing} max=${field.max ?? nothing} ?readonly=${ro}
          @change=${(e: Event) => this.commitNumber(key, (e.target as HTMLInputElement).value, commit)} />`;
      case 'enum':
        return html`<select id=${id} ?disabled=${ro} @change=${(e: Event) => commit((e.target as HTMLSelectElement).value)}>
          ${(field.options ?? []).map((o) => html`<option .value=${o} ?selected=${o === value}>${o}</option>`)}
        </select>`;
      case 'text':
      case 'code':
        return html`<textarea id=${id} class=${field.type} spellcheck=${field.type === 'code' ? 'false' : 'true'} .value=${value === undefined ? '' : String(value)} ?readonly=${ro}
          @change=${(e: Event) => commit((e.target as HTMLTextAreaElement).value)}></textarea>`;
      case 'json':
        return html`<textarea id=${id} class="code" spellcheck="false" .value=${JSON.stringify(value ?? null, null, 2)} ?readonly=${ro}
          aria-invalid=${this._errors[key] ? 'true' : 'false'}
          @change=${(e: Event) => this.commitJson(key, (e.target as HTMLTextAreaElement).value, commit)}></textarea>`;
      default:
        return html`<input id=${id} type="text" .value=${value === undefined ? '' : String(value)} ?readonly=${ro} @change=${(e: Event) => commit((e.target as HTMLInputElement).value)} />`;
    }
  }

  /** Binds a field to a subflow setting, or unbinds it (back to the field's default). */
  private renderBind(label: string, bound: string | undefined, params: readonly string[], commit: (value: unknown) => void) {
    const names = bound === undefined || params.includes(bound) ? params : [...params, bound];
    return html`<select class="bind" aria-label="Bind ${label} to a subflow setting" ?disabled=${this.readonly}
      @change=${(e: Event) => {
        const name = (e.target as HTMLSelectElement).value;
        commit(name ? { $param: name } : undefined);
      }}>
      <option value="" ?selected=${bound === undefined}>not bound</option>
      ${names.map((n) => html`<option .value=${n} ?selected=${n === bound}>bound to “${n}”</option>`)}
    </select>`;
  }

  private commitNumber(key: string, text: string, commit: (value: unknown) => void) {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return this.setError(key, 'Enter a finite number');
    this.setError(key, undefined);
    commit(n);
  }

  private commitJson(key: string, text: string, commit: (value: unknown) => void) {
    try {
      const value = JSON.parse(text);
      this.setError(key, undefined);
      commit(value);
    } catch (error) {
      this.setError(key, `Not valid JSON: ${(error as Error).message}`);
    }
  }

  private setError(key: string, message: string | undefined) {
    const { [key]: _old, ...rest } = this._errors;
    this._errors = message ? { ...rest, [key]: message } : rest;
  }

  private commit(change: Omit<InspectorChange, 'id' | 'patch'> & { patch?: Record<string, unknown> }) {
    if (!this.node || this.readonly) return;
    const detail: InspectorChange = { id: this.node.id, patch: change.patch ?? {}, ...(change.label !== undefined ? { label: change.label } : {}) };
    this.dispatchEvent(new CustomEvent('v2u-inspector-change', { detail, bubbles: true, composed: true }));
  }
}
