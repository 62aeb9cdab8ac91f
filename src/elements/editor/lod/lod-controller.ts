import type { ReactiveController } from 'lit';
import type { GraphEdge, GraphNode } from '../../../core/index.js';
import type { CanvasScene } from '../canvas-template.js';
import type { EditorHost } from '../editor-host.js';
import { CanvasLayer, type PaintScene } from './canvas-layer.js';
import { lodLevel, type LodLevel } from './level.js';

/** Wait after the last zoom step before repainting the scaled bitmap sharp. */
const CRISP_AFTER_MS = 150;

/** What the canvas template draws at the current level of detail. */
export interface LodView {
  /** Nodes drawn as DOM shells. */
  nodes: GraphNode[];
  /** Edges drawn as SVG paths; undefined means those in the area. */
  edges?: GraphEdge[];
  /** Class of the pannable layer (`lod-full`, `lod-simple`, `lod-canvas`); the styles hide unreadable text by it. */
  level: string;
  /** The canvas layer, at `canvas` level. */
  layer?: HTMLCanvasElement;
}

/**
 * Level of detail: picks the level from the zoom on every render, and at far zoom hands the
 * nodes and edges to one canvas layer, keeping a DOM shell only for the focused node (so
 * focus, keyboard navigation and screen-reader access stay). Node boxes never change size or
 * place between levels, and nothing is animated, so reduced motion needs no special case.
 */
export class LodController implements ReactiveController {
  level: LodLevel = 'full';
  private _layer: CanvasLayer | undefined;
  private _pending: PaintScene | undefined;
  private _crisp: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when something the paint reads changes outside the graph state (types learned). */
  private _version = 0;

  constructor(
    private _editor: EditorHost,
    private _shown: (nodes: GraphNode[]) => GraphNode[],
  ) {
    _editor.addController(this);
  }

  /** The nodes, edges and layer the template draws now; `scene.nodes` is read only when shells are drawn. */
  view(scene: CanvasScene): LodView {
    this.level = lodLevel(scene.viewport.zoom, this.level);
    if (this.level !== 'canvas') {
      this._pending = undefined;
      return { nodes: this._shown(scene.nodes), level: `lod-${this.level}` };
    }
    const focused = scene.focusedNode === undefined ? undefined : scene.state.getNode(scene.focusedNode);
    const nodes = focused ? this._shown([focused]) : [];
    this._layer ??= new CanvasLayer(this._editor);
    const { state, view, manifests, selection, area } = scene;
    this._pending = { state, view, manifests, selection, area, zoom: scene.viewport.zoom, shells: new Set(nodes.map((n) => n.id)) };
    return { nodes, edges: [], level: 'lod-canvas', layer: this._layer.element };
  }

  /** Types were learned or changed: titles, categories and ports repaint. */
  invalidate(): void {
    this._version++;
  }

  hostUpdated(): void {
    const scene = this._pending;
    if (!scene || !this._layer) return;
    const key = [scene.state, scene.selection.nodes, scene.selection.edges, [...scene.shells].join(), this._editor.getAttribute('theme'), this._version];
    clearTimeout(this._crisp);
    if (this._layer.update(scene, key)) this._crisp = setTimeout(() => this._layer?.paint(scene, key), CRISP_AFTER_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this._crisp);
  }
}
