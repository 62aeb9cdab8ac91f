import { LitElement, html, svg, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../shared/events.js';
import { dockKey, readDock, writeDock } from './dock-memory.js';
import { inspectorDockStyles } from './inspector-dock.styles.js';

/** Under this width of its container (CSS pixels) the dock is a bottom sheet, not a side panel. */
export const SHEET_BELOW = 640;

/** Per axis: the smallest, first and largest size, and how much room the canvas keeps beside it. */
const SIZES = {
  width: { min: 220, initial: 300, max: 640, keep: 240 },
  height: { min: 120, initial: 240, max: 560, keep: 120 },
};
const STEP = 16;
const BIG_STEP = 64;

const chevron = svg`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6 3l5 5-5 5"></path></svg>`;

/**
 * A panel docked beside the canvas (or under it, as a bottom sheet, when its container is
 * narrower than 640 px) that holds the inspector. The canvas shrinks to make room, so the
 * panel never covers a node. It opens on the first selection, collapses and expands from its
 * header button, and resizes by dragging its edge or with the arrow keys on that edge. Its
 * width, sheet height and collapsed state are remembered in `localStorage`, per `storage-key`.
 *
 * @summary Collapsible, resizable side panel (or bottom sheet) for the inspector.
 * @slot - What the panel shows: the inspector form.
 * @event v2u-inspector-toggle - The panel opened (on a first selection, or by the person) or collapsed; `detail` is `{ collapsed }`.
 * @csspart header - The title row; its button collapses and expands the panel.
 * @csspart toggle - The collapse and expand button.
 * @csspart resize-handle - The draggable edge (a focusable separator: arrow keys, Home, End).
 * @csspart body - The scrolling area around the slotted content.
 *
 * @tagname v2u-inspector-dock
 */
export class V2uInspectorDock extends LitElement {
  static override styles = inspectorDockStyles;

  /** The panel's name, on its header button and region. */
  @property() heading = 'Inspector';
  /** Remembers the panel's state under this key (the editor's `storage-key`); one shared entry without it. */
  @property({ attribute: 'storage-key' }) storageKey?: string;
  /** Something is selected: the first selection opens a panel the person never collapsed. */
  @property({ type: Boolean }) active = false;
  /** Only the header shows; the canvas takes the room. */
  @property({ type: Boolean, reflect: true }) collapsed = true;
  /** Set by the panel itself: its container is too narrow for a side panel. */
  @property({ type: Boolean, reflect: true }) sheet = false;
  /** Width beside the canvas, in CSS pixels. */
  @property({ type: Number }) width = SIZES.width.initial;
  /** Height as a bottom sheet, in CSS pixels. */
  @property({ type: Number }) height = SIZES.height.initial;

  /** Whether `collapsed` is the person's choice, now or on an earlier visit. */
  private _chosen = false;
  private _room = { width: Infinity, height: Infinity };
  private _observer: ResizeObserver | undefined;
  private _drag: { pointer: number; from: number; size: number } | undefined;

  /** Collapses an open panel or opens a collapsed one, and remembers it. */
  toggle(): void {
    this.collapsed = !this.collapsed;
    this._chosen = true;
    this.remember();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._observer = new ResizeObserver(([entry]) => this.measure(entry.contentRect));
    if (this.parentElement) this._observer.observe(this.parentElement);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._observer?.disconnect();
    this._observer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('storageKey')) this.recall();
    if (changed.has('active') && this.active && !this._chosen) this.collapsed = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.style.setProperty('--_size', `${this.size}px`);
    if (changed.has('collapsed') && changed.get('collapsed') !== undefined) emit(this, 'v2u-inspector-toggle', { collapsed: this.collapsed });
  }

  protected override render() {
    const { min, max } = this.limits();
    return html`<div
        class="handle ${this._drag ? 'dragging' : ''}"
        part="resize-handle"
        role="separator"
        tabindex="0"
        aria-label="Resize the ${this.heading.toLowerCase()}"
        aria-orientation=${this.sheet ? 'horizontal' : 'vertical'}
        aria-controls="body"
        aria-valuenow=${this.size}
        aria-valuemin=${min}
        aria-valuemax=${max}
        ?hidden=${this.collapsed}
        @pointerdown=${this.handleDown}
        @pointermove=${this.handleMove}
        @pointerup=${this.handleUp}
        @pointercancel=${this.handleUp}
        @keydown=${this.handleKey}
      ></div>
      <h2 part="header">
        <button type="button" part="toggle" aria-expanded=${this.collapsed ? 'false' : 'true'} aria-controls="body" title="${this.collapsed ? 'Show' : 'Hide'} the ${this.heading.toLowerCase()} (I)" @click=${this.toggle}>
          ${chevron}<span>${this.heading}</span>
        </button>
      </h2>
      <div id="body" class="body" part="body" role="region" aria-label=${this.heading} ?hidden=${this.collapsed}><slot></slot></div>`;
  }

  /** The size along the axis the panel grows on: width beside the canvas, height as a sheet. */
  get size(): number {
    return this.clamp(this.sheet ? this.height : this.width);
  }

  private axis() {
    return this.sheet ? SIZES.height : SIZES.width;
  }

  /** The allowed sizes: the axis' own, and never so large that the canvas has no room left. */
  private limits(): { min: number; max: number } {
    const axis = this.axis();
    const room = this.sheet ? this._room.height : this._room.width;
    return { min: axis.min, max: Math.max(axis.min, Math.min(axis.max, room - axis.keep)) };
  }

  private clamp(size: number): number {
    const { min, max } = this.limits();
    return Math.round(Math.min(max, Math.max(min, size)));
  }

  private resizeTo(size: number) {
    if (this.sheet) this.height = this.clamp(size);
    else this.width = this.clamp(size);
  }

  private measure({ width, height }: { width: number; height: number }) {
    this._room = { width, height };
    this.sheet = width < SHEET_BELOW;
    this.requestUpdate();
  }

  private recall() {
    const memory = readDock(dockKey(this.storageKey));
    this.width = memory.width ?? SIZES.width.initial;
    this.height = memory.height ?? SIZES.height.initial;
    this._chosen = memory.collapsed !== undefined;
    this.collapsed = memory.collapsed ?? !this.active;
  }

  private remember() {
    writeDock(dockKey(this.storageKey), { width: this.width, height: this.height, ...(this._chosen ? { collapsed: this.collapsed } : {}) });
  }

  private handleDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    this._drag = { pointer: event.pointerId, from: this.sheet ? event.clientY : event.clientX, size: this.size };
    event.preventDefault();
    this.requestUpdate();
  };

  /** The handle is on the canvas side: dragging it towards the canvas grows the panel. */
  private handleMove = (event: PointerEvent) => {
    const drag = this._drag;
    if (drag?.pointer !== event.pointerId) return;
    this.resizeTo(drag.size + drag.from - (this.sheet ? event.clientY : event.clientX));
  };

  private handleUp = (event: PointerEvent) => {
    if (this._drag?.pointer !== event.pointerId) return;
    this._drag = undefined;
    this.remember();
    this.requestUpdate();
  };

  /** The window-splitter keys: arrows towards the canvas grow the panel, Home and End go to the limits. */
  private handleKey = (event: KeyboardEvent) => {
    const grow: Record<string, number> = this.sheet ? { ArrowUp: 1, ArrowDown: -1 } : { ArrowLeft: 1, ArrowRight: -1 };
    const { min, max } = this.limits();
    if (event.key in grow) this.resizeTo(this.size + grow[event.key] * (event.shiftKey ? BIG_STEP : STEP));
    else if (event.key === 'Home' || event.key === 'End') this.resizeTo(event.key === 'Home' ? min : max);
    else return;
    event.preventDefault();
    this.remember();
  };
}
