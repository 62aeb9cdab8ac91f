import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NODE_CATEGORIES, type ManifestSource, type NodeManifest } from '../../core/index.js';
import type { IntentKind } from '../../runtime/lazy-element-loader.js';
import { matchesQuery } from '../../registry/search.js';
import { Pencil } from '../icons/lucide.js';
import type { IconShape } from '../../core/index.js';
import { renderIcon } from '../icons/icon.js';
import { renderNodeIcon } from '../icons/node-icons.js';

const PENCIL = Pencil as unknown as readonly IconShape[];
import { HoverIntentController } from './hover-intent-controller.js';
import { paletteStyles } from './palette.styles.js';

/** A manifest source that can also list its types and says when they change (the node registry). */
export interface ManifestListing extends ManifestSource, Partial<Pick<EventTarget, 'addEventListener' | 'removeEventListener'>> {
  list(): readonly NodeManifest[];
}

/** `v2u-palette-pick` detail: the node type a person clicked or chose with Enter. */
export interface V2uPalettePickDetail {
  type: string;
}

/** `v2u-palette-edit` detail: the node type whose Edit button was pressed. */
export interface V2uPaletteEditDetail {
  type: string;
}

/** Drag data type of a palette item; the data is the node type. */
export const PALETTE_DRAG_TYPE = 'application/x-v2u-node';

/**
 * The node palette: every known node type grouped by category, with a search box. Items
 * can be dragged (data `application/x-v2u-node` = the type) or picked with click/Enter.
 * Resting the pointer on an item, or focusing it, asks the lazy loader for its element.
 *
 * @summary Lists node types to drag or pick into the editor.
 * @event v2u-palette-pick - An item was clicked or chosen with Enter; detail `{ type }`.
 * @event v2u-palette-edit - The Edit button of an item that `editable` accepts was pressed; detail `{ type }`.
 * @csspart search - The search box.
 * @csspart group - One category's section.
 * @csspart group-title - A category heading.
 * @csspart item - A node type's button.
 * @csspart item-icon - The box around an item's SVG icon (tinted with its category colour).
 * @csspart item-title - The title of an item.
 * @csspart item-edit - The Edit button beside an item `editable` accepts (builder-made types in the editor).
 * @csspart empty - The message shown when nothing matches.
 * @cssproperty --v2u-palette-bg - Background. Inside `<v2u-editor>` the palette follows the editor's theme;
 *   these properties override it.
 * @cssproperty --v2u-palette-fg - Text colour.
 * @cssproperty --v2u-palette-muted - Headings and hints.
 * @cssproperty --v2u-palette-item-bg - Item background.
 * @cssproperty --v2u-palette-item-hover-bg - Item background under the pointer.
 * @cssproperty --v2u-palette-accent - Focus ring.
 * @cssproperty --v2u-palette-gap - Space between items.
 * @cssproperty --v2u-palette-radius - Corner radius.
 * @cssproperty --v2u-palette-font - Font shorthand.
 */
export class V2uPalette extends LitElement {
  static override styles = paletteStyles;

  /** Where the node types come from; re-renders on its `change` events. */
  @property({ attribute: false }) source: ManifestListing | undefined;
  /** Told of hover and focus intent on items, e.g. the editor's `LazyElementLoader`. */
  @property({ attribute: false }) loader: { intent(type: string, kind: IntentKind): unknown } | undefined;
  /** The search text. */
  @property() query = '';
  /** Which items get an Edit button (`v2u-palette-edit`); the editor passes builder-made types. */
  @property({ attribute: false }) editable: ((manifest: NodeManifest) => boolean) | undefined;
  /** Accessible name of the palette. */
  @property() label = 'Nodes';

  @state() private _revision = 0;
  private _listening: ManifestListing | undefined;
  private readonly _handleChange = () => this._revision++;

  constructor() {
    super();
    new HoverIntentController(this, { onIntent: (type, kind) => this.loader?.intent(type, kind) });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._listen(this.source);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._listen(undefined);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('source') && this.isConnected) this._listen(this.source);
  }

  /** The manifests shown for the current query, grouped by category in palette order. */
  get groups(): { category: string; items: NodeManifest[] }[] {
    const shown = (this.source?.list() ?? []).filter((m) => matchesQuery(m, this.query));
    const categories = [...NODE_CATEGORIES, ...new Set(shown.map((m) => m.category))];
    return [...new Set(categories)]
      .map((category) => ({ category, items: shown.filter((m) => m.category === category) }))
      .filter((group) => group.items.length > 0);
  }

  protected override render() {
    const groups = this.groups;
    return html`
      <input part="search" type="search" placeholder="Search nodes" aria-label="Search ${this.label}" .value=${this.query} @input=${this._handleInput} />
      <nav aria-label=${this.label}>
        ${groups.map(({ category, items }) => html`
          <section part="group">
            <h3 part="group-title" id="group-${category}">${category}</h3>
            <ul aria-labelledby="group-${category}">${items.map((m) => this._renderItem(m))}</ul>
          </section>`)}
      </nav>
      ${groups.length === 0 ? html`<p part="empty" role="status">${this.query ? `No nodes match “${this.query}”` : 'No nodes yet'}</p>` : nothing}
    `;
  }

  private _renderItem(manifest: NodeManifest) {
    return html`<li>
      <button part="item" type="button" draggable="true" data-v2u-type=${manifest.type} title=${manifest.description ?? manifest.type}
        @click=${this._handlePick} @dragstart=${this._handleDragStart}>
        <span part="item-icon" data-category=${manifest.category}>${renderNodeIcon(manifest.icon)}</span><span part="item-title">${manifest.title}</span>
      </button>${this.editable?.(manifest)
        ? html`<button part="item-edit" type="button" data-v2u-type=${manifest.type} aria-label="Edit node type ${manifest.title}" title="Edit in the node builder" @click=${this._handleEdit}>${renderIcon(PENCIL)}</button>`
        : nothing}
    </li>`;
  }

  private _handleInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private _handlePick(event: Event): void {
    const type = (event.currentTarget as HTMLElement).dataset.v2uType!;
    this.dispatchEvent(new CustomEvent<V2uPalettePickDetail>('v2u-palette-pick', { detail: { type }, bubbles: true, composed: true }));
  }

  private _handleEdit(event: Event): void {
    const type = (event.currentTarget as HTMLElement).dataset.v2uType!;
    this.dispatchEvent(new CustomEvent<V2uPaletteEditDetail>('v2u-palette-edit', { detail: { type }, bubbles: true, composed: true }));
  }

  private _handleDragStart(event: DragEvent): void {
    const type = (event.currentTarget as HTMLElement).dataset.v2uType!;
    event.dataTransfer?.setData(PALETTE_DRAG_TYPE, type);
    event.dataTransfer?.setData('text/plain', type);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copy';
  }

  private _listen(source: ManifestListing | undefined): void {
    this._listening?.removeEventListener?.('change', this._handleChange);
    this._listening = source;
    source?.addEventListener?.('change', this._handleChange);
    if (source) this._revision++;
  }
}
