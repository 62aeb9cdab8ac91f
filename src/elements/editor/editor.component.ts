import { inlineStyle } from '../shared/inline-style.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  GraphStore,
  ErrorCodes,
  V2uError,
  createDocument,
  isV2uError,
  serializeDocument,
  type GraphDocument,
  type GraphEdge,
  type GraphNode,
  type ManifestSource,
  type Point,
  type Rect,
  type StoreEvent,
  type Viewport,
} from '../../core/index.js';
import { defaultLibraryUrl } from '../../library-url.js';
import { NodeRegistry, type RegistryMetrics } from '../../registry/node-registry.js';
import type { LazyMetrics } from '../../runtime/lazy-element-loader.js';
import type { PoolMetrics } from '../../runtime/pool/pool.js';
import type { RunSummary } from '../../core/engine/types.js';
import type { NodeView } from '../run/run-controller.js';
import { RegistryPersistence } from '../../runtime/persistence-registry.js';
import { Persistence } from '../../runtime/persistence.js';
import type { Autosave } from './autosave.js';
import { emit } from '../shared/events.js';
import { WeakEmitter } from '../shared/weak-emitter.js';
import type { EditingKit } from './editing-kit.js';
import { withPath } from './replay.js';
import { editorStyles } from './editor.styles.js';
import type { CanvasHost, ConnectPreview } from './gestures/host.js';
import { nodeTitle, portMarks, renderConnectPreview, renderEdges, renderNodes } from './graph-view.js';
import type { EditorAction } from './keyboard.js';
import type { PointerHost } from './pointer-controller.js';
import { Selection } from './selection.js';
import { GraphViewModel } from './view-model.js';
import { fitRect, toGraph, visibleRect, zoomAround, type ZoomLimits } from './viewport.js';

/** Extra screen pixels rendered around the visible area, so panning shows no gaps. */
const CULL_MARGIN = 200;

/**
 * A visual editor for business-logic flows: nodes wired by typed ports.
 *
 * @summary Edit and run flows of typed nodes; the graph is JSON in `value` or an object in `graph`.
 *
 * @event v2u-change - The graph changed through an edit, undo or redo. Setting `value` or `graph` in code does not fire it.
 * @event v2u-select - The selection changed. `detail` has `nodes` and `edges` (ids).
 * @event v2u-error - Bad input or a failure. The graph and saved data stay as they were. `detail` has `code`, `message`, `path`, `source` (and `nodeId` for a node that failed in a run).
 * @event v2u-warning - Something degraded but works: storage fell back to memory, workers fell back, an operation was slow. `detail` has `code`, `message`.
 * @event v2u-run-start - A run began; `detail.nodes` are the nodes it will run or take from the cache.
 * @event v2u-node-status - A node moved to queued, running, done, error or cancelled; `detail` has `nodeId`, `status`, `state`.
 * @event v2u-node-progress - A running node reported progress (0..1), in order; `detail` has `nodeId`, `progress`, `message`.
 * @event v2u-run-end - A run finished; `detail.summary` lists executed, cached, failed, cancelled and skipped nodes.
 * @event v2u-output - An Emit node produced a result for the page; `detail` has `nodeId`, `name`, `value`.
 * @event v2u-draft-found - With `storage-key`: an unsaved draft differs from the graph. Cancel it to handle it yourself instead of the banner.
 * @event v2u-draft-conflict - With `storage-key`: another tab saved a newer draft. Cancel it to handle it yourself instead of the banner.
 *
 * @slot toolbar - Extra controls at the end of the toolbar.
 *
 * @csspart toolbar - The row of buttons above the canvas.
 * @csspart viewport - The pannable canvas.
 * @csspart edges - The SVG layer that holds every edge.
 * @csspart edge - One edge path (also `edge-selected`); `edge-preview` is the edge being dragged.
 * @csspart node - A node shell (also `node-selected`).
 * @csspart node-header - A node's title bar.
 * @csspart port - A port row (also `port-input` or `port-output`).
 * @csspart port-dot - The connector of a port: drag it, or focus it and press Enter.
 * @csspart port-label - The name of a port.
 * @csspart selection-box - The rectangle of a box selection.
 * @csspart node-status - A node's run status line: `status-badge`, `progress`, `node-preview`.
 * @csspart node-body - The area a node type's own element renders in (`node-element`).
 * @csspart palette - The list of node types (its `palette-search` and `palette-item`).
 * @csspart minimap - The overview in the corner.
 * @csspart inspector - The config form of the selected node.
 * @csspart popover - Quick add (`quick-add`) and the keyboard connection list (`connect-list`).
 * @csspart connect-hint - Why a connection being dragged is refused.
 * @csspart banner - The autosave banner (restore a draft, resolve a two-tab conflict).
 *
 * @cssproperty --v2u-editor-background - Canvas background.
 * @cssproperty --v2u-editor-grid-color - Dot grid colour.
 * @cssproperty --v2u-editor-color - Text colour.
 * @cssproperty --v2u-editor-accent - Selection and focus colour.
 * @cssproperty --v2u-editor-panel-background - Toolbar, inspector and popover background.
 * @cssproperty --v2u-node-background - Node fill.
 * @cssproperty --v2u-node-border-color - Node border.
 * @cssproperty --v2u-node-radius - Node corner radius.
 * @cssproperty --v2u-edge-color - Edge stroke.
 * @cssproperty --v2u-port-color - Port dot and label colour.
 * @cssproperty --v2u-valid-color - Ports that accept the edge being dragged.
 * @cssproperty --v2u-invalid-color - Ports that refuse it.
 * @cssproperty --v2u-font-family - Font of the whole editor.
 * @cssproperty --v2u-font-size - Base font size.
 * @cssproperty --v2u-editor-muted-color - Secondary text (status, hints).
 * @cssproperty --v2u-editor-palette-width - Width of the palette column.
 * @cssproperty --v2u-category-create-color - Accent of create nodes (likewise transform, output, utility, unknown).
 *
 * @tagname v2u-editor
 */
