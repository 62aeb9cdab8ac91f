import { LitElement, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Point, Rect, Viewport } from '../../core/index.js';
import { unionRect } from '../../core/geometry.js';
import type { GraphViewModel } from '../editor/view-model.js';
import { visibleRect } from '../editor/viewport.js';
import { minimapStyles } from './minimap.styles.js';

/** The node rectangles as a bitmap, the graph `bounds` it covers, and what it was drawn from. */
interface NodeLayer {
  key: unknown[];
  bounds: Rect | undefined;
  image: ImageBitmap;
  /** When it was drawn (performance.now()). */
  at: number;
}

const WIDTH = 200;
const HEIGHT = 140;
const MIN_INTERVAL = 120;
/** The node rectangles redraw at most this often while the graph keeps changing (rasterising 10,000 of them takes a frame's worth). */
const NODES_INTERVAL = 600;

/**
 * An overview of the whole graph drawn on one canvas (cheap at 10,000 nodes), with the
 * visible area outlined. Pressing or dragging on it centres the editor there. The editor
 * hides it (`hidden`) while the whole graph is in view.
 *
 * @summary Graph overview that shows and moves the viewport.
 * @event v2u-minimap-center - A graph point to centre the view on (`detail` is `{ x, y }`).
 * @cssproperty --v2u-minimap-node-color - Node rectangles.
 * @cssproperty --v2u-minimap-viewport-color - The visible-area outline.
 *
 * @tagname v2u-minimap
 */
export class V2uMinimap extends LitElement {
  static override styles = minimapStyles;

  @property({ attribute: false }) view?: GraphViewModel;
  /** Group frames (a collapsed group's box), drawn as outlines and kept in the overview. */
  @property({ attribute: false }) frames: Rect[] = [];
  @property({ attribute: false }) viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  @property({ attribute: false }) size = { width: 0, height: 0 };
  /** Bumped by the editor on every graph change, to redraw. */
  @property({ type: Number }) revision = 0;

  @query('canvas') private _canvas!: HTMLCanvasElement;
  private _frame = 0;
  private _drawnAt = 0;
  private _scale = { k: 1, x: 0, y: 0 };
  private _nodes: NodeLayer | undefined;

  protected override render() {
    return html`<canvas
      width=${WIDTH * devicePixelRatio}
      height=${HEIGHT * devicePixelRatio}
      role="img"
      aria-label="Minimap: press to move the view"
      @pointerdown=${this.handlePointer}
      @pointermove=${(e: PointerEvent) => e.buttons && this.handlePointer(e)}
    ></canvas>`;
  }

  /** Redraws at most every MIN_INTERVAL ms: during a drag of a big graph, a frame each would cost more than the drag. */
  protected override updated(_changed: PropertyValues<this>): void {
    this.drawAfter(MIN_INTERVAL - (performance.now() - this._drawnAt));
  }

