import { NODE_CATEGORIES, NODE_HEADER, type GraphState, type ManifestSource, type Rect } from '../../../core/index.js';
import type { Selection } from '../selection.js';
import type { GraphViewModel } from '../view-model.js';

/** What one paint of the canvas layer reads. */
export interface PaintScene {
  state: GraphState;
  view: GraphViewModel;
  manifests: ManifestSource;
  selection: Selection;
  zoom: number;
  /** The graph area the template renders (the visible area plus a margin). */
  area: Rect;
  /** The graph area on screen. */
  visible: Rect;
  /** Nodes that have a DOM shell on top, so the canvas leaves them out. */
  shells: Set<string>;
}

/** Painted this much beyond the rendered area on each side, so a pan repaints only every half screen or so. */
const OVERSCAN = 0.25;
/** A zoom within this factor of the painted one scales the bitmap; the crisp repaint follows when zooming rests. */
export const SCALE_SLACK = 1.3;
/**
 * While the bitmap still covers the screen, a zoom within this factor of the painted one
 * shows it scaled (softer, or sharper than needed) and repaints only when zooming rests:
 * repainting at every step past `SCALE_SLACK` made every other wheel step a slow frame.
 */
const STRETCH = 2;
/** Largest backing store side, in device pixels (memory stays near 64 MB at worst). */
const MAX_SIDE = 4096;
/** Below this zoom ports are under a pixel and are left out. */
const PORTS_FROM_ZOOM = 0.12;
const PORT_RADIUS = 4;

/** Theme tokens of the editor's stylesheet, read from computed style so themes and host overrides apply. */
const TOKENS = ['node-bg', 'node-border', 'edge', 'accent', 'port', ...NODE_CATEGORIES, 'unknown'] as const;
type Colors = Record<(typeof TOKENS)[number], string>;

/**
 * The far-zoom layer: every node (title bar, box, ports) and every edge in the area painted
 * on one `<canvas>`, one path per colour, as LiteGraph draws its graph. It sits in the
 * pannable layer at graph coordinates, so panning within the painted area costs no paint;
 * it takes no pointer events (hit tests go through the spatial index).
 */
export class CanvasLayer {
  readonly element = document.createElement('canvas');
  private _painted: { area: Rect; zoom: number; key: readonly unknown[] } | undefined;

  constructor(private _styleSource: Element) {
    this.element.className = 'canvas-layer';
    this.element.setAttribute('aria-hidden', 'true');
  }

  /**
   * Paints when `key` (what is shown) changed, the area left what was painted, or the zoom
   * moved past `SCALE_SLACK`, unless the bitmap still covers the screen and the zoom is within
   * `STRETCH`. Returns whether the bitmap is shown scaled (a crisp paint is owed).
   */
  update(scene: PaintScene, key: readonly unknown[]): boolean {
    const p = this._painted;
    const ratio = p ? scene.zoom / p.zoom : 0;
    const within = (slack: number) => ratio < slack && ratio > 1 / slack;
    const covers = p && (within(SCALE_SLACK) ? contains(p.area, scene.area) : within(STRETCH) && contains(p.area, scene.visible));
    if (covers && sameKey(p.key, key)) return ratio !== 1;
    this.paint(scene, key);
    return false;
  }

  /** Forgets the painted bitmap, so the next update paints. */
  invalidate(): void {
    this._painted = undefined;
  }

  /**
   * Paints off screen and hands the element the finished bitmap: a 2D canvas on the page is
   * handed to the compositor again on every frame while the layer pans (a bitmap as large as
   * the area, several ms a frame without a GPU), a transferred `ImageBitmap` only when it changes.
   */
  paint(scene: PaintScene, key: readonly unknown[]): void {
    const area = grow(scene.area, OVERSCAN);
    const k = Math.min(scene.zoom * devicePixelRatio, MAX_SIDE / area.width, MAX_SIDE / area.height);
    const [width, height] = [Math.ceil(area.width * k), Math.ceil(area.height * k)];
    const ctx = new OffscreenCanvas(width, height).getContext('2d');
    const shown = this.element.getContext('bitmaprenderer');
    if (!ctx || !shown) return;
    ctx.setTransform(k, 0, 0, k, -area.x * k, -area.y * k);
    const colors = this.colors();
    paintEdges(ctx, scene, area, colors);
    paintNodes(ctx, scene, area, colors);
    const el = this.element;
    [el.width, el.height] = [width, height];
    Object.assign(el.style, { left: `${area.x}px`, top: `${area.y}px`, width: `${area.width}px`, height: `${area.height}px` });
    shown.transferFromImageBitmap(ctx.canvas.transferToImageBitmap());
    this._painted = { area, zoom: scene.zoom, key };
  }