export class V2uEditor extends LitElement implements CanvasHost, PointerHost {
  static override styles = editorStyles;

  /** Takes part in forms: the graph JSON is the form value. */
  static formAssociated = true;

  // Declared here rather than with decorators: the same metadata, less code in the entry.
  static override properties = {
    value: { noAccessor: true },
    name: { reflect: true },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    theme: { reflect: true },
    snapToGrid: { type: Boolean, reflect: true, attribute: 'snap-to-grid' },
    minZoom: { type: Number, attribute: 'min-zoom' },
    maxZoom: { type: Number, attribute: 'max-zoom' },
    registry: { attribute: false },
    manifests: { attribute: false },
    library: {},
    noLibrary: { type: Boolean, attribute: 'no-library' },
    noPalette: { type: Boolean, reflect: true, attribute: 'no-palette' },
    noAutoRun: { type: Boolean, attribute: 'no-auto-run' },
    workerUrl: { attribute: 'worker-url' },
    allowedOrigins: { attribute: 'allowed-origins' },
    poolSize: { type: Number, attribute: 'pool-size' },
    required: { type: Boolean, reflect: true },
    src: {},
    storageKey: { attribute: 'storage-key' },
    boxMode: { type: Boolean, attribute: 'box-select' },
    _revision: { state: true },
    _viewport: { state: true },
    _size: { state: true },
    _preview: { state: true },
    _box: { state: true },
    _announcement: { state: true },
    focusedNode: { state: true },
  };

  /** The form field name under which the graph JSON is submitted. */
  name = '';

  /** View, pan, zoom and select, but no edits. */
  readonly = false;

  /** Greys out the editor and excludes it from form submission; no edits. */
  disabled = false;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /** Snap dragged nodes to a 20 px grid. */
  snapToGrid = false;

  /** Smallest zoom factor. */
  minZoom = 0.1;

  /** Largest zoom factor. */
  maxZoom = 2.5;

  /**
   * The node registry: every known node type, where its code lives, the IndexedDB cache
   * that lets a second visit paint at once, and metrics. Register your own node packs here.
   */
  registry: NodeRegistry;

  /**
   * Where titles, categories, ports and config forms come from: the registry unless set.
   * Types missing here still render (as unknown nodes) and round-trip untouched.
   */
  manifests: ManifestSource;

  /** URL of a node library's bundle index; the built-in library next to the script by default. */
  library?: string;

  /** Do not load the built-in (or `library`) node library: only types you register. */
  noLibrary = false;

  /** Hide the palette of node types. */
  noPalette = false;

  /** Do not run dirty nodes by themselves after an edit; `run()` and the Run button still work. */
  noAutoRun = false;

  /** URL of the pool's worker script on the page's own origin, when the default cannot be used. */
  workerUrl?: string;

