import type { PropertyValues } from 'lit';
import { serializeDocument, type GraphDocument, type StoreEvent } from '../../core/index.js';
import type { RunOptions, RunSummary } from '../../core/engine/types.js';
import { NodeRegistry, type RegistryMetrics } from '../../registry/node-registry.js';
import type { LazyMetrics } from '../../runtime/lazy-element-loader.js';
import { RegistryPersistence } from '../../runtime/persistence-registry.js';
import { Persistence } from '../../runtime/persistence.js';
import type { PoolMetrics } from '../../runtime/pool/pool.js';
import type { NodeView } from '../run/run-controller.js';
import { WeakEmitter } from '../shared/weak-emitter.js';
import { AutosaveController } from './autosave-controller.js';
import { ChangeReporter, isViewChange } from './change-reporter.js';
import { DocumentController } from './document-controller.js';
import { EditingController } from './editing-controller.js';
import type { EditingKit } from './editing-kit.js';
import { EditorCanvas } from './editor-canvas.js';
import type { EditorHost } from './editor-host.js';
import { editorStyles } from './editor.styles.js';
import type { EditorAction } from './keyboard.js';
import { LibraryController } from './library-controller.js';
import { ReadyController } from './ready-controller.js';
import type { V2uReadyDetail } from '../shared/events.js';

/**
 * A visual editor for business-logic flows: nodes wired by typed ports.
 *
 * @summary Edit and run flows of typed nodes; the graph is JSON in `value` or an object in `graph`.
 *
 * @event v2u-ready - The loaded graph is drawn with its types: every node whose type is known shows its real title and ports (unknown types stay placeholders, listed in `detail.unknownTypes`). Once per loaded graph (`value`, `graph`, `src`, `importGraph`); `whenReady()` is its promise.
 * @event v2u-change - The graph changed through an edit, undo or redo. Setting `value` or `graph` in code does not fire it.
 * @event v2u-viewport-change - The person panned or zoomed; `detail.viewport`. Not an edit: no `v2u-change`, and the form value and autosaved draft wait for the next edit.
 * @event v2u-select - The selection changed. `detail` has `nodes` and `edges` (ids).
 * @event v2u-inspector-toggle - The inspector panel opened (on a first selection, or by the person) or collapsed, so the canvas changed size; `detail.collapsed`.
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
 * @csspart breadcrumbs - While a subflow is open (double-click it, or Enter on it): "Flow › …", a row at the top of the toolbar whose crumbs go back out (Escape goes back one level).
 * @csspart subflow-settings - Under the breadcrumbs, opened by their "Subflow settings" button: the opened subflow's config fields, to add, rename, retype, relabel, give a default or remove.
 * @csspart subflow-boundary - Behind an opened subflow's nodes: its inputs and outputs as labelled markers at the inner graph's left and right, with dashed lines to the inner ports.
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
 * @csspart minimap - The overview in the corner, shown while part of the graph is out of view.
 * @csspart inspector - The panel docked right of the canvas (under it, as a sheet, when the editor is narrower than 640 px) with the selected node's config form. It opens on the first selection; `I` on the canvas or its header button collapses and expands it; its edge resizes it (drag, or arrow keys when focused). Its width, sheet height and collapsed state persist in `localStorage` per `storage-key`.
 * @csspart inspector-header - The panel's title row; `inspector-toggle` is its collapse and expand button.
 * @csspart inspector-resize - The panel's draggable edge (a focusable separator).
 * @csspart inspector-body - The panel's scrolling area; the form in it has `field`, `field-label`, `field-error`, and `inspector-empty` (the message with none or several nodes selected).
 * @csspart popover - Quick add (`quick-add`) and the keyboard connection list (`connect-list`).
 * @csspart connect-hint - Why a connection being dragged is refused.
 * @csspart banner - The autosave banner (restore a draft, resolve a two-tab conflict).
 * @csspart library-failure - Why the node library could not be loaded, with a Retry button.
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
 * @cssproperty --v2u-node-font-size - Font size of node text (13px; titles are 8% larger), chosen to read at the zoom a loaded flow is fitted to.
 * @cssproperty --v2u-editor-muted-color - Secondary text (status, hints).
 * @cssproperty --v2u-editor-palette-width - Width of the palette column.
 * @cssproperty --v2u-category-create-color - Accent of create nodes (likewise transform, output, utility, unknown).
 * @cssproperty --v2u-group-blue-color - Hue of blue group frames, mixed with the theme (likewise gray, green, amber, red, purple).
 *
 * @tagname v2u-editor
 */
export class V2uEditor extends EditorCanvas implements EditorHost {
  static override styles = editorStyles;

  /** The IndexedDB store (memory when unavailable) shared by the registry cache and autosave. */
  readonly persistence: Persistence;

  private _emitter: WeakEmitter;
  private _changes = new ChangeReporter(this, () => this._store.document);

