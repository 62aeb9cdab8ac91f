import { html, nothing, type PropertyDeclarations } from 'lit';
import { GraphStore, isV2uError, type GraphEdge, type GraphNode, type ManifestSource, type Point, type Rect, type StoreEvent, type Viewport } from '../../core/index.js';
import { emit } from '../shared/events.js';
import { renderCanvas } from './canvas-template.js';
import type { NodeRegistry } from '../../registry/node-registry.js';
import type { EditingKit } from './editing-kit.js';
import { EditorForm } from './editor-form.js';
import type { ConnectPreview } from './gestures/host.js';
import { nodeTitle } from './graph-view.js';
import type { EditorAction } from './keyboard.js';
import type { PointerHost } from './pointer-controller.js';
import { Selection } from './selection.js';
import { GraphViewModel } from './view-model.js';
import type { ZoomLimits } from './viewport.js';
import { ViewportController } from './viewport-controller.js';

/**
 * The canvas part of `<v2u-editor>`: the graph store and its view model, the selection,
 * keyboard focus, pan and zoom, and the members gestures use (`PointerHost`). It shows the
 * graph; the element on top of it edits, runs and saves it.
 */
export abstract class EditorCanvas extends EditorForm implements PointerHost {
  static override properties: PropertyDeclarations = {
    registry: { attribute: false },
    manifests: { attribute: false, noAccessor: true },
    _revision: { state: true },
    _preview: { state: true },
    _box: { state: true },
    _announcement: { state: true },
    focusedNode: { state: true },
  };

  /**
   * The node registry: every known node type, where its code lives, the IndexedDB cache
   * that lets a second visit paint at once, and metrics. Register your own node packs here.
   */
  registry!: NodeRegistry;

  protected _manifests?: ManifestSource;

  /**
   * Where titles, categories, ports and config forms come from: the registry unless set
   * (`undefined` or `null`, as a framework binds an unset value, means the registry).
   * Types missing here still render (as unknown nodes) and round-trip untouched.
   */
  get manifests(): ManifestSource {
    const base = this._manifests ?? this.registry;
    return this.manifestLayer?.(base) ?? base;
  }

  /**
   * Set by the lazy subflow code: adds the document's subflow types in front of `base`.
   * @internal
   */
  manifestLayer?: (base: ManifestSource) => ManifestSource;

  set manifests(source: ManifestSource | null | undefined) {
    const old = this.manifests;
    this._manifests = source ?? undefined;
    this.requestUpdate('manifests', old);
  }

  readonly selection = new Selection();
  focusedNode: string | undefined;

  protected _revision = 0;
  protected _preview: ConnectPreview | undefined;
  protected _box: Rect | undefined;
  protected _announcement = '';
  // Reads `manifests` at call time, so a graph set before the first update checks its ports too.
  protected _store = new GraphStore(undefined, { resolvePorts: (type) => this.manifests.get(type) });
  protected _view: GraphViewModel | undefined;
  protected _viewport = new ViewportController(this);

  /** The editing code, once loaded: toolbar, palette, popovers, inspector, node bodies. */
  protected abstract get editingKit(): EditingKit | undefined;

  /** The autosave banner, when a draft waits for a decision. */
  protected abstract renderBanner(): unknown;

  /** Pointer events and keys on the canvas (queued until the editing code is in). */
  protected abstract handleInput: (event: Event) => void;

  /** A key or focus on the canvas: the person means to edit, so the editing code loads now. */
  protected abstract editingIntent: () => void;

  abstract perform(action: EditorAction): void;

  /**
   * An opened subflow's inside: shown and edited instead of the graph while set (by the lazy
   * subflow code).
   * @internal
   */
  scope?: GraphStore;

  /** The live store behind the canvas (an opened subflow's while one is open): commands with undo, subscriptions. */
  get store(): GraphStore {
    return this.scope ?? this._store;
  }

  /** Undoes the last edit; returns whether there was one. */
  undo(): boolean {
    return this.editable && this._store.undo();
  }

