import { html, nothing } from 'lit';
import type { GraphNode, Point, Rect } from '../../core/index.js';
import { isBuiltType } from '../../core/built-type.js';
import { isOutputRef, type OutputRef } from '../../core/engine/output-ref.js';
import { LazyElementLoader } from '../../runtime/lazy-element-loader.js';
import { hoverIntent } from '../../runtime/hover-intent.js';
import '../inspector/inspector.js';
import type { InspectorChange } from '../inspector/inspector.component.js';
import '../inspector/inspector-dock.js';
import '../minimap/minimap.js';
import { PALETTE_DRAG_TYPE } from '../palette/palette.component.js';
import '../palette/palette.js';
import { EditorActions } from './actions.js';
import { BuilderLauncher } from './builder-launcher.js';
import { editingStyles } from './editing.styles.js';
import { adoptStyles } from '../shared/adopt-styles.js';
import { emit } from '../shared/events.js';
import { actionForKey } from './keyboard.js';
import type { EditorHost } from './editor-host.js';
import type { ConnectPreview } from './gestures/host.js';
import { renderNodeBody } from './node-body.js';
import { renderNodeStatus, statusKey } from './node-status.js';
import { RunController } from '../run/run-controller.js';
import { GroupController } from './groups/group-controller.js';
import { SubflowController, type SubflowHost } from './subflows/subflow-controller.js';
import { crumbStyles } from './subflows/subflow-crumbs.js';
import { settingsStyles } from './subflows/subflow-settings.js';
import { boundaryStyles } from './subflows/subflow-boundary.js';
import { groupStyles } from './groups/groups.styles.js';
import { lodStyles } from './lod/lod.styles.js';
import { renderOverlays } from './overlays.js';
import { menuPointFor } from './context-menu.js';
import { renderToolbarItems } from './toolbar.js';
import { PointerController } from './pointer-controller.js';
import type { CanvasScene } from './canvas-template.js';
import { LodController, type LodView } from './lod/lod-controller.js';
import { contains } from './lod/canvas-layer.js';
import { poolOptions } from './editor-pool.js';
import { panToReveal } from './reveal.js';
import { toGraph, visibleRect } from './viewport.js';

/**
 * Everything the editor needs to edit, as opposed to show: gestures, actions, popovers,
 * palette, inspector, minimap and the lazy loader of node elements. It is its own chunk,
 * loaded after `v2u-ready` when the browser is idle, or at once on a press, key or focus, so
 * the entry stays small and the graph paints first.
 */
export class EditingKit {
  readonly pointer: PointerController;
  /** Level of detail: simplified shapes, and one canvas layer at far zoom. */
  readonly lod: LodController;
  readonly groups: GroupController;
  readonly subflows: SubflowController;
  readonly actions: EditorActions;
  /** The visual node builder, loaded on its first open. */
  readonly builder: BuilderLauncher;
  readonly loader: LazyElementLoader;
  /** Runs the graph on the shared worker pool; the engine itself loads on first use. */
  readonly runner: RunController;
  private _intent: { destroy(): void };
  private _runIntent: { destroy(): void };
  private _onLoaderState = () => this._editor.requestUpdate();

  /** A node's own element asks for a config change (File input's chosen file): an undoable edit. */
  private _onNodeConfig = (event: Event) => {
    const shell = event.composedPath().find((el) => (el as HTMLElement).dataset?.node) as HTMLElement | undefined;
    const patch = (event as CustomEvent<{ patch?: Record<string, unknown> }>).detail?.patch;
    if (!shell || !patch || !this._editor.editable) return;
    try {
      this._editor.store.updateConfig(shell.dataset.node!, patch);
    } catch (error) {
      this._editor.reportError(error, 'node-config');
    }
  };

  /** An Emit node finished: hand its value to the host page (fetched in full when a worker kept it). */
  private _onNodeStatus = (event: Event) => {
    const { nodeId, status, state } = (event as CustomEvent<{ nodeId: string; status: string; state: { output?: Record<string, unknown> } }>).detail;
    if (status !== 'done' || this.subflows.scope.root.state.getNode(nodeId)?.type !== 'output/emit' || !state.output) return;
    const send = (output: Record<string, unknown>) => emit(this._editor, 'v2u-output', { nodeId, name: String(output.name ?? 'result'), value: output.value });
    if (!isOutputRef(state.output.value)) return send(state.output);
    this.runner.output(nodeId).then(
      (output) => output && send(output),
      (error: unknown) => this._editor.reportError(error, 'output'),
    );
  };