  // What the editor is besides its canvas and form part, in the order it comes to life.
  private _document = new DocumentController(this);
  private _library = new LibraryController(this);
  private _editing = new EditingController(this);
  private _autosave = new AutosaveController(this);
  private _ready = new ReadyController(this);

  constructor() {
    super();

    // Both may still wait on IndexedDB or the network after a removal: they must not hold the editor.
    const emitter = (this._emitter = new WeakEmitter(this));
    this.persistence = new Persistence({ emitter });
    this.registry = new NodeRegistry({ cache: new RegistryPersistence(this.persistence), emitter });
    this._store.subscribe((event) => this._handleStoreChange(event));
  }

  /**
   * The graph as JSON text; what forms and CMS fields carry. Setting it with invalid JSON
   * or an invalid document fires `v2u-error` and keeps the current graph.
   */
  get value(): string {
    return serializeDocument(this._store.document);
  }

  set value(json: string | null) {
    if (json !== null && json !== undefined && json !== '') this._document.tryLoad(String(json), 'value');
  }

  /** The graph as an object (property only). Invalid input fires `v2u-error` and is ignored. */
  get graph(): GraphDocument {
    return this._store.document;
  }

  set graph(doc: GraphDocument) {
    // Frameworks bind back the document the editor reported, also after a pan or zoom (not
    // reported); reloading it would clear undo and the view.
    if (!this._changes.isCurrent(doc)) this._document.tryLoad(doc, 'graph');
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
    this._document.load(input, 'importGraph');
  }

  /**
   * Runs every dirty node (all of them the first time; with `{ all: true }` every node
   * afresh, as the Run button does) on the shared worker pool, once the graph and its types
   * are known, and resolves with the summary; progress arrives as `v2u-node-progress`.
   */
  async run(options?: RunOptions): Promise<RunSummary> {
    const kit = await this._editing.load();
    if (!kit) throw new Error('<v2u-editor>.run(): not in the document');
    return kit.runner.run(options);
  }

  /** Cancels the running run; in-flight nodes show `cancelled`, the graph is untouched. */
  cancel(): void {
    this._editing.kit?.runner.cancel();
  }

  /** Whether a run is in progress. */
  get running(): boolean {
    return !!this._editing.kit?.runner.running;
  }

  /**
   * A node's run state: status, progress, duration, error, output and its preview. Output
   * ports with long arrays (tables of 10,000 rows and more) hold `OutputRef` handles (length
   * and first rows): the rows stay in the worker; `nodeOutput()` fetches them.
   */
  nodeState(nodeId: string): NodeView | undefined {
    return this._editing.kit?.runner.nodeState(nodeId);
  }

  /**
   * A node's latest outputs in full, with values kept in a worker copied to the page;
   * `undefined` before the node has run or once an edit made its result stale.
   */
  async nodeOutput(nodeId: string): Promise<Record<string, unknown> | undefined> {
    return this._editing.kit?.runner.output(nodeId);
  }

  /** Registry, lazy-loading and worker-pool figures, for dashboards and benchmarks. */
  get metrics(): { registry: RegistryMetrics; lazy?: LazyMetrics; pool?: PoolMetrics } {
    const kit = this._editing.kit;
    return { registry: this.registry.metrics, lazy: kit?.loader.metrics, pool: kit?.runner.metrics.pool };
  }

  /** Toolbar, keyboard and popover actions; undefined until the editing code has loaded. */
  get actions(): EditingKit['actions'] | undefined {
    return this._editing.kit?.actions;
  }

  /** Runs a toolbar or keyboard action (once the editing code has loaded). */
  perform(action: EditorAction): void {
    const kit = this._editing.kit;
    if (kit) kit.actions.perform(action);
    else void this._editing.load().then((loaded) => loaded?.actions.perform(action));
  }

  /**
   * Resolves when the editing code (gestures, inspector, minimap) is loaded. It loads by
   * itself when the browser is idle after `v2u-ready`, or at once on the first press, key or focus.
   */
  whenEditable(): Promise<void> {
    return this._editing.load().then(() => undefined);
  }

  /**
   * Resolves when the current graph is drawn with its types, as `v2u-ready` fires: every node
   * whose type the cache, the library or `manifests` knows shows its real title and ports;
   * types still unknown once the library is in stay placeholders (`unknownTypes`). A new
   * graph (`value`, `graph`, `src`, `importGraph`) brings a new ready; until it is drawn,
   * this waits for it. The editing code loads after it, when the browser is idle.
   *
   * @example
   * editor.value = json;
   * const { unknownTypes } = await editor.whenReady();
   */
  whenReady(): Promise<V2uReadyDetail> {
    return this._ready.ready;
  }

  /** Saves the autosave draft now, e.g. before the host navigates away. */
  saveDraft(): Promise<void> {
    return this._autosave.save();
  }

  /** Resolves when the graph (`src` too) and its types are known: what runs wait for. @internal */
  async graphReady(): Promise<void> {
    await this._document.loaded;
    await this._library.ready;
  }

