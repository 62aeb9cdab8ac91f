import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampViewport, type GraphStore, type Point, type Rect, type Viewport } from '../../core/index.js';
import { fitCanvas, toGraph, visibleRect, zoomAround, type ZoomLimits } from './viewport.js';

/** A loaded graph is fitted only when it reads at this zoom or more; a larger one keeps its viewport. */
const FIT_FLOOR = 0.5;

/** Extra screen pixels rendered around the visible area, so panning shows no gaps. */
const CULL_MARGIN = 200;

/** What the viewport needs from its editor. */
export interface ViewportHost extends ReactiveControllerHost {
  readonly store: GraphStore;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** The pannable canvas, once rendered. */
  readonly canvas: HTMLElement | null;
  /** The rectangle around every node, for fitting; undefined when there is none. */
  graphBounds?(): Rect | undefined;
}

/**
 * Pan and zoom: the viewport shown right now (live during a gesture, saved to the document
 * on commit), the canvas size from a ResizeObserver, fit and zoom within the limits, and
 * the conversions between screen and graph points.
 */
export class ViewportController implements ReactiveController {
  private _viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  private _size = { width: 0, height: 0 };
  private _lastPointer: Point | undefined;
  private _resize: ResizeObserver | undefined;
  /** A refit asked for and not done yet: done when the viewport is next read. */
  private _due = false;
  /** A graph loaded without a viewport of its own: kept fitted until the person presses, types, selects, pans, zooms or edits. */
  private _fitting = false;

  constructor(private readonly _host: ViewportHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._resize = new ResizeObserver(([entry]) => this._resized(entry.contentRect));
    void this._host.updateComplete.then(() => this._host.canvas && this._resize?.observe(this._host.canvas));
  }

  hostDisconnected(): void {
    this._resize?.disconnect();
    this._resize = undefined;
  }

  /**
   * Measures the canvas right after the first render, so culling knows what it shows before
   * the first frame (waiting for the ResizeObserver rendered a 0×0 canvas's nodes, then
   * laid out and rendered again inside the first frame).
   */
  measure(): void {
    const canvas = this._host.canvas;
    if (canvas && canvas.clientWidth > 0) this._resized({ width: canvas.clientWidth, height: canvas.clientHeight });
  }

  private _resized({ width, height }: { width: number; height: number }) {
    if (width === this._size.width && height === this._size.height) return;
    this._size = { width, height };
    this.refit();
    this._host.requestUpdate();
  }

  /**
   * After a load: shows the document's viewport. A document that has none (or the default
   * one, `{ x: 0, y: 0, zoom: 1 }`, which is what a graph nobody panned saves) is fitted
   * to the canvas instead, when it reads at that zoom (a huge graph keeps the
   * default). The fit is shown, not saved: no `v2u-viewport-change`, and the graph reopens
   * fitted until the person pans or zooms it.
   */
  loaded(): void {
    const v = this._host.store.state.viewport;
    this._viewport = { ...v };
    this._fitting = !v.x && !v.y && v.zoom === 1;
    this.refit();
    this._host.requestUpdate();
  }

  /**
   * Fits the loaded graph again while its geometry settles (canvas measured or resized, node
   * types known), when the viewport is next read: a load and its types arriving fit once, as drawn.
   */
  refit(): void {
    this._due = true;
  }

  /** The person pressed, typed, selected, moved the view or edited the graph: it stays where it is (fitted first, if a fit was due). */
  hold(): void {
    void this.viewport;
    this._fitting = false;
  }

  /** The viewport as shown right now (fitted first, if a fit was due). */
  get viewport(): Viewport {
    const bounds = this._due && this._fitting && this._size.width ? this._host.graphBounds?.() : undefined;
    const fit = bounds && fitCanvas(bounds, this._size, this.limits);
    this._due = false;
    if (fit && fit.zoom >= FIT_FLOOR) this._viewport = fit;
    return this._viewport;
  }

  /** Size of the canvas in CSS pixels. */
  get size(): { width: number; height: number } {
    return this._size;
  }

  get limits(): ZoomLimits {
    return { min: this._host.minZoom, max: this._host.maxZoom };
  }

  /** Shows a viewport without recording it; `commit()` saves it to the document. */
  show(viewport: Viewport): void {
    this._fitting = false;
    this._viewport = clampViewport(viewport);
    this._host.requestUpdate();
  }

  /** Saves the shown viewport to the document, when it differs. */
  commit(): void {
    const saved = this._host.store.state.viewport;
    const v = this._viewport;
    if (saved.x !== v.x || saved.y !== v.y || saved.zoom !== v.zoom) this._host.store.setViewport(v);
  }

  /** Zooms and pans so `bounds` are in view; false when there is nothing to fit or no canvas yet. */
  fit(bounds: Rect | undefined): boolean {
    // The canvas may have just been resized (the inspector opened) before the observer said so.
    if (this._resize) this.measure();
    if (!bounds || !this._size.width) return false;
    this.show(fitCanvas(bounds, this._size, this.limits));
    this.commit();
    return true;
  }

  /** Zooms around the canvas centre by `factor` (>1 zooms in). */
  zoomBy(factor: number): void {
    this.show(zoomAround(this._viewport, this._screenCenter(), factor, this.limits));
    this.commit();
  }

  /** Pointer position relative to the canvas, in screen pixels. */
  canvasPoint(event: { clientX: number; clientY: number }): Point {
    const box = this._host.canvas!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  /** The graph point at the centre of the canvas. */
  center(): Point {
    return toGraph(this._viewport, this._screenCenter());
  }

  /** Remembers where the pointer is, for paste and quick add at the pointer. */
  notePointer(event: { clientX: number; clientY: number }): void {
    this._lastPointer = toGraph(this._viewport, this.canvasPoint(event));
  }

  /** The graph point under the pointer, or the canvas centre when the pointer is elsewhere. */
  pointerOrCenter(): Point {
    return this._lastPointer ?? this.center();
  }

  /** The graph area on screen plus a margin: what the canvas renders. */
  visibleArea(): Rect {
    return visibleRect(this.viewport, this._size, CULL_MARGIN);
  }

  private _screenCenter(): Point {
    return { x: this._size.width / 2, y: this._size.height / 2 };
  }
}
