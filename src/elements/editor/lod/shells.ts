import { intersects, type GraphEdge, type GraphNode, type GraphState, type Rect } from '../../../core/index.js';
import type { CanvasScene } from '../canvas-template.js';
import { visibleRect } from '../viewport.js';
import { contains } from './canvas-layer.js';

/** Screen pixels rendered beyond the visible area when the rendered area moves on. */
const AHEAD = 300;
/** The rendered area is kept while it reaches at least this many screen pixels beyond the visible area... */
const KEEP = 50;
/**
 * ...and is at most this many times the area that needs it (zooming in shrinks what is
 * needed). Above what a wheel sweep from 1 out to the simplified level and back leaves
 * (about 11× on a 1280 × 720 canvas), so that sweep re-renders nothing on the way back in.
 */
const MAX_GROWTH = 16;
/** Shells that enter only the margin (not the screen) render this many a frame, after the frame that needs them. */
const BATCH = 24;

/** What the template renders as DOM: node shells, SVG edges, and the graph area they were culled to. */
export interface ShellView {
  area: Rect;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Culling for the DOM levels of detail, stable between frames: the area rendered reaches
 * past the visible one and is kept while it covers it, and the lists are kept while the
 * area, the graph and the focus stay, so a pan or a zoom step mostly moves the layer's
 * transform and renders nothing (a new area every frame re-rendered the lists and repainted
 * the edge layer). When the area moves on, shells entering the screen render in that frame;
 * those only in the margin follow, `BATCH` a frame, so no frame styles and lays out hundreds.
 */
export class ShellCulling {
  private _area: Rect | undefined;
  private _key: readonly unknown[] = [];
  private _view: ShellView | undefined;
  private _pending: string[] = [];
  private _frame = 0;

  constructor(
    /** Leaves out nodes the canvas does not show (members folded into a collapsed group). */
    private _shown: (nodes: GraphNode[]) => GraphNode[],
    /** Asks for another render, for the shells still pending. */
    private _later: () => void,
  ) {}

  /** The view for `scene` at canvas size `size`; `changes` counts graph changes (the state object is mutable). */
  view(scene: CanvasScene, size: { width: number; height: number }, changes: number): ShellView {
    const area = this.area(scene, size);
    const key = [area, changes, scene.focusedNode, scene.view, scene.state];
    const pending = this._pending.length > 0;
    if (this._view && !pending && key.every((k, i) => k === this._key[i])) return this._view;
    const entering = !pending || area !== this._key[0] || changes !== this._key[1];
    this._key = key;
    const ids = scene.view.nodeIndex.query(area);
    if (scene.focusedNode) ids.add(scene.focusedNode);
    const ready = this.admit(ids, entering ? visibleRect(scene.viewport, size) : undefined, scene);
    const nodes = this._shown(inOrder(ready, scene.state, 'node'));
    // In document order too, not the index's: an edge whose box moved to other grid cells (its
    // node dragged) comes back from a query in another place, and a new order moves its DOM.
    const edges = inOrder(scene.view.edgeIndex.query(area), scene.state, 'edge');
    return (this._view = { area, nodes, edges });
  }

  /**
   * Ids of `ids` to render now: those rendered before, those meeting `screen` (when the area
   * or graph moved on), the focused one, and up to `BATCH` more; the rest wait a frame.
   */
  private admit(ids: Set<string>, screen: Rect | undefined, scene: CanvasScene): Set<string> {
    const before = new Set(this._view?.nodes.map((n) => n.id));
    const ready = new Set<string>();
    const waiting: string[] = [];
    for (const id of ids) {
      const rect = scene.view.nodeIndex.rectOf(id);
      if (before.has(id) || id === scene.focusedNode || (screen && rect && intersects(rect, screen))) ready.add(id);
      else waiting.push(id);
    }
    for (const id of waiting.splice(0, BATCH)) ready.add(id);
    this._pending = waiting;
    cancelAnimationFrame(this._frame);
    if (waiting.length) this._frame = requestAnimationFrame(this._later);
    return ready;
  }

  /** The rendered area: kept while it covers the visible area and is not far larger, else the visible area plus `AHEAD`. */
  private area(scene: CanvasScene, size: { width: number; height: number }): Rect {
    const need = visibleRect(scene.viewport, size, KEEP);
    const kept = this._area;
    if (kept && contains(kept, need) && kept.width * kept.height <= MAX_GROWTH * need.width * need.height) return kept;
    return (this._area = visibleRect(scene.viewport, size, AHEAD));
  }

  /** Stops a pending batch (the editor disconnected). */
  destroy(): void {
    cancelAnimationFrame(this._frame);
  }
}

/** `ids` as nodes or edges in document order (later nodes draw on top); ids no longer in the graph are left out. */
function inOrder(ids: Set<string>, state: GraphState, kind: 'node'): GraphNode[];
function inOrder(ids: Set<string>, state: GraphState, kind: 'edge'): GraphEdge[];
function inOrder(ids: Set<string>, state: GraphState, kind: 'node' | 'edge'): Array<GraphNode | GraphEdge> {
  return [...ids]
    .map((id) => [state.seqOf(kind, id), kind === 'node' ? state.getNode(id) : state.getEdge(id)] as const)
    .filter((entry): entry is readonly [number, GraphNode | GraphEdge] => !!entry[1])
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);
}
