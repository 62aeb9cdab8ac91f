import { definitionsOf, isV2uError, makeSubflow, subflowIdOf, subflowManifest, type ManifestSource, type NodeManifest, type StoreEvent, type SubflowDefinition } from '../../../core/index.js';
import { html } from 'lit';
import { toGraph } from '../viewport.js';
import { renderCrumbs } from './subflow-crumbs.js';
import { SubflowScope, type ScopeHost } from './subflow-scope.js';
import { SubflowSettings } from './subflow-settings.js';
import { renderBoundary } from './subflow-boundary.js';
import { nodeAt } from '../gestures/hit-test.js';

/** The editor members the subflow code reaches: the manifest layer hook, its view, the opened scope. */
export interface SubflowHost extends ScopeHost {
  manifestLayer?: (base: ManifestSource) => ManifestSource;
}

/**
 * Subflows in the editor: instances render and type-check as node types made from the
 * document's definitions (a manifest layer over the registry), "Make subflow" turns the
 * selection into one node, and an instance opens on the canvas (double-click, Enter, the
 * toolbar) with a breadcrumb bar back out (a click on a crumb, or Escape). The layer is
 * rebuilt only when the definitions change, so node templates keep their identity checks.
 */
export class SubflowController {
  /** The opened subflows; `scope.root` is the document's store. */
  readonly scope: SubflowScope;
  /** The opened definition's config fields, edited from the breadcrumb bar. */
  readonly settings: SubflowSettings;
  private _layer: { base: ManifestSource; defs: SubflowDefinition[]; source: ManifestSource } | undefined;
  private _unsubscribe: () => void;
  private _params: { config: object | undefined; names: string[] } | undefined;

  constructor(
    private _editor: SubflowHost,
    /** Whether Escape has something else to close first (a popover, a selection). */
    private _escapeTaken: () => boolean = () => false,
    /** The canvas switched between the flow and a subflow's inside. */
    switched?: () => void,
  ) {
    _editor.manifestLayer = this.layer;
    this.scope = new SubflowScope(_editor, _editor.store, switched);
    this.settings = new SubflowSettings(_editor, this.scope.root);
    this._unsubscribe = this.scope.root.subscribe(this.handleChange);
    _editor.renderRoot.addEventListener('dblclick', this.handleDoubleClick, true);
    // The layer adds the document's subflow types; without any, the view's sources are unchanged.
    if (definitionsOf(this.scope.root).length) this.resync();
  }

  destroy(): void {
    this._unsubscribe();
    this._editor.renderRoot.removeEventListener('dblclick', this.handleDoubleClick, true);
    this.scope.destroy();
    if (this._editor.manifestLayer === this.layer) this._editor.manifestLayer = undefined;
  }

  /** Opens the subflow instance `id` (the selected one by default) on the canvas; false when it is not one. */
  open(id = this.selectedInstance()): boolean {
    const e = this._editor;
    if (id === undefined || !this.scope.open(id)) return false;
    const level = this.scope.levels.length - 1;
    e.announce(`Opened subflow ${this.titleAt(level)}; Escape goes back out`);
    return true;
  }

  /** Goes back out `depth` levels deep (0: the flow itself), announcing where. */
  back(depth: number): void {
    this.scope.back(depth);
    this._editor.announce(depth ? `Back in subflow ${this.titleAt(depth - 1)}` : 'Back in the flow');
  }

  /** The one selected node, when it is a subflow instance. */
  selectedInstance(): string | undefined {
    const e = this._editor;
    const [id, more] = e.selection.nodes;
    const node = more === undefined && id !== undefined ? e.store.state.getNode(id) : undefined;
    return node && subflowIdOf(node.type) !== undefined ? id : undefined;
  }

  /** Enter on a focused instance opens it; Escape with nothing else to close goes back out. */
  handleKeyDown(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
    const e = this._editor;
    const target = event.composedPath()[0] as HTMLElement;
    if (event.key === 'Enter' && target.dataset?.node) {
      if (!this.open(target.dataset.node)) return false;
    } else if (event.key === 'Escape' && this.scope.levels.length && !this._escapeTaken()) this.back(this.scope.levels.length - 1);
    else return false;
    event.preventDefault();
    void e.updateComplete.then(() => e.canvas?.focus({ preventScroll: true }));
    return true;
  }