  constructor(private _editor: EditorHost) {
    this.groups = new GroupController(_editor);
    this.subflows = new SubflowController(
      _editor as SubflowHost,
      () => this.actions.popoverOpen || !_editor.selection.isEmpty,
      () => (this.groups.layout.invalidate(), this.lod?.invalidate()),
    );
    this.pointer = new PointerController(_editor, this.groups);
    this.lod = new LodController(_editor, (nodes) => this.groups.shownNodes(nodes));
    this.builder = new BuilderLauncher(_editor);
    const subflows = this.subflows;
    this.actions = new EditorActions(_editor, {
      create: () => subflows.refusedInside('Group') || this.groups.create(),
      ungroup: () => this.groups.ungroup(),
      makeSubflow: () => subflows.make(),
      openSubflow: () => void subflows.open(),
      buildType: () => void this.builder.open(),
    });
    const registry = _editor.registry;
    this.loader = new LazyElementLoader({ registry, onUsage: (type, event) => registry.recordUsage(type, event) });
    this.runner = new RunController(_editor, {
      resolve: (type) => registry.recipe(type),
      document: () => _editor.graph,
      autoRun: !_editor.noAutoRun,
      pool: () => poolOptions(_editor),
      host: () => ({ origin: location.origin, allowedOrigins: _editor.allowedOrigins?.split(/[\s,]+/).filter(Boolean) ?? [] }),
      ready: () => _editor.graphReady(),
    });
    this.loader.addEventListener('state', this._onLoaderState);
    _editor.addEventListener('v2u-node-config', this._onNodeConfig);
    _editor.renderRoot.addEventListener('contextmenu', this._onContextMenu as EventListener);
    _editor.addEventListener('v2u-node-status', this._onNodeStatus);
    this._intent = hoverIntent(_editor.renderRoot, { onIntent: (type, kind) => void this.loader.intent(type, kind) });
    // A pointer resting on Run (or focus on it): the run code loads and a worker starts before the press.
    this._runIntent = hoverIntent(_editor.renderRoot, { attribute: 'data-action', onIntent: (action) => action === 'run' && this.runner.warm() });
    this._defineEager();
    adoptStyles(_editor.renderRoot, editingStyles);
    adoptStyles(_editor.renderRoot, groupStyles);
    adoptStyles(_editor.renderRoot, crumbStyles);
    adoptStyles(_editor.renderRoot, settingsStyles);
    adoptStyles(_editor.renderRoot, boundaryStyles);
    adoptStyles(_editor.renderRoot, lodStyles);
  }

  /**
   * Resolves once the elements of the graph's node types are defined, or after `budgetMs`:
   * the editor shows the kit (and node bodies) then, so bodies appear with their elements,
   * not as placeholders that fill in a moment later. Those of types learned later load on
   * intent (viewport, hover, focus) or when the browser is idle.
   */
  async elementsReady(budgetMs = ELEMENTS_BUDGET_MS): Promise<void> {
    const budget = new Promise((resolve) => setTimeout(resolve, budgetMs));
    const graph = this._editor.graphReady().then(() => {
      const types = this._editor.store.state.nodeTypes();
      return Promise.allSettled([...types].map((type) => this.loader.intent(type, 'viewport')));
    });
    await Promise.race([graph, budget]);
    this.loader.prefetchIdle(this._editor.store.state.nodeTypes());
  }

  /** The registry learned or changed types: runs follow, and elements of `lazyLoad: false` types load. */
  typesChanged(types: Iterable<string>): void {
    this.runner.typesChanged(types);
    // Known types change node heights, so the frames measured around them are stale.
    this.groups.layout.invalidate();
    this.lod.invalidate();
    this._defineEager();
  }

  /** Types whose manifest says `performance.lazyLoad: false` are defined with the palette, not on intent. */
  private _defineEager(): void {
    for (const entry of this._editor.registry.list())
      if (entry.performance?.lazyLoad === false && entry.element && this.loader.state(entry.type) === 'idle') void this.loader.intent(entry.type, 'eager');
  }