  /**
   * Origins (space- or comma-separated, or `*`) that network nodes such as HTTP request may
   * call besides the page's own. Only the host page sets this; a loaded graph cannot.
   */
  allowedOrigins?: string;

  /**
   * Workers in the page's shared pool (default `min(8, hardwareConcurrency)`); 0 runs node
   * logic on the main thread, yielding. A change lets the current pool go (results so far run
   * again); a pool other editors still use keeps the size it was made with.
   */
  poolSize?: number;

  /** In a form: an empty graph is invalid ("Add at least one node"). */
  required = false;

  /** URL of a graph JSON to load when no `value` or inline JSON is given. */
  src?: string;

  /**
   * Autosave key: every change is saved to IndexedDB under it, and a draft left by a crash
   * or reload is offered back. Editors with the same key in two tabs never overwrite each
   * other silently.
   */
  storageKey?: string;

  /** Background drags draw a selection box instead of panning (the toolbar toggles it). */
  boxMode = false;

  private _revision = 0;
  private _viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  private _size = { width: 0, height: 0 };
  private _preview: ConnectPreview | undefined;
  private _box: Rect | undefined;
  private _announcement = '';
  focusedNode: string | undefined;

  private get _canvas(): HTMLElement | null {
    return this.renderRoot.querySelector('.viewport');
  }

  readonly selection = new Selection();
  // Reads `manifests` at call time, so a graph set before the first update checks its ports too.
  private _store = new GraphStore(undefined, { resolvePorts: (type) => this.manifests.get(type) });
  private _view: GraphViewModel;
  private _resize?: ResizeObserver;
  private _lastPointer: Point | undefined;
  private _kit: EditingKit | undefined;
  private _kitLoad: Promise<EditingKit | undefined> | undefined;
  private _queued: PointerEvent[] = [];
  private _idle = 0;

  /** The IndexedDB store (memory when unavailable) shared by the registry cache and autosave. */
  readonly persistence: Persistence;
  private _internals: ElementInternals;
  private _formDisabled = false;
  /** The graph the page gave (attribute, inline JSON or `src`): what a form reset restores. */
  private _initial: string | undefined;
  private _formTimer: ReturnType<typeof setTimeout> | undefined;
  private _formIdle: number | undefined;
  private _autosave: Autosave | undefined;
  private _autosaveReady: Promise<void> = Promise.resolve();
  /** Change types of an open batch (a drag), reported once as one `v2u-change` when it ends. */
  private _pendingTypes = new Set<string>();
  private _srcLoad: AbortController | undefined;
  /** Aborted on disconnect: cancels the library fetches started while connected. */
  private _connection = new AbortController();
  private _libraryStarted: NodeRegistry | undefined;
  private _onRegistryChange = () => {
    this._view.setSources(this._store, this.manifests);
    this._kit?.runner.typesChanged(new Set([...this._store.state.nodes()].map((n) => n.type)));
    this._revision++;
  };

  constructor() {
    super();
    this._internals = this.attachInternals();
    // Both may still wait on IndexedDB or the network after a removal: they must not hold the editor.
    const emitter = new WeakEmitter(this);
    this.persistence = new Persistence({ emitter });
    this.registry = new NodeRegistry({ cache: new RegistryPersistence(this.persistence), emitter });
    this.manifests = this.registry;
    this._view = new GraphViewModel(this._store, this.manifests);
    this._store.subscribe((event) => this.handleStoreChange(event));
  }

  /** Registry, lazy-loading and worker-pool figures, for dashboards and benchmarks. */
  get metrics(): { registry: RegistryMetrics; lazy?: LazyMetrics; pool?: PoolMetrics } {
    return { registry: this.registry.metrics, lazy: this._kit?.loader.metrics, pool: this._kit?.runner.metrics.pool };
  }

  /**
   * Runs every dirty node (all of them the first time) on the shared worker pool and
   * resolves with the run summary; per-node progress arrives as `v2u-node-progress`.
   */
  async run(): Promise<RunSummary> {
    const kit = await this.loadEditing();
    if (!kit) throw new Error('<v2u-editor>.run(): the editor is not in the document');
    return kit.runner.run();
  }

  /** Cancels the running run; in-flight nodes show `cancelled`, the graph is untouched. */
  cancel(): void {
    this._kit?.runner.cancel();
  }

  /** Whether a run is in progress. */
  get running(): boolean {
    return !!this._kit?.runner.running;
  }