  /** The breadcrumb bar while a subflow is open: the flow, then each opened subflow, and its settings. */
  renderCrumbs(): unknown {
    const levels = this.scope.levels;
    const def = this.shownDefinition();
    const crumbs = renderCrumbs(levels.map((_, i) => this.titleAt(i)), (depth) => this.back(depth), def && this.settings.renderToggle());
    return html`${crumbs}${this.settings.renderPanel(def)}`;
  }

  /** The definition of the innermost opened subflow, if one is open. */
  shownDefinition(): SubflowDefinition | undefined {
    const shown = this.scope.levels.at(-1);
    return shown && definitionsOf(this.scope.root).find((d) => d.id === shown.def);
  }

  /** The opened subflow's inputs and outputs as markers at the inner graph's edges (nothing outside). */
  renderBoundary(): unknown {
    const e = this._editor;
    const def = this.shownDefinition();
    return def && renderBoundary(def, { getNode: (id) => e.store.state.getNode(id), anchorOf: (n, side, port) => e.view.anchorOf(n, side, port), bounds: e.view.nodeIndex.bounds() });
  }

  /** The config fields inner nodes of the opened subflow may bind to (none outside); the same array until they change, so the inspector does not re-render for nothing. */
  params(): readonly string[] {
    const config = this.shownDefinition()?.config;
    if (!this._params || this._params.config !== config) this._params = { config, names: Object.keys(config ?? {}) };
    return this._params.names;
  }

  /** Refuses `what` inside an opened subflow (a definition holds nodes and edges only); true when it did. */
  refusedInside(what: string): boolean {
    if (!this.scope.levels.length) return false;
    this._editor.announce(`${what} works on the flow itself, not inside a subflow`);
    return true;
  }

  private titleAt(index: number): string {
    const node = this.scope.instanceAt(index);
    return node?.label ?? (node && this._editor.manifests.get(node.type)?.title) ?? this.scope.levels[index].def;
  }

  /**
   * Before the canvas's own handler (which opens quick add off a node): the click may have
   * been captured by the canvas, so the node is found by hit test, not by event target.
   */
  private handleDoubleClick = (event: Event) => {
    const e = this._editor;
    if ((event.composedPath()[0] as Element).closest?.('input, textarea, select, .toolbar')) return;
    const node = nodeAt(e, toGraph(e.liveViewport, e.canvasPoint(event as MouseEvent)));
    if (!node || !this.open(node.id)) return;
    event.stopPropagation();
    void e.updateComplete.then(() => e.canvas?.focus({ preventScroll: true }));
  };

  /** Makes one subflow node of the selected nodes and selects it (one undo step). */
  make(): void {
    const e = this._editor;
    if (!e.editable || this.refusedInside('Make subflow')) return;
    if (e.selection.nodes.size === 0) return e.announce('Select nodes to make a subflow first');
    try {
      const { node, definition } = makeSubflow(this.scope.root, e.selection.nodes);
      e.select([node.id]);
      e.announce(`Made subflow ${definition.title} with ${definition.inputs.length} inputs and ${definition.outputs.length} outputs`);
    } catch (error) {
      if (!isV2uError(error)) throw error;
      e.reportError(error, 'subflow');
    }
  }

  /** The registry (or `manifests`) with the document's subflow types in front of it. */
  readonly layer = (base: ManifestSource): ManifestSource => {
    const defs = definitionsOf(this.scope.root);
    if (defs.length === 0) return base;
    if (this._layer?.base === base && this._layer.defs === defs) return this._layer.source;
    const manifests = new Map<string, NodeManifest>(defs.map((d) => [d.id, subflowManifest(d)]));
    const source: ManifestSource = {
      get: (type) => {
        const id = subflowIdOf(type);
        return (id !== undefined && manifests.get(id)) || base.get(type);
      },
      list: () => [...(base.list?.() ?? []), ...manifests.values()],
      elementUrl: (type) => base.elementUrl?.(type),
    };
    this._layer = { base, defs, source };
    return source;
  };

  /** New or edited definitions change ports: the view re-reads them. */
  private handleChange = (event: StoreEvent) => {
    if (event.origin === 'load' || event.changes.some((c) => c.type === 'subflow')) this.resync();
    this.scope.rootChanged(event);
  };

  private resync() {
    const e = this._editor;
    e.view.setSources(e.store, e.manifests);
    e.requestUpdate();
  }
}