  /**
   * Tears down listeners, observers and timers when the editor disconnects. The kit's own
   * controllers are disconnected here, since leaving the host's list during its disconnect
   * pass would skip them.
   */
  destroy(): void {
    for (const controller of [this.runner, this.pointer, this.lod]) {
      controller.hostDisconnected();
      this._editor.removeController(controller);
    }
    this._intent.destroy();
    this._runIntent.destroy();
    this.groups.destroy();
    this.subflows.destroy();
    this.loader.removeEventListener('state', this._onLoaderState);
    this._editor.removeEventListener('v2u-node-config', this._onNodeConfig);
    this._editor.renderRoot.removeEventListener('contextmenu', this._onContextMenu as EventListener);
    this._editor.removeEventListener('v2u-node-status', this._onNodeStatus);
    this.loader.destroy();
  }

  /** A right-click on the canvas opens the editor's context menu instead of the browser's. */
  private _onContextMenu = (event: MouseEvent) => {
    const at = menuPointFor(this._editor, event);
    if (!at) return;
    event.preventDefault();
    this.actions.openMenu(at);
  };

  /** Node types on screen count as intent: their elements load while the person looks. */
  noteVisible(nodes: GraphNode[]): void {
    for (const type of new Set(nodes.map((n) => n.type))) if (this._editor.view.hasBody(type) && this.loader.state(type) === 'idle') void this.loader.intent(type, 'viewport');
  }

  renderBody = (node: GraphNode): unknown => renderNodeBody(node, this.loader, this.stateOf(node.id).output, this._readItems);

  private _readItems = (ref: OutputRef, from: number, to: number) => this.runner.read(ref, { from, to });

  renderStatus = (node: GraphNode): unknown => renderNodeStatus(this.stateOf(node.id));

  /** What a node's status shows, for the shell's re-render check. */
  runKey(nodeId: string): string {
    return statusKey(this.stateOf(nodeId));
  }

  /** A shown node's run state: inside an opened subflow, that of the inner node the engine ran for its instance. */
  private stateOf(nodeId: string) {
    return this.runner.nodeState(this.subflows.scope.runId(nodeId));
  }

  renderToolbar() {
    return html`${this.subflows.renderCrumbs()}${renderToolbarItems(this._editor, this.subflows.selectedInstance() !== undefined)}`;
  }

  renderPalette() {
    return html`<v2u-palette
      part="palette"
      exportparts="search: palette-search, item: palette-item"
      .source=${this._editor.registry}
      .loader=${this.loader}
      .editable=${isBuiltType}
      @v2u-palette-edit=${(e: CustomEvent<{ type: string }>) => void this.builder.open(e.detail.type)}
      @v2u-palette-pick=${(e: CustomEvent<{ type: string }>) => this.place(e.detail.type, this._editor.centerPoint())}
    ></v2u-palette>`;
  }

  /** Popovers, minimap and inspector over the canvas. */
  renderChrome(preview: ConnectPreview | undefined) {
    const e = this._editor;
    return html`${renderOverlays(e, this.actions, preview)}
      <v2u-minimap
        part="minimap"
        ?hidden=${this._allInView()}
        .view=${e.view}
        .frames=${this.groups.layout.shapes()}
        .viewport=${e.liveViewport}
        .size=${e.canvasSize}
        .revision=${this.lod.graphVersion()}
        @v2u-minimap-center=${(ev: CustomEvent<Point>) => this.actions.centerOn(ev.detail)}
      ></v2u-minimap>`;
  }

  /**
   * The inspector, docked beside the canvas (a sheet under it on narrow hosts): the selected
   * node's config, or what to do when none or several are selected. The node builder, when
   * open, renders here too (a modal dialog, out of the layout).
   */
  renderInspector() {
    const e = this._editor;
    const ids = e.selection.nodes;
    const node = ids.size === 1 ? e.store.state.getNode([...ids][0]) : undefined;
    return html`<v2u-inspector-dock
      part="inspector"
      exportparts="header: inspector-header, toggle: inspector-toggle, resize-handle: inspector-resize, body: inspector-body"
      storage-key=${e.storageKey ?? nothing}
      .active=${ids.size > 0}
      @v2u-inspector-toggle=${this._keepSelectionInView}
    >
      <v2u-inspector
        exportparts="field, field-label, field-error, empty: inspector-empty"
        .node=${node}
        .manifest=${node && e.manifests.get(node.type)}
        .selected=${ids.size}
        .params=${this.subflows.params()}
        ?readonly=${!e.editable}
        @v2u-inspector-change=${(ev: CustomEvent<InspectorChange>) => this.actions.applyInspector(ev.detail)}
      ></v2u-inspector>
    </v2u-inspector-dock>${this.builder.render()}`;
  }