  private drawAfter(ms: number) {
    if (this._frame) return;
    this._frame = setTimeout(() => requestAnimationFrame(() => {
      this._frame = 0;
      this._drawnAt = performance.now();
      this.draw();
    }), Math.max(0, ms)) as unknown as number;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._frame);
    this._frame = 0;
  }

  private draw() {
    const ctx = this._canvas?.getContext('2d');
    if (!ctx || !this.view) return;
    const style = getComputedStyle(this);
    const fill = style.getPropertyValue('--_node').trim() || '#9aa3b5';
    const nodes = this.nodeLayer(this.view, fill);
    const view = visibleRect(this.viewport, this.size);
    const world = [...this.frames, view].reduce(unionRect, nodes.bounds ?? view);
    const k = Math.min(WIDTH / world.width, HEIGHT / world.height) * 0.9;
    this._scale = { k, x: (WIDTH - world.width * k) / 2 - world.x * k, y: (HEIGHT - world.height * k) / 2 - world.y * k };
    const dpr = devicePixelRatio;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const { x: ox, y: oy } = this._scale;
    const b = nodes.bounds;
    if (b) ctx.drawImage(nodes.image, ox + b.x * k, oy + b.y * k, b.width * k, b.height * k);
    ctx.strokeStyle = fill;
    ctx.lineWidth = 1;
    for (const r of this.frames) ctx.strokeRect(ox + r.x * k, oy + r.y * k, r.width * k, r.height * k);
    ctx.strokeStyle = style.getPropertyValue('--_viewport').trim() || '#3b5bdb';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(ox + view.x * k, oy + view.y * k, view.width * k, view.height * k);
  }

  /**
   * The node rectangles, drawn once per graph change into a bitmap that fits their bounds: a
   * pan or zoom then only scales it into place and outlines the view (drawing 50,000
   * rectangles on every redraw cost several ms of a frame while panning). Closes the old bitmap.
   * Each rectangle is written as whole pixels into the bitmap's memory: at this scale a node is
   * a few pixels, and 10,000 `fillRect` calls took a drag frame's worth to record and raster.
   */
  private nodeLayer(view: GraphViewModel, fill: string): NodeLayer {
    const key = [view, this.revision, view.nodeIndex.size, fill, devicePixelRatio];
    const old = this._nodes;
    if (old && key.every((k, i) => k === old.key[i])) return old;
    // While the graph keeps changing (a drag), the rectangles follow at most every NODES_INTERVAL ms.
    const since = performance.now() - (old?.at ?? -Infinity);
    if (old?.key[0] === view && since < NODES_INTERVAL) {
      this.drawAfter(NODES_INTERVAL - since);
      return old;
    }
    // One pass over the index for the rectangles and their bounds (`nodeIndex.bounds()` is a second).
    const rects: number[] = [];
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [, r] of view.nodeIndex.entries()) {
      rects.push(r.x, r.y, r.width, r.height);
      left = Math.min(left, r.x);
      top = Math.min(top, r.y);
      right = Math.max(right, r.x + r.width);
      bottom = Math.max(bottom, r.y + r.height);
    }
    const bounds = rects.length ? { x: left, y: top, width: right - left, height: bottom - top } : undefined;
    const [width, height] = [Math.trunc(WIDTH * devicePixelRatio), Math.trunc(HEIGHT * devicePixelRatio)];
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (bounds && ctx) {
      const k = Math.min(width / bounds.width, height / bounds.height);
      // The bitmap's own proportions, the nodes centred in it, so it scales into place undistorted.
      Object.assign(bounds, { x: bounds.x - (width / k - bounds.width) / 2, y: bounds.y - (height / k - bounds.height) / 2, width: width / k, height: height / k });
      const pixels = new ImageData(width, height);
      const words = new Uint32Array(pixels.data.buffer);
      const color = colorWord(fill);
      const at = (v: number, size: number) => Math.min(size, Math.max(0, Math.floor(v)));
      for (let i = 0; i < rects.length; i += 4) {
        const x = (rects[i] - bounds.x) * k;
        const y = (rects[i + 1] - bounds.y) * k;
        // At least one pixel each way, as a 1-pixel minimum `fillRect` drew.
        const x1 = at(x, width);
        const x2 = at(x + Math.max(1, rects[i + 2] * k), width);
        for (let row = at(y, height), end = at(y + Math.max(1, rects[i + 3] * k), height); row < end; row++) words.fill(color, row * width + x1, row * width + x2);
      }
      ctx.putImageData(pixels, 0, 0);
    }
    old?.image.close();
    return (this._nodes = { key, bounds, image: canvas.transferToImageBitmap(), at: performance.now() });
  }

  private handlePointer = (event: PointerEvent) => {
    event.stopPropagation();
    const box = this._canvas.getBoundingClientRect();
    const { k, x, y } = this._scale;
    const point: Point = { x: (event.clientX - box.left - x) / k, y: (event.clientY - box.top - y) / k };
    this.dispatchEvent(new CustomEvent('v2u-minimap-center', { detail: point, bubbles: true, composed: true }));
  };
}

/** A CSS colour as one pixel of `ImageData` memory (RGBA bytes read as a 32-bit word), by painting it once. */
function colorWord(color: string): number {
  const ctx = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!ctx) return 0;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  return new Uint32Array(ctx.getImageData(0, 0, 1, 1).data.buffer)[0];
}
