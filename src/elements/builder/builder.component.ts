import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { X } from '../icons/lucide.js';
import type { BuiltNodeType } from '../../core/built-type.js';
import { builtManifest } from '../../core/built-type.js';
import { isV2uError, type GraphStore, type IconShape } from '../../core/index.js';
import type { NodeRegistry } from '../../registry/node-registry.js';
import { renderIcon } from '../icons/icon.js';
import { controlFor, draftOf, emptyDraft, toBuilt, type Built, type Draft } from './builder-draft.js';
import { NodePreview, renderInspectorPreview } from './builder-preview.js';
import { renderConfig, renderIdentity, renderLogic, renderPorts, type SectionContext } from './builder-sections.js';
import { BuilderServices } from './builder-services.js';
import { renderActions, renderTestRun, type TestRun } from './builder-side.js';
import { subflowChoices, subflowFrom } from './builder-subflow.js';

/** What the builder needs from the editor it opens in. */
export interface BuilderHost {
  readonly registry: NodeRegistry;
  readonly store: GraphStore;
  readonly selection: { readonly nodes: ReadonlySet<string> };
  reportError(error: unknown, source: string): void;
  announce(message: string): void;
}

/**
 * The visual node builder: a modal panel to design a node type without code (identity,
 * ports, config fields, logic as expressions or a subflow), with a live preview drawn by the
 * editor's own node shell and inspector, validation as you type, and a test run. Saving
 * registers the type (the palette shows it) and keeps it in IndexedDB; Export downloads it as
 * a node pack; Import by URL registers a pack's types. Rendered in the editor's shadow root
 * (no shadow root of its own), so the node preview wears the canvas's own styles and theme.
 *
 * @summary Design, test, save, export and import builder-made node types.
 * @event v2u-builder-close - The panel closed (Close, Escape).
 * @tagname v2u-node-builder
 */
export class V2uNodeBuilder extends LitElement {
  @property({ attribute: false }) host?: BuilderHost;
  /** The builder-made type to edit; a new type when unset. */
  @property({ attribute: false }) editType?: string;