  /**
   * A node's run state: status, progress, duration, error, output and its preview. Output
   * ports with long arrays (tables of 10,000 rows and more) hold `OutputRef` handles (length
   * and first rows): the rows stay in the worker; `nodeOutput()` fetches them.
   */
  nodeState(nodeId: string): NodeView | undefined {
    return this._kit?.runner.nodeState(nodeId);
  }

  /**
   * A node's latest outputs in full, with values kept in a worker copied to the page;
   * `undefined` before the node has run or once an edit made its result stale.
   */
  async nodeOutput(nodeId: string): Promise<Record<string, unknown> | undefined> {
    return this._kit?.runner.output(nodeId);
  }

  /** The graph point at the centre of the canvas. */
  centerPoint(): Point {
    return toGraph(this._viewport, { x: this._size.width / 2, y: this._size.height / 2 });
  }

  /**
   * The graph as JSON text; what forms and CMS fields carry. Setting it with invalid JSON
   * or an invalid document fires `v2u-error` and keeps the current graph.
   */
  get value(): string {
    return serializeDocument(this._store.document);
  }

  set value(json: string | null) {
    if (json === null || json === undefined || json === '') return;
    this.tryLoad(String(json), 'value');
  }

  /** The graph as an object (property only). Invalid input fires `v2u-error` and is ignored. */
  get graph(): GraphDocument {
    return this._store.document;
  }

  set graph(doc: GraphDocument) {
    // Frameworks bind back the document the editor reported; reloading it would clear undo.
    if (doc === this._store.document) return;
    this.tryLoad(doc, 'graph');
  }

  /** Alias of `readonly` for frameworks that bind DOM-style names (Angular's `[readonly]`). */
  get readOnly(): boolean {
    return this.readonly;
  }

  set readOnly(value: boolean) {
    this.readonly = value;
  }

  /** The live store behind the editor: commands with undo, subscriptions. */
  get store(): GraphStore {
    return this._store;
  }

  /** Canvas geometry and spatial indexes (for tools and tests). */
  get view(): GraphViewModel {
    return this._view;
  }

  get editable(): boolean {
    return !this.readonly && !this.disabled && !this._formDisabled;
  }

  /** The form this editor belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this._internals.form;
  }

  /** Form validity, as for any form control. */
  get validity(): ValidityState {
    return this._internals.validity;
  }

  get validationMessage(): string {
    return this._internals.validationMessage;
  }

  checkValidity(): boolean {
    return this._internals.checkValidity();
  }

  reportValidity(): boolean {
    return this._internals.reportValidity();
  }

  /** Form reset: back to the graph the page gave. */
  formResetCallback(): void {
    const initial = this.getAttribute('value') || this._initial || serializeDocument(createDocument());
    this.tryLoad(initial, 'reset');
  }

  /** Browser form restore (back/forward, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.tryLoad(state, 'restore');
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
    this.requestUpdate();
  }

  /**
   * Publishes the graph to the form, coalescing bursts of changes into one. Moves and
   * viewport changes (drags, pans, zooms: many per second) wait until the gesture has been
   * quiet for a while and then for an idle moment, since serialising a 10,000-node graph
   * takes tens of milliseconds (an idle callback alone fires between the frames of a drag);
   * submit and formdata flush the value anyway, so a form never sends a stale one.
   */
  private syncForm(now = false, whenIdle = false) {
    clearTimeout(this._formTimer);
    cancelIdle(this._formIdle);
    const apply = () => {
      const json = this.value;
      this._internals.setFormValue(json, json);
      const empty = this._store.state.nodeCount === 0;
      if (this.required && empty) this._internals.setValidity({ valueMissing: true }, 'Add at least one node to the flow', this._canvas ?? undefined);
      else this._internals.setValidity({});
    };
    if (now) apply();
    else if (whenIdle) this._formTimer = setTimeout(() => (this._formIdle = onIdle(apply, 2000)), GESTURE_QUIET_MS);
    else this._formTimer = setTimeout(apply, 100);
  }

  get snapStep(): number {
    return this.snapToGrid ? 20 : 0;
  }

  get zoomLimits(): ZoomLimits {
    return { min: this.minZoom, max: this.maxZoom };
  }

  /** Size of the canvas in CSS pixels. */
  get canvasSize(): { width: number; height: number } {
    return this._size;
  }

  get liveViewport(): Viewport {
    return this._viewport;
  }

