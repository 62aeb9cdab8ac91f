import { GraphStore, createDocument, definitionsOf, subflowIdOf, writeSubflow, type GraphDocument, type GraphNode, type StoreEvent, type SubflowDefinition, type Viewport } from '../../../core/index.js';
import type { EditorHost } from '../editor-host.js';

/** The editor members an opened subflow reaches besides the editing host. */
export interface ScopeHost extends EditorHost {
  /** The store the canvas shows and edits instead of the graph's (see `EditorCanvas.scope`). */
  scope?: GraphStore;
  updateView(event: StoreEvent): void;
}

/** One opened level: the instance opened (a node of the level above) and its definition's id. */
export interface ScopeLevel {
  instance: string;
  def: string;
}

/**
 * An opened subflow's inside as the canvas edits it. Edits stay here until they settle (a
 * drag is one write), then go to the document as one "Edit subflow" step; undo, redo and
 * their availability are the document's, so there is one history inside and out. Loading a
 * graph loads the document, after leaving the subflow.
 */
class ScopeStore extends GraphStore {
  constructor(
    doc: GraphDocument,
    private _root: GraphStore,
    private _leave: () => void,
  ) {
    super(doc, { resolvePorts: _root.resolvePorts });
  }

  override get canUndo(): boolean {
    return this._root.canUndo;
  }

  override get canRedo(): boolean {
    return this._root.canRedo;
  }

  override undo(): boolean {
    return this._root.undo();
  }

  override redo(): boolean {
    return this._root.redo();
  }

  override load(input: GraphDocument | string): void {
    this._leave();
    this._root.load(input);
  }
}

/**
 * The subflows opened on the canvas, outermost first, and the store of the innermost one.
 * Each settled edit inside is written to its definition (`writeSubflow`: every instance
 * follows; an edit that would break an instance is refused, reported and taken back). The
 * document's own changes (undo, redo, edits from code) re-read the definition, and close the
 * levels whose instance or definition is gone. Each level's viewport is remembered.
 */
export class SubflowScope {
  private _levels: ScopeLevel[] = [];
  /** The definition the open store was made from or last wrote. */
  private _shown: SubflowDefinition | undefined;
  private _stop: (() => void) | undefined;
  private _dirty = false;
  private _writing = false;
  private _viewports = new Map<string, Viewport>();

  constructor(
    private _editor: ScopeHost,
    /** The document's store (the canvas's own when nothing is open). */
    readonly root: GraphStore,
    /** Called when the canvas switches stores: caches of the shown graph (group frames, hidden members) are stale. */
    private _switched: () => void = () => {},
  ) {}

  /** The opened levels, outermost first (empty when the canvas shows the flow itself). */
  get levels(): readonly ScopeLevel[] {
    return this._levels;
  }

  /** The id the engine runs an inner node of the opened subflow under: `<instance>/…/<id>`. */
  runId(id: string): string {
    return this._levels.length ? `${this._levels.map((l) => l.instance).join('/')}/${id}` : id;
  }

  /** Opens the subflow instance `id` of the level shown; false when it is not one. */
  open(id: string): boolean {
    const def = this.definitionOf(this._editor.store.state.getNode(id));
    if (!def) return false;
    this.remember();
    this._levels.push({ instance: id, def: def.id });
    this.show(this._viewports.get(this.key()), true);
    return true;
  }

  /** Goes back out to `depth` levels (0: the flow itself). */
  back(depth: number): void {
    if (depth >= this._levels.length) return;
    this.remember();
    this._levels.length = depth;
    this.show(this._viewports.get(this.key()), true);
  }

  /** The node a level's instance is (`levels[i]`'s, in the level above). */
  instanceAt(index: number): GraphNode | undefined {
    const level = this._levels[index];
    const above = index === 0 ? [...this.root.state.nodes()] : this.find(this._levels[index - 1].def)?.nodes;
    return above?.find((n) => n.id === level.instance);
  }

  /** The document changed: follow the definition, or leave the levels that are gone. */
  rootChanged(event: StoreEvent): void {
    if (!this._levels.length || this._writing) return;
    if (event.origin === 'load') return this.back(0);
    let valid = 0;
    while (valid < this._levels.length && this.definitionOf(this.instanceAt(valid))?.id === this._levels[valid].def) valid++;
    if (valid < this._levels.length) return this.back(valid);
    if (this.find(this._levels[valid - 1].def) !== this._shown) this.show(this._editor.liveViewport);
  }

  destroy(): void {
    this.back(0);
  }

  private find(id: string): SubflowDefinition | undefined {
    return definitionsOf(this.root).find((d) => d.id === id);
  }

  private definitionOf(node: GraphNode | undefined): SubflowDefinition | undefined {
    const id = node && subflowIdOf(node.type);
    return id === undefined ? undefined : this.find(id);
  }

  private key(): string {
    return this._levels.map((l) => l.instance).join('/');
  }

  private remember() {
    this._viewports.set(this.key(), this._editor.liveViewport);
  }

  /** Shows the innermost level (or the flow), at `viewport` when given; a new level starts unselected. */
  private show(viewport?: Viewport, moved = false) {
    const e = this._editor;
    this._stop?.();
    this._stop = undefined;
    this._dirty = false;
    const level = this._levels.at(-1);
    this._shown = level && this.find(level.def);
    let store: GraphStore | undefined;
    if (this._shown) {
      store = new ScopeStore(createDocument({ nodes: this._shown.nodes, edges: this._shown.edges }), this.root, () => this.back(0));
      this._stop = store.subscribe(this.handleInner);
    }
    e.scope = store;
    if (moved) e.select([]);
    this._switched();
    e.view.setSources(e.store, e.manifests);
    e.updateView({ changes: [], origin: 'load', settled: true });
    if (viewport) e.showViewport(viewport);
    e.requestUpdate();
  }

  private handleInner = (event: StoreEvent) => {
    this._editor.updateView(event);
    if (event.changes.some((c) => c.type !== 'viewport')) this._dirty = true;
    if (event.settled && this._dirty) this.write();
  };

  /** Writes the inside to its definition; a refused edit is reported and the inside shown as it was. */
  private write() {
    const e = this._editor;
    const { nodes, edges } = e.store.document;
    this._dirty = false;
    this._writing = true;
    try {
      this._shown = writeSubflow(this.root, this._levels.at(-1)!.def, { nodes, edges });
    } catch (error) {
      e.reportError(error, 'subflow');
      this.show(e.liveViewport);
    } finally {
      this._writing = false;
    }
  }
}