  /** Redoes the last undone edit; returns whether there was one. */
  redo(): boolean {
    return this.editable && this._store.redo();
  }

  /** Canvas geometry and spatial indexes (for tools and tests). */
  get view(): GraphViewModel {
    return (this._view ??= new GraphViewModel(this.store, this.manifests));
  }

  /**
   * The pannable canvas, once rendered.
   * @internal
   */
  get canvas(): HTMLElement | null {
    return this.renderRoot.querySelector('.viewport');
  }

  /**
   * Whether the graph has no node.
   * @internal
   */
  get empty(): boolean {
    return this.store.state.nodeCount === 0;
  }

  /** Zooms and pans so the whole graph is in view (the minimap then hides: nothing is out of view). */
  fitView(): void {
    this._viewport.fit(this.graphBounds());
  }

  /** @internal */
  graphBounds(): Rect | undefined {
    return this.editingKit?.graphBounds() ?? this.view.nodeIndex.bounds();
  }

  /** Zooms around the canvas centre by `factor` (>1 zooms in). */
  zoomBy(factor: number): void {
    this._viewport.zoomBy(factor);
  }

  /** The viewport as shown right now (live during a gesture). */
  get liveViewport(): Viewport {
    return this._viewport.viewport;
  }

  /** Size of the canvas in CSS pixels. */
  get canvasSize(): { width: number; height: number } {
    return this._viewport.size;
  }

  get zoomLimits(): ZoomLimits {
    return this._viewport.limits;
  }

  get snapStep(): number {
    return this.snapToGrid ? 20 : 0;
  }

  /** The graph point at the centre of the canvas. */
  centerPoint(): Point {
    return this._viewport.center();
  }

  /** Shows a viewport without recording it; `commitViewport` saves it to the document. */
  showViewport(viewport: Viewport): void {
    this._viewport.show(viewport);
  }

  commitViewport(): void {
    this._viewport.commit();
  }

  canvasPoint(event: { clientX: number; clientY: number }): Point {
    return this._viewport.canvasPoint(event);
  }

  /** The graph point under the pointer, or the canvas centre when the pointer is elsewhere. */
  pointerOrCenter(): Point {
    return this._viewport.pointerOrCenter();
  }

  notePointer(event: PointerEvent): void {
    this._viewport.notePointer(event);
  }

  visibleArea(): Rect {
    return this._viewport.visibleArea();
  }

  setConnectPreview(preview: ConnectPreview | undefined): void {
    this._preview = preview;
  }

  setSelectionBox(rect: Rect | undefined): void {
    this._box = rect;
  }

  select(nodes: Iterable<string>, edges: Iterable<string> = []): void {
    if (!this.selection.set(nodes, edges)) return;
    this._viewport.hold(); // the inspector opens and narrows the canvas: no refit under the selection
    this._revision++;
    this._emitSelect();
  }

  /** Moves keyboard focus to a node, rendering it first if it is culled. */
  async focusNode(id: string): Promise<void> {
    this.focusedNode = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  }

  /** Says `message` through the live region for screen readers. */
  announce(message: string): void {
    this._announcement = message;
  }

  /** Reports a failure the way every entry point does: a `v2u-error` event. */
  reportError(error: unknown, source: string): void {
    const detail = isV2uError(error)
      ? { code: error.code, message: error.message, path: error.path, source }
      : { code: 'unexpected', message: error instanceof Error ? error.message : String(error), source };
    emit(this, 'v2u-error', detail);
  }

  /** "Title.port to Title.port", for labels and announcements. */
  describeEdge(edge: GraphEdge): string {
    const title = (id: string) => {
      const node = this.store.state.getNode(id);
      return node ? nodeTitle(node, this.manifests) : id;
    };
    return `${title(edge.from.node)}.${edge.from.port} to ${title(edge.to.node)}.${edge.to.port}`;
  }