  private colors(): Colors {
    const style = getComputedStyle(this._styleSource);
    return Object.fromEntries(TOKENS.map((t) => [t, style.getPropertyValue(`--_${t}`).trim() || '#888'])) as Colors;
  }
}

function paintEdges(ctx: OffscreenCanvasRenderingContext2D, scene: PaintScene, area: Rect, colors: Colors) {
  const plain = new Path2D();
  const selected = new Path2D();
  for (const id of scene.view.edgeIndex.query(area)) {
    const edge = scene.state.getEdge(id);
    const d = edge && scene.view.pathOf(edge);
    if (d) addCurve(scene.selection.edges.has(id) ? selected : plain, d);
  }
  stroke(ctx, plain, colors.edge, 2);
  stroke(ctx, selected, colors.accent, 3);
}

function paintNodes(ctx: OffscreenCanvasRenderingContext2D, scene: PaintScene, area: Rect, colors: Colors) {
  const { state, view } = scene;
  const boxes = new Path2D();
  const chosen = new Path2D();
  const ports = new Path2D();
  const bars = new Map<string, Path2D>();
  for (const id of view.nodeIndex.query(area)) {
    const node = state.getNode(id);
    const r = view.nodeIndex.rectOf(id);
    if (!node || !r || scene.shells.has(id)) continue;
    boxes.rect(r.x, r.y, r.width, r.height);
    if (scene.selection.nodes.has(id)) chosen.rect(r.x - 2, r.y - 2, r.width + 4, r.height + 4);
    const category = scene.manifests.get(node.type)?.category;
    const bar = category && NODE_CATEGORIES.includes(category) ? category : 'unknown';
    if (!bars.has(bar)) bars.set(bar, new Path2D());
    bars.get(bar)!.rect(r.x, r.y, r.width, NODE_HEADER);
    if (scene.zoom >= PORTS_FROM_ZOOM) addPorts(ports, scene, node);
  }
  ctx.fillStyle = colors['node-bg'];
  ctx.fill(boxes);
  for (const [category, path] of bars) {
    ctx.fillStyle = colors[category as keyof Colors];
    ctx.fill(path);
  }
  stroke(ctx, boxes, colors['node-border'], 1);
  stroke(ctx, chosen, colors.accent, 3);
  ctx.fillStyle = colors.port;
  ctx.fill(ports);
}

function addPorts(path: Path2D, scene: PaintScene, node: Parameters<GraphViewModel['portsOf']>[0]) {
  const ports = scene.view.portsOf(node);
  for (const [side, list] of [['in', ports.inputs], ['out', ports.outputs]] as const)
    for (const port of list) {
      const a = scene.view.anchorOf(node, side, port);
      path.moveTo(a.x + PORT_RADIUS, a.y);
      path.arc(a.x, a.y, PORT_RADIUS, 0, 2 * Math.PI);
    }
}

/** Adds an edge's cubic curve from its SVG path data (`M x,y C x,y x,y x,y`, see `edgePath`). */
function addCurve(path: Path2D, d: string) {
  const [ax, ay, c1x, c1y, c2x, c2y, bx, by] = d.split(/[^\d.e+-]+/).filter(Boolean).map(Number);
  path.moveTo(ax, ay);
  path.bezierCurveTo(c1x, c1y, c2x, c2y, bx, by);
}

function stroke(ctx: OffscreenCanvasRenderingContext2D, path: Path2D, color: string, width: number) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke(path);
}

function grow(r: Rect, by: number): Rect {
  return { x: r.x - r.width * by, y: r.y - r.height * by, width: r.width * (1 + 2 * by), height: r.height * (1 + 2 * by) };
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
