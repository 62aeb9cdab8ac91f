import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, drag, mountEditor, pagePoint, smallGraph, warmUp, wheel } from './editor-helpers.js';

const edges = [
  { id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } },
  { id: 'e2', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } },
];
const graph = { ...smallGraph, edges };

/** One real ctrl+wheel step at a page point: zooms by exp(-deltaY / 500). */
async function ctrlWheel(deltaY: number, at: [number, number] = [500, 300]) {
  await sendKeys({ down: 'Control' });
  await wheel(at[0], at[1], deltaY);
  await sendKeys({ up: 'Control' });
}

const level = (el: V2uEditor) => ['full', 'simple', 'canvas'].find((l) => $(el, '.layer')!.classList.contains(`lod-${l}`));
const shells = (el: V2uEditor) => $$(el, '[data-node]').map((n) => n.dataset.node).sort();
const focusedShell = (el: V2uEditor) => (el.shadowRoot!.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-node]')?.dataset.node;

/** Whether the canvas layer has paint at a graph point. */
function paintedAt(el: V2uEditor, x: number, y: number): boolean {
  const canvas = $<HTMLCanvasElement>(el, '.canvas-layer')!;
  const left = parseFloat(canvas.style.left);
  const top = parseFloat(canvas.style.top);
  const k = canvas.width / parseFloat(canvas.style.width);
  // The layer shows a transferred bitmap (no 2D context to read): copy it onto one that has.
  const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext('2d')!;
  copy.drawImage(canvas, 0, 0);
  const [, , , a] = copy.getImageData(Math.round((x - left) * k), Math.round((y - top) * k), 1, 1).data;
  return a > 0;
}