  /** Nodes meeting the visible area (and the focused one), in document order. */
  visibleNodes(): GraphNode[] {
    const state = this.store.state;
    const ids = this.view.nodeIndex.query(this.visibleArea());
    if (this.focusedNode && state.getNode(this.focusedNode)) ids.add(this.focusedNode);
    return [...ids]
      .map((id) => [state.seqOf('node', id), state.getNode(id)!] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, node]) => node);
  }

  /**
   * Keeps the view in step with the graph: indexes, a loaded viewport, selection and focus.
   * @internal
   */
  updateView(event: StoreEvent): void {
    this.view.update(event);
    if (event.origin === 'load') this._viewport.loaded();
    else this._viewport.hold();
    const state = this.store.state;
    if (this.selection.prune((id) => !!state.getNode(id), (id) => !!state.getEdge(id))) this._emitSelect();
    if (this.focusedNode && !state.getNode(this.focusedNode)) {
      // The focused node is gone: keep keyboard focus in the editor, on the canvas.
      this.focusedNode = undefined;
      void this.updateComplete.then(() => this.canvas?.focus({ preventScroll: true }));
    }
    this._revision++;
  }

  /** Measures the canvas right after the first render (see `ViewportController.measure`). */
  protected override firstUpdated(): void {
    this._viewport.measure();
  }

  /** Edges, nodes and the selection box, culled to the visible area. */
  private _renderLayer(kit: EditingKit | undefined): unknown {
    const editor = this;
    return renderCanvas({
      state: this.store.state,
      view: this.view,
      manifests: this.manifests,
      viewport: this._viewport.viewport,
      area: this.visibleArea(),
      get nodes() {
        return editor.visibleNodes();
      },
      selection: this.selection,
      focusedNode: this.focusedNode,
      preview: this._preview,
      box: this._box,
      kit,
      describeEdge: (e) => this.describeEdge(e),
    });
  }

  protected override render() {
    const kit = this.editingKit;
    return html`${this.renderBanner()}
      <div class="toolbar" part="toolbar" role="toolbar" aria-label="Editor tools">${kit?.renderToolbar()}<slot name="toolbar"></slot></div>
      <div class="main">
        ${this.noPalette ? nothing : html`<div class="palette-panel">${kit?.renderPalette()}</div>`}
        <div class="stage">
          <div
            class="viewport"
            part="viewport"
            tabindex=${this.focusedNode ? -1 : 0}
            role="application"
            aria-roledescription="flow editor"
            aria-label="Flow canvas, ${this.store.state.nodeCount} nodes. Arrow keys move between nodes, Enter selects, C connects, slash adds a node."
            @pointerdown=${this._handlePress}
            @pointermove=${this.handleInput}
            @pointerup=${this.handleInput}
            @pointercancel=${this.handleInput}
            @keydown=${this._handlePress}
            @focusin=${this._handleFocusIn}
            @dblclick=${this._handleDoubleClick}
            @dragover=${(e: DragEvent) => kit?.handleDragOver(e)}
            @drop=${(e: DragEvent) => kit?.handleDrop(e)}
          >
            ${this._renderLayer(kit)} ${kit?.renderChrome(this._preview)}
          </div>
        </div>
        ${kit?.renderInspector()}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this._announcement}</div>`;
  }

  /**
   * A press or a key goes to the editing code (queued until it loads) and ends the load fit: a
   * refit under the person's click (the inspector opening narrows the canvas) would move what they aim at.
   */
  private _handlePress = (event: Event) => {
    this._viewport.hold();
    this.handleInput(event);
  };

  private _handleFocusIn = (event: FocusEvent) => {
    this.editingIntent();
    const node = (event.composedPath().find((el) => (el as HTMLElement).dataset?.node) as HTMLElement | undefined)?.dataset.node;
    if (node && node !== this.focusedNode) this.focusedNode = node;
  };

  private _handleDoubleClick = (event: MouseEvent) => {
    if (event.composedPath().some((el) => (el as HTMLElement).dataset?.node)) return;
    this._viewport.notePointer(event);
    this.perform('quick-add');
  };

  private _emitSelect() {
    emit(this, 'v2u-select', { nodes: [...this.selection.nodes], edges: [...this.selection.edges] });
  }
}
