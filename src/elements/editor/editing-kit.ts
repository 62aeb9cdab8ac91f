import { html, nothing } from 'lit';
import type { Point } from '../../core/index.js';
import '../inspector/inspector.js';
import '../minimap/minimap.js';
import { EditorActions } from './actions.js';
import type { V2uEditor } from './editor.component.js';
import type { ConnectPreview } from './gestures/host.js';
import { renderOverlays } from './overlays.js';
import { PointerController } from './pointer-controller.js';

/**
 * Everything the editor needs to edit, as opposed to show: gestures, actions, popovers,
 * inspector and minimap. It is its own chunk, loaded when the browser is idle after the
 * first paint or on the first intent, so the entry stays small and the graph paints first.
 */
export class EditingKit {
  readonly pointer: PointerController;
  readonly actions: EditorActions;

  constructor(private _editor: V2uEditor) {
    this.pointer = new PointerController(_editor);
    this.actions = new EditorActions(_editor);
  }

  /** Popovers, minimap and inspector over the canvas. */
  renderChrome(preview: ConnectPreview | undefined, revision: number) {
    const e = this._editor;
    return html`${renderOverlays(e, this.actions, preview)}
      <v2u-minimap
        part="minimap"
        .view=${e.view}
        .viewport=${e.liveViewport}
        .size=${e.canvasSize}
        .revision=${revision}
        @v2u-minimap-center=${(ev: CustomEvent<Point>) => this.actions.centerOn(ev.detail)}
      ></v2u-minimap>`;
  }

  renderInspector() {
    const e = this._editor;
    const id = e.selection.nodes.size === 1 ? [...e.selection.nodes][0] : undefined;
    const node = id === undefined ? undefined : e.store.state.getNode(id);
    if (!node) return nothing;
    return html`<v2u-inspector
      part="inspector"
      exportparts="field, field-label, field-error"
      .node=${node}
      .manifest=${e.manifests.get(node.type)}
      ?readonly=${!e.editable}
      @v2u-inspector-change=${(ev: CustomEvent<{ id: string; patch: Record<string, unknown>; label?: string | null }>) =>
        this.actions.applyInspector(ev.detail)}
    ></v2u-inspector>`;
  }
}

export function createEditingKit(editor: V2uEditor): EditingKit {
  return new EditingKit(editor);
}