  /** The graph is drawn with its types: now the editing code (and with it the code of its types), when idle. @internal */
  drawn(): void {
    this._editing.loadWhenIdle();
  }

  /** The layout of the loaded graph's unplaced nodes (elkjs in the pool, loaded only for such a graph). */
  private _layout: Promise<void> = Promise.resolve();

  /** Resolves when the loaded graph's nodes without a position are laid out (at once for a graph without any). @internal */
  laidOut(): Promise<void> {
    return this._layout;
  }

  /** Resolves when the graph from `src`, if one is loading, is in. @internal */
  documentLoaded(): Promise<void> {
    return this._document.loaded;
  }

  /** Why the node library could not be loaded (shown over the canvas, with Retry). @internal */
  get libraryFailure(): string | undefined {
    return this._library.failure;
  }

  /** Loads the node library again. @internal */
  retryLibrary(): void {
    this._library.retry();
  }

  /** The registry learned or changed types: re-resolve ports and titles, re-run what changed. @internal */
  typesChanged(): void {
    this.view.setSources(this.store, this.manifests);
    this._viewport.refit();
    this._editing.kit?.typesChanged(this._store.state.nodeTypes());
    this._revision++;
    this._ready.check();
    this._typesHeard?.();
  }

  private _typesHeard?: () => void;
  /** A graph was loaded and not drawn yet. */
  private _fresh = true;

  /**
   * A newly loaded graph's first render waits for its types until the next frame at most:
   * nothing is painted before that frame anyway, and a library already on its way (in
   * IndexedDB) then draws the graph once with its types, not as placeholders and again. When
   * the page preloads the index, its answer may come a task after that frame: then the render
   * waits for it (100 ms at most), as a second render of the graph would cost more. (While a
   * run goes on, the run controller asks for renders at most every 100 ms.)
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (this._fresh && this._ready.unknownTypes().length)
      await new Promise<void>((resolve) => {
        this._typesHeard = resolve;
        if (!this._library.preloaded) requestAnimationFrame(() => resolve());
        setTimeout(resolve, 100); // a hidden page has no frames
      });
    this._typesHeard = undefined;
    this._fresh = false;
    super.scheduleUpdate();
  }

  protected get editingKit(): EditingKit | undefined {
    return this._editing.kit;
  }

  protected renderBanner(): unknown {
    return this._autosave.renderBanner();
  }

  protected handleInput = (event: Event): void => this._editing.handleInput(event);

  protected editingIntent = (): void => void this._editing.load(true);

  protected resetGraph(): void {
    this._document.reset();
  }

  protected restoreGraph(json: string): void {
    this._document.tryLoad(json, 'restore');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._emitter.release();
    this.formControl.sync(true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('registry') && changed.get('registry') !== undefined && this.isConnected) this._library.follow();
    if (changed.has('src') && changed.get('src') !== undefined && this.src) this._document.loadSrc(this.src);
    if (changed.has('storageKey')) this._autosave.keyChanged();
    if (changed.has('required')) this.formControl.sync(true);
    const kit = this._editing.kit;
    if (changed.has('noAutoRun') && kit) kit.runner.autoRun = !this.noAutoRun;
    if ((changed.has('poolSize') || changed.has('workerUrl')) && kit) kit.runner.reconfigure();
    // Unset manifests follow the registry.
    if (changed.has('manifests') || (changed.has('registry') && !this._manifests)) {
      this.view.setSources(this.store, this.manifests);
      kit?.groups.layout.invalidate();
      kit?.lod.invalidate();
      this._viewport.refit();
      this._ready.check();
    }
  }

  /** Every change updates the view and the runner; edits also reach the form, autosave and `v2u-change`. */
  private _handleStoreChange(event: StoreEvent) {
    // With a subflow open the view shows its store, which updates the view itself.
    if (!this.scope) this.updateView(event);
    const load = event.origin === 'load';
    // A new graph's load has no changes; the placement of its unplaced nodes is part of it.
    if (load && event.changes.length === 0) {
      this._fresh = true;
      this._layout = this._store.unplaced.length ? import('./tidy-up.js').then((m) => m.layoutUnplaced(this)).catch((error: unknown) => this.reportError(error, 'layout')) : Promise.resolve();
      this._ready.graphLoaded();
    }
    const edit = event.changes.some((c) => !isViewChange(c));
    // Moves change nothing a run depends on: skip the engine's diff (a drag of a 10,000-node
    // graph would otherwise copy the document on every pointer move).
    if (load || event.changes.some((c) => c.type !== 'node-move' && !isViewChange(c))) this._editing.kit?.runner.documentChanged();
    // A load and moves reach the form at an idle moment: serialising the graph stays out of its first frames.
    if (load || edit) this.formControl.sync(false, load || event.changes.every((c) => c.type === 'node-move'));
    if (!load && edit) this._autosave.schedule();
    this._changes.report(event);
  }
}