  /** The opened subflow's boundary and group frames behind the nodes in `area`, and the nodes left once collapsed groups hide theirs. */
  renderGroups = (area: Rect): unknown => html`${this.subflows.renderBoundary()}${this.groups.render(area)}`;
  /** What the canvas draws at the current zoom: DOM shells (without hidden group members), edges and the canvas layer. */
  lodView = (scene: CanvasScene): LodView => this.lod.view(scene);

  /** The rectangle around every shown node and group frame (a collapsed group's box), for fitting. */
  graphBounds(): Rect | undefined {
    return this.groups.bounds(this._editor.view.nodeIndex.bounds());
  }

  /** `graphBounds()` as of the graph version `_boundsAt` (a pan or zoom does not change them). */
  private _bounds: Rect | undefined;
  private _boundsAt = -1;

  /**
   * Whether the whole graph shows in the canvas (or there is none): the minimap, which covers a
   * corner of it, then has nowhere to lead and hides; it shows once part of the graph is out of view.
   */
  private _allInView(): boolean {
    const e = this._editor;
    const version = this.lod.graphVersion();
    if (this._boundsAt !== version) [this._bounds, this._boundsAt] = [this.graphBounds(), version];
    return !this._bounds || contains(visibleRect(e.liveViewport, e.canvasSize), this._bounds);
  }
  /** The panel opened and the canvas shrank: a selected node it pushed out of view pans back in. */
  private _keepSelectionInView = async (event: CustomEvent<{ collapsed: boolean }>) => {
    const e = this._editor;
    const dock = event.target as HTMLElement & { updateComplete: Promise<boolean> };
    await dock.updateComplete;
    const node = [...e.selection.nodes].map((id) => e.store.state.getNode(id)).find((n) => n !== undefined);
    const canvas = e.canvas;
    if (event.detail.collapsed || !node || !canvas) return;
    const viewport = panToReveal(e.liveViewport, e.view.rectOf(node), { width: canvas.clientWidth, height: canvas.clientHeight });
    if (viewport === e.liveViewport) return;
    e.showViewport(viewport);
    e.commitViewport();
  };

  handleKeyDown(event: KeyboardEvent): void {
    if ((event.target as Element).closest?.('input, textarea, select')) return;
    if (this.groups.handleKeyDown(event) || this.subflows.handleKeyDown(event)) return;
    const action = actionForKey(event);
    if (!action) return;
    event.preventDefault();
    const dot = (event.composedPath() as HTMLElement[]).find((el) => el.classList?.contains('port-dot'));
    const node = dot?.closest<HTMLElement>('[data-node]')?.dataset.node;
    if (dot && node && (action === 'connect' || action === 'toggle-select'))
      this.actions.openConnectList({ node, port: dot.dataset.port!, side: dot.dataset.side as 'in' | 'out' });
    else this.actions.perform(action);
  }

  /** Palette items dragged over the canvas may drop there. */
  handleDragOver(event: DragEvent): void {
    if (!this._editor.editable || !event.dataTransfer?.types.includes(PALETTE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }

  handleDrop(event: DragEvent): void {
    const type = event.dataTransfer?.getData(PALETTE_DRAG_TYPE);
    if (!type || !this._editor.editable) return;
    event.preventDefault();
    this.place(type, toGraph(this._editor.liveViewport, this._editor.canvasPoint(event)));
  }

  /** Adds a node of `type` at a graph point; counts a prefetch hit when its element is ready. */
  place(type: string, at: Point): void {
    const manifest = this._editor.manifests.get(type);
    if (!manifest) return this._editor.reportError(new Error(`Unknown node type "${type}"`), 'palette');
    void this.loader.use(type);
    this._editor.registry.recordUsage(type, 'use');
    this.actions.addNode(manifest, at);
  }
}

/** How long the kit waits for the graph's node elements before it shows (`elementsReady`). */
const ELEMENTS_BUDGET_MS = 250;

export function createEditingKit(editor: EditorHost): EditingKit {
  return new EditingKit(editor);
}
