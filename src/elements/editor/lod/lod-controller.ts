import type { ReactiveController } from 'lit';
import type { GraphEdge, GraphNode, GraphStore } from '../../../core/index.js';
import type { CanvasScene } from '../canvas-template.js';
import { isViewChange } from '../change-reporter.js';
import type { EditorHost } from '../editor-host.js';
import { visibleRect } from '../viewport.js';
import { CanvasLayer, type PaintScene } from './canvas-layer.js';
import { lodLevel, type LodLevel } from './level.js';
import { ShellCulling } from './shells.js';

/**
 * Wait after the last zoom step before repainting the scaled bitmap sharp, and before
 * switching between the two DOM levels when the zoom moved on in a continuous zoom.
 */
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
  /** Bumped on every change of the shown store's graph, and when types are learned (the state object itself is mutable). */
  private _version = 0;
  private _store: GraphStore | undefined;
  private _unsubscribe: (() => void) | undefined;
  private _shells: ShellCulling;
  /** The zoom of the last view, when it last changed, and whether that change came within `CRISP_AFTER_MS` of the one before. */
  private _zoom = NaN;
  private _zoomedAt = -Infinity;
  private _continuous = false;
  private _settle: ReturnType<typeof setTimeout> | undefined;
  /** While a continuous zoom goes on: the pannable layer's transform, mirrored as an animation (see `mirrorTransform`). */
  private _motion: Animation | undefined;

  constructor(
    private _editor: EditorHost,
    private _shown: (nodes: GraphNode[]) => GraphNode[],
  ) {
    _editor.addController(this);
    this._shells = new ShellCulling(_shown, () => _editor.requestUpdate());
  }

  /**
   * The nodes, edges and layer the template draws now. Shells and SVG edges are culled to an
   * area kept stable between frames (`ShellCulling`), which replaces `scene.area`.
   */
  view(scene: CanvasScene): LodView {
    this.level = this.nextLevel(scene.viewport.zoom);
    if (this.level !== 'canvas') {
      this._pending = undefined;
      const { area, nodes, edges } = this._shells.view(scene, this._editor.canvasSize, this.graphVersion());
      scene.area = area;
      return { nodes, edges, level: `lod-${this.level}` };
    }
    const focused = scene.focusedNode === undefined ? undefined : scene.state.getNode(scene.focusedNode);
    const nodes = focused ? this._shown([focused]) : [];
    this._layer ??= new CanvasLayer(this._editor);
    const { state, view, manifests, selection, area } = scene;
    const visible = visibleRect(scene.viewport, this._editor.canvasSize);
    this._pending = { state, view, manifests, selection, area, visible, zoom: scene.viewport.zoom, shells: new Set(nodes.map((n) => n.id)) };
    return { nodes, edges: [], level: 'lod-canvas', layer: this._layer.element };
  }

  /**
   * The level at `zoom`. A switch between `full` and `simple` restyles and repaints every
   * shell (tens of ms with a screen of them), so while the zoom keeps moving (wheel or pinch
   * steps each within `CRISP_AFTER_MS` of the last) the level stays and switches once zooming
   * rests: a sweep across the threshold then costs one such frame at its end instead of one
   * each way. A single step (a key, a button, a lone wheel notch) switches at once, and the
   * canvas level is entered and left at once (it drops or brings the shells).
   */
  private nextLevel(zoom: number): LodLevel {
    const now = performance.now();
    if (zoom !== this._zoom) {
      // The first view is no zoom step.
      if (!Number.isNaN(this._zoom)) [this._continuous, this._zoomedAt] = [now - this._zoomedAt < CRISP_AFTER_MS, now];
      this._zoom = zoom;
    }
    const next = lodLevel(zoom, this.level);
    const moving = this.zooming(now);
    if (moving) {
      clearTimeout(this._settle);
      this._settle = setTimeout(() => this._editor.requestUpdate(), CRISP_AFTER_MS - (now - this._zoomedAt) + 1);
    }
    return moving && next !== 'canvas' && this.level !== 'canvas' ? this.level : next;
  }

  /** A continuous zoom is going on: its last step came less than `CRISP_AFTER_MS` before `now`. */
  private zooming(now: number): boolean {
    return this._continuous && now - this._zoomedAt < CRISP_AFTER_MS;
  }

  /**
   * While the zoom keeps moving, the layer's transform (set inline by the template) also runs
   * as a still Web Animation on it: Chromium then takes each step as a change of a composited
   * value only, where a plain inline change re-layerized the whole page on every step (its
   * `PaintArtifactCompositor::Update`, about 35 µs per shell rendered). The inline style stays
   * the source of truth; the animation is dropped when zooming rests.
   */
  private mirrorTransform(): void {
    const layer = this._editor.renderRoot.querySelector<HTMLElement>('.layer');
    const transform = layer?.style.transform;
    if (!layer || !transform || !this.zooming(performance.now())) {
      this._motion?.cancel();
      this._motion = undefined;
      return;
    }
    const keyframes = [{ transform }, { transform }];
    const effect = this._motion?.effect as KeyframeEffect | undefined;
    if (effect?.target === layer) effect.setKeyframes(keyframes);
    else {
      this._motion?.cancel();
      this._motion = layer.animate(keyframes, { duration: 60_000 });
    }
  }

  /** Types were learned or changed: titles, categories and ports repaint. */
  invalidate(): void {
    this._version++;
  }

  /**
   * Counts changes of what the canvas draws: the graph of the store shown now (an opened
   * subflow's or the graph's) and the types. A saved viewport is not one (a wheel pause
   * commits one, which repainted the whole canvas layer and minimap).
   */
  graphVersion(): number {
    const store = this._editor.store;
    if (store === this._store) return this._version;
    this._unsubscribe?.();
    this._store = store;
    this._unsubscribe = store.subscribe((event) => {
      if (event.origin === 'load' || !event.changes.every(isViewChange)) this._version++;
    });
    return ++this._version;
  }

  hostUpdated(): void {
    this.mirrorTransform();
    const scene = this._pending;
    if (!scene || !this._layer) return;
    const key = [this.graphVersion(), scene.selection.nodes, scene.selection.edges, [...scene.shells].join(), this._editor.getAttribute('theme')];
    clearTimeout(this._crisp);
    if (this._layer.update(scene, key)) this._crisp = setTimeout(() => this._layer?.paint(scene, key), CRISP_AFTER_MS);
  }

  hostDisconnected(): void {
    clearTimeout(this._crisp);
    clearTimeout(this._settle);
    this._motion?.cancel();
    this._motion = undefined;
    this._shells.destroy();
    this._unsubscribe?.();
    this._store = this._unsubscribe = undefined;
  }
}