  /** Returns the current graph as a JSON-ready object (a copy). */
  exportGraph(): GraphDocument {
    return structuredClone(this._store.document);
  }

  /**
   * Replaces the graph with a document or JSON text. Throws the validation error (and fires
   * `v2u-error`) when it is invalid; the current graph is left untouched.
   */
  importGraph(input: GraphDocument | string): void {
    this.load(input, 'importGraph');
  }

  /** Undoes the last edit; returns whether there was one. */
  undo(): boolean {
    return this.editable && this._store.undo();
  }

  /** Redoes the last undone edit; returns whether there was one. */
  redo(): boolean {
    return this.editable && this._store.redo();
  }

  /** Zooms and pans so the whole graph is in view. */
  fitView(): void {
    const bounds = this._view.nodeIndex.bounds();
    if (!bounds || !this._size.width) return;
    this.showViewport(fitRect(bounds, this._size, this.zoomLimits));
    this.commitViewport();
  }

  /** Zooms around the canvas centre by `factor` (>1 zooms in). */
  zoomBy(factor: number): void {
    this.showViewport(zoomAround(this._viewport, { x: this._size.width / 2, y: this._size.height / 2 }, factor, this.zoomLimits));
    this.commitViewport();
  }

  showViewport(viewport: Viewport): void {
    this._viewport = viewport;
  }

  commitViewport(): void {
    const saved = this._store.state.viewport;
    const v = this._viewport;
    if (saved.x !== v.x || saved.y !== v.y || saved.zoom !== v.zoom) this._store.setViewport(v);
  }

  canvasPoint(event: { clientX: number; clientY: number }): Point {
    const box = this._canvas!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** The graph point under the pointer, or the canvas centre when the pointer is elsewhere. */
  pointerOrCenter(): Point {
    return this._lastPointer ?? toGraph(this._viewport, { x: this._size.width / 2, y: this._size.height / 2 });
  }

  notePointer(event: PointerEvent): void {
    this._lastPointer = toGraph(this._viewport, this.canvasPoint(event));
  }

  visibleArea(): Rect {
    return visibleRect(this._viewport, this._size, CULL_MARGIN);
  }

  select(nodes: Iterable<string>, edges: Iterable<string> = []): void {
    if (!this.selection.set(nodes, edges)) return;
    this._revision++;
    emit(this, 'v2u-select', { nodes: [...this.selection.nodes], edges: [...this.selection.edges] });
  }

  setConnectPreview(preview: ConnectPreview | undefined): void {
    this._preview = preview;
  }

  setSelectionBox(rect: Rect | undefined): void {
    this._box = rect;
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

  /** Runs a toolbar or keyboard action (once the editing code has loaded). */
  perform(action: EditorAction): void {
    if (this._kit) this._kit.actions.perform(action);
    else void this.loadEditing().then((kit) => kit?.actions.perform(action));
  }

  /** Toolbar, keyboard and popover actions; undefined until the editing code has loaded. */
  get actions(): EditingKit['actions'] | undefined {
    return this._kit?.actions;
  }

  /**
   * Resolves when the editing code (gestures, inspector, minimap) is loaded. It loads by
   * itself when the browser is idle after the first paint, or on the first pointer or key.
   */
  whenEditable(): Promise<void> {
    return this.loadEditing().then(() => undefined);
  }

  private loadEditing(): Promise<EditingKit | undefined> {
    const load: Promise<EditingKit | undefined> = (this._kitLoad ??= import('./editing-kit.js').then((m) => {
      // Removed while the code loaded: no kit for a detached editor (connecting again loads one).
      if (this._kitLoad !== load) return undefined;
      if (!this.isConnected) return (this._kitLoad = undefined);
      this._kit = m.createEditingKit(this);
      for (const event of this._queued.splice(0)) this.routePointer(event);
      this.requestUpdate();
      return this._kit;
    }));
    return load;
  }

  /**
   * Pointer events that arrive before the editing code are replayed once it is in. An event
   * read after its dispatch has an empty `composedPath()` and no `currentTarget`, so the
   * queued one keeps its path (what was pressed decides the gesture).
   */
  private handlePointer = (event: PointerEvent) => {
    if (this._kit) return this.routePointer(event);
    if (event.type === 'pointerdown') (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    this._queued.push(withPath(event, event.composedPath()));
    void this.loadEditing();
  };

  private routePointer(event: PointerEvent) {
    const p = this._kit!.pointer;
    const handler = { pointerdown: p.handleDown, pointermove: p.handleMove, pointerup: p.handleUp, pointercancel: p.handleCancel }[event.type];
    handler?.(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this._connection.signal.aborted) this._connection = new AbortController();
    this._resize = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width !== this._size.width || height !== this._size.height) this._size = { width, height };
    });
    this.updateComplete.then(() => this.isConnected && this._canvas && this._resize?.observe(this._canvas));
    // The editing code loads right after the first paint, not before it.
    this._idle = requestAnimationFrame(() => setTimeout(() => this.isConnected && void this.loadEditing()));
    this.registry.addEventListener('change', this._onRegistryChange);
    void this.startLibrary();
    this.loadInitial();
    this.form?.addEventListener('submit', this._flushForm, true);
    this.form?.addEventListener('formdata', this._flushForm);
  }

