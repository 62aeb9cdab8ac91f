import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  GraphStore,
  isV2uError,
  parseDocument,
  serializeDocument,
  touchedNodeIds,
  type GraphDocument,
  type GraphNode,
  type ManifestSource,
  type PortLists,
  type StoreEvent,
} from '../../core/index.js';
import { ManifestMap } from '../../registry/manifest-map.js';
import { emit } from '../shared/events.js';
import { editorStyles } from './editor.styles.js';
import { renderEdges, renderNode, viewPorts } from './graph-view.js';

/**
 * A visual editor for business-logic flows: nodes wired by typed ports.
 *
 * @summary Edit and run flows of typed nodes; the graph is JSON in `value` or an object in `graph`.
 *
 * @event v2u-change - The graph changed through an edit, undo or redo. Setting `value` or `graph` in code does not fire it.
 * @event v2u-error - Bad input or a failure. The graph and saved data stay as they were. `detail` has `code`, `message`, `path`, `source`.
 *
 * @csspart viewport - The pannable area.
 * @csspart edges - The SVG layer that holds every edge.
 * @csspart edge - One edge path.
 * @csspart node - A node shell.
 * @csspart node-header - A node's title bar.
 * @csspart port - A port row (also `port-input` or `port-output`).
 * @csspart port-dot - The connector circle of a port.
 * @csspart port-label - The name of a port.
 *
 * @cssproperty --v2u-editor-background - Canvas background.
 * @cssproperty --v2u-editor-grid-color - Dot grid colour.
 * @cssproperty --v2u-editor-color - Text colour.
 * @cssproperty --v2u-node-background - Node fill.
 * @cssproperty --v2u-node-border-color - Node border.
 * @cssproperty --v2u-node-radius - Node corner radius.
 * @cssproperty --v2u-edge-color - Edge stroke.
 * @cssproperty --v2u-port-color - Port dot and label colour.
 * @cssproperty --v2u-font-family - Font of the whole editor.
 * @cssproperty --v2u-font-size - Base font size.
 * @cssproperty --v2u-category-create-color - Accent of create nodes (likewise transform, output, utility, unknown).
 */
export class V2uEditor extends LitElement {
  static override styles = editorStyles;

  static override properties = {
    value: { noAccessor: true },
  };

  /** The form field name under which the graph JSON is submitted. */
  @property({ reflect: true }) name = '';

  /** View, pan, zoom and select, but no edits. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Greys out the editor and excludes it from form submission. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /**
   * Node types the editor knows: their manifests give titles, categories and ports.
   * Types missing here still render (as unknown nodes) and round-trip untouched.
   */
  @property({ attribute: false }) manifests: ManifestSource = new ManifestMap();

  @state() private _revision = 0;

  private _store = new GraphStore();
  private _unsubscribe?: () => void;
  private _portsCache = new Map<GraphNode, PortLists>();

  constructor() {
    super();
    this.attachStore(this._store);
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
    this.tryLoad(doc, 'graph');
  }

  /** The live store behind the editor: commands with undo, subscriptions. */
  get store(): GraphStore {
    return this._store;
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
    const doc = this.validate(input, 'importGraph');
    this._store.load(doc);
  }

  /** Undoes the last edit; returns whether there was one. */
  undo(): boolean {
    return !this.readonly && this._store.undo();
  }

  /** Redoes the last undone edit; returns whether there was one. */
  redo(): boolean {
    return !this.readonly && this._store.redo();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._portsCache.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('manifests')) {
      this._store.resolvePorts = (type) => this.manifests.get(type);
      this._portsCache.clear();
    }
  }

  protected override render() {
    const state = this._store.state;
    const { x, y, zoom } = state.viewport;
    const portsOf = (node: GraphNode) => this.portsOf(node);
    return html`<div class="viewport" part="viewport">
      <div class="layer" style="transform: translate(${x}px, ${y}px) scale(${zoom})">
        <svg class="edges" part="edges" width="1" height="1" aria-hidden="true">${renderEdges(state.edges(), state, portsOf)}</svg>
        ${repeat(state.nodes(), (n) => n.id, (n) => renderNode(n, portsOf(n), this.manifests))}
      </div>
    </div>`;
  }

  private portsOf(node: GraphNode): PortLists {
    let ports = this._portsCache.get(node);
    if (!ports) this._portsCache.set(node, (ports = viewPorts(node, this._store.state, this.manifests)));
    return ports;
  }

  private attachStore(store: GraphStore) {
    this._unsubscribe?.();
    this._unsubscribe = store.subscribe((event) => this.handleStoreChange(event));
  }

  private handleStoreChange(event: StoreEvent) {
    if (event.origin === 'load') this._portsCache.clear();
    else this.forgetPorts(event);
    this._revision++;
    if (event.origin !== 'load')
      emit(this, 'v2u-change', { origin: event.origin, types: [...new Set(event.changes.map((c) => c.type))], graph: this._store.document });
  }

  /** Unknown types derive ports from edges, so an edge change invalidates its two ends. */
  private forgetPorts(event: StoreEvent) {
    const state = this._store.state;
    for (const change of event.changes)
      for (const id of touchedNodeIds(change)) {
        const node = state.getNode(id);
        if (node) this._portsCache.delete(node);
      }
  }

  private tryLoad(input: GraphDocument | string, source: string) {
    try {
      this._store.load(this.validate(input, source));
    } catch {
      // validate() already reported it; the current graph stays.
    }
  }

  private validate(input: GraphDocument | string, source: string): GraphDocument {
    try {
      return parseDocument(input, { resolvePorts: (type) => this.manifests.get(type) });
    } catch (error) {
      const detail = isV2uError(error)
        ? { code: error.code, message: error.message, path: error.path, source }
        : { code: 'unexpected', message: String(error), source };
      emit(this, 'v2u-error', detail);
      throw error;
    }
  }
}
