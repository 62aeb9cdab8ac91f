import { definitionsOf, isV2uError, makeSubflow, subflowIdOf, subflowManifest, type ManifestSource, type NodeManifest, type StoreEvent, type SubflowDefinition } from '../../../core/index.js';
import type { EditorHost } from '../editor-host.js';

/** The editor members the subflow code reaches: the manifest layer hook and its view. */
export interface SubflowHost extends EditorHost {
  manifestLayer?: (base: ManifestSource) => ManifestSource;
}

/**
 * Subflows in the editor: instances render and type-check as node types made from the
 * document's definitions (a manifest layer over the registry), and "Make subflow" turns the
 * selection into one node. The layer is rebuilt only when the definitions change, so node
 * templates keep their identity checks.
 */
export class SubflowController {
  private _layer: { base: ManifestSource; defs: SubflowDefinition[]; source: ManifestSource } | undefined;
  private _unsubscribe: () => void;

  constructor(private _editor: SubflowHost) {
    _editor.manifestLayer = this.layer;
    this._unsubscribe = _editor.store.subscribe(this.handleChange);
    this.resync();
  }

  destroy(): void {
    this._unsubscribe();
    if (this._editor.manifestLayer === this.layer) this._editor.manifestLayer = undefined;
  }

  /** Makes one subflow node of the selected nodes and selects it (one undo step). */
  make(): void {
    const e = this._editor;
    if (!e.editable) return;
    if (e.selection.nodes.size === 0) return e.announce('Select nodes to make a subflow first');
    try {
      const { node, definition } = makeSubflow(e.store, e.selection.nodes);
      e.select([node.id]);
      e.announce(`Made subflow ${definition.title} with ${definition.inputs.length} inputs and ${definition.outputs.length} outputs`);
    } catch (error) {
      if (!isV2uError(error)) throw error;
      e.reportError(error, 'subflow');
    }
  }

  /** The registry (or `manifests`) with the document's subflow types in front of it. */
  readonly layer = (base: ManifestSource): ManifestSource => {
    const defs = definitionsOf(this._editor.store);
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
  };

  private resync() {
    const e = this._editor;
    e.view.setSources(e.store, e.manifests);
    e.requestUpdate();
  }
}