  /** Before a submission or `new FormData(form)` reads entries: the graph as it is now. */
  private _flushForm = (event: Event) => {
    this.syncForm(true);
    const data = (event as FormDataEvent).formData;
    if (data && this.name && !this.disabled && !this._formDisabled) data.set(this.name, this.value);
  };

  /** The first graph: the `value` attribute, else an inline `<script type="application/json">`, else `src`. */
  private loadInitial() {
    if (this._initial !== undefined) return;
    const attribute = this.getAttribute('value');
    const inline = this.querySelector(':scope > script[type="application/json"]')?.textContent;
    if (attribute) this._initial = attribute;
    else if (inline?.trim()) {
      this._initial = inline;
      this.tryLoad(inline, 'inline');
    } else if (this.src) void this.loadSrc(this.src);
    this.syncForm(true);
  }

  private async loadSrc(url: string) {
    this._srcLoad?.abort();
    const controller = (this._srcLoad = new AbortController());
    try {
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) throw new V2uError(ErrorCodes.loadFailed, `could not load ${url}: HTTP ${response.status}`, url);
      const text = await response.text();
      if (controller.signal.aborted) return;
      this._initial = text;
      this.tryLoad(text, 'src');
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.reportError(error, 'src');
    }
  }

  /** Loads the autosave chunk for a storage key and offers back any draft found. */
  private async startAutosave() {
    void this._autosave?.destroy();
    this._autosave = undefined;
    const key = this.storageKey;
    if (!key) return;
    const { Autosave } = await import('./autosave.js');
    if (key !== this.storageKey || !this.isConnected) return;
    this._autosave = new Autosave(this, this.persistence, key);
    await this._autosave.start();
  }

  /** Saves the autosave draft now, e.g. before the host navigates away. */
  async saveDraft(): Promise<void> {
    await this._autosaveReady;
    await this._autosave?.flush();
  }

  /** Paints from the IndexedDB cache first, then fetches the library's index and preloads. */
  private async startLibrary() {
    const registry = this.registry;
    if (this._libraryStarted === registry) return;
    this._libraryStarted = registry;
    const types = () => new Set([...this._store.state.nodes()].map((n) => n.type));
    if (this.noLibrary) return;
    const library = this.library ?? defaultLibraryUrl();
    const { signal } = this._connection;
    try {
      // Awaits race the connection: a removed editor's method stops waiting (and lets go of
      // the element) at once, not when the registry's IndexedDB reads complete.
      await orAbort(registry.restore(library), signal);
      await orAbort(registry.registerIndex(library, types(), { signal }), signal);
      await orAbort(registry.preload(types()), signal);
    } catch (error) {
      // An editor removed meanwhile stops here (and starts over if it comes back).
      if (!signal.aborted) this.reportError(error, 'library');
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._resize = undefined;
    cancelAnimationFrame(this._idle);
    clearTimeout(this._formTimer);
    cancelIdle(this._formIdle);
    this._connection.abort(REMOVED);
    this._libraryStarted = undefined;
    this.form?.removeEventListener('submit', this._flushForm, true);
    this.form?.removeEventListener('formdata', this._flushForm);
    this._srcLoad?.abort();
    this._autosave?.destroy();
    this._autosave = undefined;
    this.registry.removeEventListener('change', this._onRegistryChange);
    this._kit?.destroy();
    if (this._kit) this.removeController(this._kit.pointer);
    this._kit = undefined;
    this._kitLoad = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registry') && changed.get('registry') !== undefined && this.isConnected) {
      (changed.get('registry') as NodeRegistry).removeEventListener('change', this._onRegistryChange);
      this.registry.addEventListener('change', this._onRegistryChange);
      void this.startLibrary();
    }
    if (changed.has('src') && changed.get('src') !== undefined && this.src) void this.loadSrc(this.src);
    if (changed.has('storageKey')) this._autosaveReady = this.startAutosave();
    if (changed.has('required')) this.syncForm(true);
    if (changed.has('noAutoRun') && this._kit) this._kit.runner.autoRun = !this.noAutoRun;
    if ((changed.has('poolSize') || changed.has('workerUrl')) && this._kit) this._kit.runner.reconfigure();
    if (changed.has('manifests')) this._view.setSources(this._store, this.manifests);
  }

  /**
   * Measures the canvas once, right after the first render, so culling knows what it shows
   * before the first frame. Waiting for the ResizeObserver instead rendered a 0×0 canvas's
   * nodes, then laid out and rendered again inside the first frame.
   */
  protected override firstUpdated(): void {
    const canvas = this._canvas;
    if (canvas && canvas.clientWidth > 0) this._size = { width: canvas.clientWidth, height: canvas.clientHeight };
  }

  protected override render() {
    const state = this._store.state;
    const { x, y, zoom } = this._viewport;
    const nodes = this.visibleNodes();
    const area = this.visibleArea();
    const edges = [...this._view.edgeIndex.query(area)].map((id) => state.getEdge(id)!).filter(Boolean);
    const loader = this._kit?.loader;
    const stateOf = (n: GraphNode) => ({
      bodyKey: loader?.state(n.type),
      runKey: this._kit?.runKey(n.id),
      selected: this.selection.nodes.has(n.id),
      focused: this.focusedNode === n.id,
      preview: this._preview,
      marks: portMarks(n, this._view.portsOf(n), this._preview),
    });
    this._kit?.noteVisible(nodes);
    return html`${this._autosave?.renderBanner() ?? nothing}
      <div class="toolbar" part="toolbar" role="toolbar" aria-label="Editor tools">${this._kit?.renderToolbar()}<slot name="toolbar"></slot></div>
      <div class="main">
        ${this.noPalette ? nothing : html`<div class="palette-panel">${this._kit?.renderPalette()}</div>`}
        <div class="stage">
        <div
          class="viewport"
          part="viewport"
          tabindex=${this.focusedNode ? -1 : 0}
          role="application"
          aria-roledescription="flow editor"
          aria-label="Flow canvas, ${state.nodeCount} nodes. Arrow keys move between nodes, Enter selects, C connects, slash adds a node."
          @pointerdown=${this.handlePointer}
          @pointermove=${this.handlePointer}
          @pointerup=${this.handlePointer}
          @pointercancel=${this.handlePointer}
          @keydown=${this.handleKeyDown}
          @focusin=${this.handleFocusIn}
          @dblclick=${this.handleDoubleClick}
          @dragover=${(e: DragEvent) => this._kit?.handleDragOver(e)}
          @drop=${(e: DragEvent) => this._kit?.handleDrop(e)}
        >
          <div class="layer" style=${inlineStyle(`transform: translate(${x}px, ${y}px) scale(${zoom})`)}>
            <svg
              class="edges"
              part="edges"
              role="list"
              aria-label="Connections"
              style=${inlineStyle(`left: ${area.x}px; top: ${area.y}px`)}
              width=${area.width}
              height=${area.height}
              viewBox="${area.x} ${area.y} ${area.width} ${area.height}"
            >
              ${renderEdges(edges, this._view, this.selection.edges, (e) => this.describeEdge(e))}
              ${renderConnectPreview(this._preview, this._view, this._preview && state.getNode(this._preview.from.node))}
            </svg>
            ${renderNodes(nodes, this._view, this.manifests, stateOf, { body: this._kit?.renderBody, status: this._kit?.renderStatus })}
          </div>
          ${this._box
            ? html`<div class="selection-box" part="selection-box" style=${inlineStyle(`left:${this._box.x}px;top:${this._box.y}px;width:${this._box.width}px;height:${this._box.height}px`)}></div>`
            : nothing}
          ${this._kit?.renderChrome(this._preview, this._revision)}
        </div>
        ${this._kit?.renderInspector()}
        </div>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this._announcement}</div>`;
  }

  /** "Title.port to Title.port", for labels and announcements. */
  describeEdge(edge: GraphEdge): string {
    const title = (id: string) => {
      const node = this._store.state.getNode(id);
      return node ? nodeTitle(node, this.manifests) : id;
    };
    return `${title(edge.from.node)}.${edge.from.port} to ${title(edge.to.node)}.${edge.to.port}`;
  }

  /** Nodes meeting the visible area (and the focused one), in document order. */
  visibleNodes(): GraphNode[] {
    const state = this._store.state;
    const ids = this._view.nodeIndex.query(this.visibleArea());
    if (this.focusedNode && state.getNode(this.focusedNode)) ids.add(this.focusedNode);
    return [...ids]
      .map((id) => [state.seqOf('node', id), state.getNode(id)!] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, node]) => node);
  }

  private handleStoreChange(event: StoreEvent) {
    this._view.update(event);
    if (event.origin === 'load') this._viewport = { ...this._store.state.viewport };
    const state = this._store.state;
    if (this.selection.prune((id) => !!state.getNode(id), (id) => !!state.getEdge(id)))
      emit(this, 'v2u-select', { nodes: [...this.selection.nodes], edges: [...this.selection.edges] });
    if (this.focusedNode && !state.getNode(this.focusedNode)) {
      // The focused node is gone: keep keyboard focus in the editor, on the canvas.
      this.focusedNode = undefined;
      this.updateComplete.then(() => this._canvas?.focus({ preventScroll: true }));
    }
    this._revision++;
    // Moves and the viewport change nothing a run depends on: skip the engine's diff (a drag
    // of a 10,000-node graph would otherwise copy the document on every pointer move).
    if (event.origin === 'load' || event.changes.some((c) => c.type !== 'node-move' && c.type !== 'viewport')) this._kit?.runner.documentChanged();
    this.syncForm(false, event.origin !== 'load' && event.changes.every((c) => c.type === 'node-move' || c.type === 'viewport'));
    if (event.origin !== 'load') this._autosave?.schedule();
    if (event.origin === 'load') return;
    for (const change of event.changes) this._pendingTypes.add(change.type);
    if (!event.settled || this._pendingTypes.size === 0) return;
    const types = [...this._pendingTypes];
    this._pendingTypes.clear();
    emit(this, 'v2u-change', { origin: event.origin, types, graph: this._store.document });
  }

  /** Keys go to the editing code; the few pressed before it loads keep their browser default. */
  private handleKeyDown = (event: KeyboardEvent) => this._kit?.handleKeyDown(event);

  private handleFocusIn = (event: FocusEvent) => {
    const node = (event.composedPath().find((el) => (el as HTMLElement).dataset?.node) as HTMLElement | undefined)?.dataset.node;
    if (node && node !== this.focusedNode) this.focusedNode = node;
  };

  private handleDoubleClick = (event: MouseEvent) => {
    if (event.composedPath().some((el) => (el as HTMLElement).dataset?.node)) return;
    this._lastPointer = toGraph(this._viewport, this.canvasPoint(event));
    this.perform('quick-add');
  };

  /** Moves keyboard focus to a node, rendering it first if it is culled. */
  async focusNode(id: string): Promise<void> {
    this.focusedNode = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  }

  private tryLoad(input: GraphDocument | string, source: string) {
    try {
      this.load(input, source);
    } catch {
      // load() already reported it; the current graph stays.
    }
  }

  /** Validates and loads in one pass (the store parses; parsing twice doubled a large graph's load). */
  private load(input: GraphDocument | string, source: string): void {
    try {
      this._store.load(input);
    } catch (error) {
      this.reportError(error, source);
      throw error;
    }
  }
}

/**
 * Why a removed editor's work stops. Made once, at module load: an abort reason made in
 * `disconnectedCallback` would carry a stack holding the editor, and pending requests that
 * keep the signal would keep the editor with it.
 */
const REMOVED = new DOMException('the editor was removed from the document', 'AbortError');

/** The promise, or a rejection as soon as `signal` aborts (the promise itself runs on). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    promise.then((value) => (settle(), resolve(value)), (error: unknown) => (settle(), reject(error)));
  });
}

/** A gesture is over when its changes have stopped for this long. */
const GESTURE_QUIET_MS = 500;

/** `requestIdleCallback` with a deadline, or a timer where it is missing (Safari). */
function onIdle(fn: () => void, timeout: number): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : -(setTimeout(fn, 100) as unknown as number);
}

function cancelIdle(handle: number | undefined) {
  if (handle === undefined) return;
  if (handle < 0) clearTimeout(-handle);
  else cancelIdleCallback(handle);
}
