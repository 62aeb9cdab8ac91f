import { html, nothing } from 'lit';
import type { GraphEdge, GraphNode, GraphState, ManifestSource, Rect, Viewport } from '../../core/index.js';
import { inlineStyle } from '../shared/inline-style.js';
import type { EditingKit } from './editing-kit.js';
import type { ConnectPreview } from './gestures/host.js';
import { portMarks, renderConnectPreview, renderEdges, renderNodes } from './graph-view.js';
import type { Selection } from './selection.js';
import type { GraphViewModel } from './view-model.js';

/** Everything the canvas layer shows, read once per render. */
export interface CanvasScene {
  state: GraphState;
  view: GraphViewModel;
  manifests: ManifestSource;
  viewport: Viewport;
  /** The graph area rendered: the visible area plus a margin. */
  area: Rect;
  /** Nodes meeting the area; computed when read, as the canvas level of detail does not. */
  readonly nodes: GraphNode[];
  selection: Selection;
  focusedNode: string | undefined;
  preview: ConnectPreview | undefined;
  box: Rect | undefined;
  kit: EditingKit | undefined;
  describeEdge(edge: GraphEdge): string;
}

/** The pannable layer (edges and nodes meeting the visible area) and the selection box. */
export function renderCanvas(scene: CanvasScene) {
  // Before `area` is read: the level of detail may replace it with the area it culled to.
  const lod = scene.kit?.lodView(scene);
  const { state, view, area, kit, preview, box } = scene;
  const nodes = lod ? lod.nodes : scene.nodes;
  const { x, y, zoom } = scene.viewport;
  const edges = lod?.edges ?? [...view.edgeIndex.query(area)].map((id) => state.getEdge(id)!).filter(Boolean);
  const stateOf = (n: GraphNode) => ({
    bodyKey: kit?.loader.state(n.type),
    runKey: kit?.runKey(n.id),
    selected: scene.selection.nodes.has(n.id),
    focused: scene.focusedNode === n.id,
    preview,
    marks: portMarks(n, view.portsOf(n), preview),
  });
  kit?.noteVisible(nodes);
  return html`<div class="layer ${lod?.level}" style=${inlineStyle(`transform: translate(${x}px, ${y}px) scale(${zoom})`)}>
      ${kit?.renderGroups(area)} ${lod?.layer}
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
        ${renderEdges(edges, view, scene.selection.edges, scene.describeEdge)}
        ${renderConnectPreview(preview, view, preview && state.getNode(preview.from.node))}
      </svg>
      ${renderNodes(nodes, view, scene.manifests, stateOf, { body: kit?.renderBody, status: kit?.renderStatus })}
    </div>
    ${box
      ? html`<div class="selection-box" part="selection-box" style=${inlineStyle(`left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px`)}></div>`
      : nothing}`;
}
