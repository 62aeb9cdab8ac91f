import { html } from 'lit';
import { createDocument, GraphStore, NODE_WIDTH, nodeHeight, type GraphNode, type NodeManifest } from '../../core/index.js';
import { ManifestMap } from '../../registry/manifest-map.js';
import { renderNodes } from '../editor/graph-view.js';
import { GraphViewModel } from '../editor/view-model.js';
import { inlineStyle } from '../shared/inline-style.js';
import '../inspector/inspector.js';

/**
 * The node a draft makes, drawn by the editor's own node shell (`renderNodes`, the canvas's
 * template and styles), so the preview is the node as the canvas will show it. One view model,
 * re-pointed at each draft's manifest.
 */
export class NodePreview {
  private _store = new GraphStore(createDocument());
  private _view = new GraphViewModel(this._store, new ManifestMap([]));
  private _manifests = new ManifestMap([]);
  /** The sample node: its config is what the inspector preview edits and the test run uses. */
  node: GraphNode = { id: 'preview', type: 'custom/preview', position: { x: 0, y: 0 }, config: {} };

  /** Points the preview at a new manifest (a keystroke in the builder). */
  show(manifest: NodeManifest): void {
    if (this.node.type !== manifest.type) this.node = { ...this.node, type: manifest.type };
    this._manifests = new ManifestMap([manifest]);
    this._view.setSources(this._store, this._manifests);
  }

  setConfig(patch: Record<string, unknown>): void {
    this.node = { ...this.node, config: { ...this.node.config, ...patch } };
  }

  render() {
    const ports = this._view.portsOf(this.node);
    const state = { selected: false, focused: false, marks: '' };
    return html`<div class="nb-shell" inert style=${inlineStyle(`width: ${NODE_WIDTH}px; height: ${nodeHeight(ports, false)}px`)}>
      ${renderNodes([this.node], this._view, this._manifests, () => state)}
    </div>`;
  }
}

/** The inspector the type will have, on the sample node; its changes set the test run's config. */
export function renderInspectorPreview(preview: NodePreview, manifest: NodeManifest, onConfig: (patch: Record<string, unknown>) => void) {
  return html`<v2u-inspector
    class="nb-inspector"
    .node=${preview.node}
    .manifest=${manifest}
    .selected=${1}
    @v2u-inspector-change=${(e: CustomEvent<{ patch: Record<string, unknown> }>) => {
      e.stopPropagation();
      onConfig(e.detail.patch);
    }}
  ></v2u-inspector>`;
}