describe('<v2u-editor> level of detail', () => {
  before(warmUp(graph));

  it('zooming out switches to simplified shapes, then the canvas layer, and back, keeping selection, focus and node boxes', async () => {
    const el = await mountEditor(graph);
    el.select(['add']);
    await el.focusNode('add');
    const box = () => $(el, '[data-node="add"]')!.getBoundingClientRect();
    const size = (zoom: number) => [Math.round(box().width / zoom), Math.round(box().height / zoom)];
    const full = size(1);
    expect(level(el)).to.equal('full');

    await ctrlWheel(400);
    await el.updateComplete;
    expect(el.liveViewport.zoom).to.be.lessThan(0.5);
    expect(level(el), 'below 0.5 the shapes are simplified').to.equal('simple');
    expect(shells(el), 'every node is still a DOM shell').to.deep.equal(['add', 'log', 'num', 'txt']);
    expect(getComputedStyle($(el, '[data-node="add"] .header')!).color, 'title text too small to read is not drawn').to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle($(el, '[data-node="add"] .port-label')!).color).to.equal('rgba(0, 0, 0, 0)');
    expect(size(el.liveViewport.zoom), 'the node box keeps its size').to.deep.equal(full);

    await ctrlWheel(300);
    await el.updateComplete;
    expect(el.liveViewport.zoom).to.be.lessThan(0.35);
    expect(level(el), 'below 0.35 the graph is painted on one canvas').to.equal('canvas');
    expect(shells(el), 'only the focused node keeps a DOM shell').to.deep.equal(['add']);
    expect($$(el, '.edges .edge').length, 'edges are painted, not SVG paths').to.equal(0);
    expect(paintedAt(el, 40 + 90, 200 + 10), 'the Text node is painted on the canvas').to.equal(true);
    expect(paintedAt(el, 700, 500), 'the empty space is not').to.equal(false);
    expect([...el.selection.nodes], 'the selection stays').to.deep.equal(['add']);
    expect(focusedShell(el), 'keyboard focus stays on the node').to.equal('add');
    expect(size(el.liveViewport.zoom), 'the focused shell keeps its size').to.deep.equal(full);

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focusedShell(el) === 'log', 'arrow keys still move focus, to a shell for the next node');
    expect(shells(el)).to.deep.equal(['log']);

    await ctrlWheel(-800);
    await el.updateComplete;
    expect(el.liveViewport.zoom).to.be.greaterThan(0.6);
    expect(level(el), 'zoomed back in, full detail').to.equal('full');
    expect(shells(el)).to.deep.equal(['add', 'log', 'num', 'txt']);
    expect($(el, '.canvas-layer'), 'the canvas layer is gone').to.equal(null);
    expect([...el.selection.nodes]).to.deep.equal(['add']);
    expect(focusedShell(el)).to.equal('log');
  });

  it('a continuous zoom across 0.5 keeps the level until zooming rests; a single step switches at once', async () => {
    const el = await mountEditor(graph);
    // Zooms around the canvas centre (500, 300), as wheel steps there.
    const zoomTo = async (zoom: number) => {
      const { x, y, zoom: from } = el.liveViewport;
      const k = zoom / from;
      el.showViewport({ x: 500 - (500 - x) * k, y: 300 - (300 - y) * k, zoom });
      await el.updateComplete;
    };
    for (const zoom of [0.82, 0.67, 0.55, 0.45]) await zoomTo(zoom);
    expect(level(el), 'steps in quick succession keep full detail across the threshold').to.equal('full');
    await waitUntil(() => level(el) === 'simple', 'simplified once zooming rests');
    for (const zoom of [0.47, 0.55, 0.67]) await zoomTo(zoom);
    expect(level(el), 'and the same on the way back').to.equal('simple');
    await waitUntil(() => level(el) === 'full', 'full detail once zooming rests');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await zoomTo(0.45);
    expect(level(el), 'a single step switches in the same frame').to.equal('simple');
    await zoomTo(0.3);
    expect(level(el), 'the canvas level does not wait').to.equal('canvas');
  });

  it('a continuous zoom also runs the layer transform as an animation on it, where shells stay in place, and drops it at rest', async () => {
    const el = await mountEditor(graph);
    const layer = $(el, '.layer')!;
    const shellAt = () => {
      const box = $(el, '[data-node="add"]')!.getBoundingClientRect();
      const canvas = el.canvas!.getBoundingClientRect();
      return [box.left - canvas.left, box.top - canvas.top].map((v) => Math.round(v));
    };
    const expected = () => {
      const { x, y, zoom } = el.liveViewport;
      const { position } = el.store.state.getNode('add')!;
      return [position.x * zoom + x, position.y * zoom + y].map((v) => Math.round(v));
    };
    for (const zoom of [0.9, 0.8, 0.7]) {
      el.showViewport({ x: 40, y: 20, zoom });
      await el.updateComplete;
    }
    expect(layer.getAnimations().length, 'the transform runs as an animation while zooming').to.equal(1);
    expect(shellAt(), 'shells stand where the viewport puts them').to.deep.equal(expected());
    await waitUntil(() => layer.getAnimations().length === 0, 'dropped once zooming rests');
    expect(shellAt()).to.deep.equal(expected());
    el.showViewport({ x: 40, y: 20, zoom: 0.6 });
    await el.updateComplete;
    expect(layer.getAnimations().length, 'a single step is a plain style change').to.equal(0);
  });

  for (const zoom of [1, 0.45, 0.25]) {
    it(`clicks, drags and connections hit the right node at zoom ${zoom}`, async () => {
      const el = await mountEditor(graph);
      el.showViewport({ x: 20, y: 20, zoom });
      await el.updateComplete;
      // A node drawn over another: the one drawn last (later in the document) is hit.
      el.store.addNode({ id: 'top', type: 'output/log', position: { x: 100, y: 230 }, config: {} });
      await el.updateComplete;
      await sendMouse({ type: 'click', position: pagePoint(el, 60, 220) });
      expect([...el.selection.nodes], 'a click on Text selects Text').to.deep.equal(['txt']);
      await sendMouse({ type: 'click', position: pagePoint(el, 150, 250) });
      expect([...el.selection.nodes], 'a click where two nodes overlap selects the top one').to.deep.equal(['top']);

      await drag(pagePoint(el, 400, 70), pagePoint(el, 400 + 100, 70 + 200));
      const moved = el.store.state.getNode('add')!.position;
      const slack = 1 / zoom; // a pixel of rounding on screen
      expect(moved.x, 'dragging Add by its title moves Add').to.be.closeTo(460, 2 * slack);
      expect(moved.y).to.be.closeTo(260, 2 * slack);
      expect(el.store.state.getNode('log')!.position, 'and nothing else').to.deep.equal({ x: 640, y: 120 });

      // From Number's output (its right edge, first port row) to Log's input.
      await drag(pagePoint(el, 40 + 180, 40 + 32 + 11), pagePoint(el, 640, 120 + 32 + 11));
      const made = [...el.store.state.edges()].map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`);
      expect(made, 'the new connection joins the ports under the pointer').to.include('num.value>log.value');
    });
  }

  it('keeps zooming smooth at the canvas level: a zoom step within reach scales the painted bitmap, then repaints it sharp', async () => {
    const el = await mountEditor(graph);
    el.showViewport({ x: 0, y: 0, zoom: 0.3 });
    await el.updateComplete;
    const canvas = $<HTMLCanvasElement>(el, '.canvas-layer')!;
    const painted = canvas.width;
    el.showViewport({ x: 0, y: 0, zoom: 0.32 });
    await el.updateComplete;
    expect(canvas.width, 'the bitmap is reused while zooming').to.equal(painted);
    await waitUntil(() => canvas.width !== painted, 'a sharp repaint follows when zooming rests');
  });

  it('a saved viewport (a pan or wheel pause) repaints neither the canvas layer nor the minimap: only graph changes do', async () => {
    const el = await mountEditor(graph);
    el.showViewport({ x: 0, y: 0, zoom: 0.3 });
    el.commitViewport();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 800));
    const proto = OffscreenCanvas.prototype;
    const transfer = proto.transferToImageBitmap;
    let paints = 0;
    proto.transferToImageBitmap = function (this: OffscreenCanvas) {
      paints++;
      return transfer.call(this);
    };
    try {
      el.showViewport({ x: -12, y: -8, zoom: 0.3 });
      el.commitViewport();
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(el.store.state.viewport.x, 'the viewport was saved').to.equal(-12);
      expect(paints, 'bitmaps painted after saving the viewport').to.equal(0);
      el.store.moveNodes([{ id: 'log', position: { x: 700, y: 160 } }]);
      await el.updateComplete;
      await waitUntil(() => paints > 0, 'a graph change repaints');
    } finally {
      proto.transferToImageBitmap = transfer;
    }
  });

  it('zoom steps past the scale slack still scale the bitmap while it covers the screen, and repaint when zooming rests or it no longer does', async () => {
    const el = await mountEditor(graph);
    el.showViewport({ x: 0, y: 0, zoom: 0.3 });
    await el.updateComplete;
    const canvas = $<HTMLCanvasElement>(el, '.canvas-layer')!;
    const painted = () => canvas.style.width;
    const first = painted();
    // Zooms around the canvas centre (500, 300).
    const zoomTo = (zoom: number) => el.showViewport({ x: 500 - (500 / 0.3) * zoom, y: 300 - (300 / 0.3) * zoom, zoom });
    zoomTo(0.2); // two wheel steps' worth, past the 1.3 slack
    await el.updateComplete;
    expect(painted(), 'the bitmap is scaled, not repainted, in the step').to.equal(first);
    expect(paintedAt(el, 380, 100), 'the nodes still show').to.equal(true);
    await waitUntil(() => painted() !== first, 'a sharp repaint follows when zooming rests');
    const rested = painted();
    zoomTo(0.08);
    await el.updateComplete;
    expect(painted(), 'zoomed out past what the bitmap covers, it repaints at once').to.not.equal(rested);
  });
});