  @state() private _draft: Draft = emptyDraft();
  @state() private _errors = new Map<string, string>();
  /** The message of a refused save (also sent as `v2u-error`). */
  @state() private _alert = '';
  @state() private _status = '';
  /** Delete was pressed once: the next press deletes. */
  @state() private _confirmDelete = false;
  @state() private _run: TestRun = { samples: {} };
  private _built: Built = toBuilt(this._draft);
  private _preview = new NodePreview();
  private _services?: BuilderServices;
  private _editing = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host) this._services = new BuilderServices(this.host.registry);
    if (changed.has('editType') || changed.has('host')) {
      const existing = this.editType && this._services?.get(this.editType);
      this._editing = !!existing;
      this._setDraft(existing ? draftOf(existing) : emptyDraft());
    }
  }

  protected override firstUpdated(): void {
    const dialog = this.querySelector('dialog')!;
    dialog.showModal();
    this.querySelector<HTMLElement>('#nb-type')?.focus();
  }

  /** The draft as a node type, as validated now (for tests and tools). */
  get value(): BuiltNodeType {
    return this._built.value;
  }

  private _setDraft(draft: Draft) {
    this._draft = draft;
    this._built = toBuilt(draft);
    this._errors = new Map(this._built.problems);
    if (!this._errors.size) {
      try {
        this._services?.validate(this._built.value);
      } catch (error) {
        if (!isV2uError(error)) throw error;
        this._errors.set(controlFor(error.path, this._built.paths) ?? 'nb-type', error.message);
      }
    }
    this._preview.show(builtManifest(this._built.value));
    if (!this._errors.size) this._alert = '';
  }

  private _edit = (change: (draft: Draft) => void) => {
    const next = structuredClone(this._draft);
    change(next);
    this._status = '';
    this._setDraft(next);
  };

  private _chooseSubflow = (value: string) => {
    const host = this.host!;
    const picked = subflowFrom(host.store, host.selection.nodes, value);
    if (!picked) return this._edit((d) => (d.logic = 'subflow'));
    this._edit((d) => Object.assign(d, picked(d)));
  };

  protected override render() {
    const host = this.host;
    if (!host) return nothing;
    const manifest = builtManifest(this._built.value);
    const ctx: SectionContext = {
      draft: this._draft,
      error: (id) => this._errors.get(id),
      edit: this._edit,
      subflowChoices: subflowChoices(host.store, host.selection.nodes),
      chooseSubflow: this._chooseSubflow,
      focus: (selector) => void this.updateComplete.then(() => this.querySelector<HTMLElement>(selector)?.focus()),
    };
    const heading = this._editing ? `Edit node type ${this.editType}` : 'New node type';
    return html`<dialog class="nb" aria-labelledby="nb-heading" @close=${this._closed}>
      <header class="nb-head">
        <h2 id="nb-heading">${heading}</h2>
        <button type="button" class="nb-close" aria-label="Close the node builder" title="Close (Escape)" @click=${this.close}>${renderIcon(X as unknown as readonly IconShape[])}</button>
      </header>
      <div class="nb-main">
        <form class="nb-form" aria-label="Node type" @submit=${(e: Event) => e.preventDefault()}>
          ${renderIdentity(ctx)} ${renderPorts(ctx)} ${renderConfig(ctx)} ${renderLogic(ctx)}
        </form>
        <aside class="nb-side" aria-label="Preview and test run">
          <section class="nb-section" aria-labelledby="nb-preview-title">
            <h3 id="nb-preview-title">Preview</h3>
            ${this._preview.render()}
            ${renderInspectorPreview(this._preview, manifest, (patch) => {
              this._preview.setConfig(patch);
              this.requestUpdate();
            })}
          </section>
          ${renderTestRun(this._draft, this._run, (run) => (this._run = run), this._test)}
        </aside>
      </div>
      ${renderActions({
        status: this._status,
        alert: this._alert,
        save: this._save,
        exportPack: this._export,
        importPack: this._import,
        remove: this._editing && this.editType ? this._delete : undefined,
        confirming: this._confirmDelete,
        copyOf: this._copyOf(),
      })}
    </dialog>`;
  }

  private _test = async () => {
    if (this._refuse('test')) return;
    const inputs: Record<string, unknown> = {};
    for (const row of this._draft.inputs) {
      const text = this._run.samples[row.id] ?? '';
      if (text.trim() === '') continue;
      try {
        inputs[row.name] = JSON.parse(text);
      } catch {
        this._run = { ...this._run, result: { error: `Sample of input “${row.name}” is not valid JSON` } };
        return;
      }
    }
    this._run = { ...this._run, busy: true, result: undefined };
    try {
      const outputs = await this._services!.run(this._built.value, inputs, this._preview.node.config);
      this._run = { ...this._run, busy: false, result: { outputs } };
    } catch (error) {
      this._run = { ...this._run, busy: false, result: { error: error instanceof Error ? error.message : String(error) } };
    }
  };

  /** Whether the draft has errors; if so the first is said (role alert) and, for a save, sent as `v2u-error`. */
  private _refuse(what: 'save' | 'test' | 'export'): boolean {
    const [id, message] = [...this._errors][0] ?? [];
    if (!id) return false;
    this._alert = `Cannot ${what}: ${message}`;
    if (what === 'save') this.host!.reportError(this._errorFor(id, message!), 'builder');
    this.querySelector<HTMLElement>(`#${id}`)?.focus();
    return true;
  }

  /** The validation error behind a control's message, with its JSON path, for `v2u-error`. */
  private _errorFor(id: string, message: string) {
    const path = [...this._built.paths].find(([, control]) => control === id)?.[0] ?? '$';
    return { name: 'V2uError', code: 'bad-definition', message, path };
  }

  /** The saved type being edited, when the draft's id no longer is its id (Save makes a new type; ids are what flows refer to). */
  private _copyOf(): string | undefined {
    return this._editing && this.editType && this._built.value.type !== this.editType ? this.editType : undefined;
  }

  private _save = async () => {
    if (this._refuse('save')) return;
    const copyOf = this._copyOf();
    try {
      const saved = await this._services!.save(this._built.value);
      this._editing = true;
      this.editType = saved.type;
      const kept = copyOf ? ` ${copyOf} stays as it was, for the nodes that use it.` : '';
      this._status = `Saved ${saved.title} (${saved.type}): it is in the palette under ${saved.category}.${kept}`;
      this.host!.announce(this._status);
    } catch (error) {
      this._alert = `Cannot save: ${error instanceof Error ? error.message : String(error)}`;
      this.host!.reportError(error, 'builder');
    }
  };

  /** Deletes the saved type after a second press; the panel closes and says what happened. */
  private _delete = async () => {
    const type = this.editType!;
    if (!this._confirmDelete) {
      this._confirmDelete = true;
      this._status = `Press Confirm delete to remove ${type} from the palette and this browser's storage. Nodes of it in flows are kept, shown as an unknown type.`;
      return;
    }
    this._confirmDelete = false;
    try {
      await this._services!.delete(type);
      this.host!.announce(`Deleted node type ${type}`);
      this.close();
    } catch (error) {
      this._alert = `Cannot delete: ${error instanceof Error ? error.message : String(error)}`;
      this.host!.reportError(error, 'builder');
    }
  };

  private _export = async () => {
    if (this._refuse('export')) return;
    try {
      const files = await this._services!.exportPack(this._built.value);
      this._status = `Exported ${files.join(' and ')}.`;
    } catch (error) {
      this._alert = `Cannot export: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  private _import = async (url: string) => {
    try {
      const types = await this._services!.importPack(url);
      this._status = `Imported ${types.length} node type${types.length === 1 ? '' : 's'}: ${types.join(', ')}.`;
      this._alert = '';
    } catch (error) {
      this._alert = `Cannot import: ${error instanceof Error ? error.message : String(error)}`;
      this.host!.reportError(error, 'builder');
    }
  };

  /** Closes the panel. */
  close = (): void => {
    const dialog = this.querySelector('dialog');
    if (dialog?.open) dialog.close();
    else this._closed();
  };

  private _closed = () => {
    this.dispatchEvent(new CustomEvent('v2u-builder-close', { bubbles: true, composed: true }));
  };
}
