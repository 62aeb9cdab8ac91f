import { expect, waitUntil } from '@open-wc/testing';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, mountEditor, nextFrame, warmUp } from './editor-helpers.js';

/** A 40 × 40 grid of nodes 300 × 150 apart, each wired to its right-hand neighbour. */
const grid = (() => {
  const id = (c: number, r: number) => `n${c}-${r}`;
  const nodes = [];
  const edges = [];
  for (let c = 0; c < 40; c++)
    for (let r = 0; r < 40; r++) {
      nodes.push({ id: id(c, r), type: 'transform/add', position: { x: c * 300, y: r * 150 }, config: {} });
      if (c > 0) edges.push({ id: `e${c}-${r}`, from: { node: id(c - 1, r), port: 'sum' }, to: { node: id(c, r), port: 'a' } });
    }
  return { version: 2, nodes, edges };
})();

const shellIds = (el: V2uEditor) => new Set($$(el, '[data-node]').map((n) => n.dataset.node!));

/** Ids of the nodes whose box meets the graph rectangle `r`. */
function nodesIn(el: V2uEditor, r: { x: number; y: number; width: number; height: number }): string[] {
  return [...el.view.nodeIndex.query(r)];
}

/** The graph area on screen, grown by `margin` screen pixels. */
function onScreen(el: V2uEditor, margin = 0) {
  const { x, y, zoom } = el.liveViewport;
  const { width, height } = el.canvasSize;
  return { x: (-x - margin) / zoom, y: (-y - margin) / zoom, width: (width + 2 * margin) / zoom, height: (height + 2 * margin) / zoom };
}

describe('<v2u-editor> culling of node shells while panning', () => {
  before(warmUp(grid));

  it('a short pan moves the layer only: the same shells and edge layer, nothing re-culled', async () => {
    const el = await mountEditor(grid);
    el.showViewport({ x: -1500, y: -900, zoom: 1 });
    await el.updateComplete;
    await waitUntil(() => nodesIn(el, onScreen(el, 200)).every((id) => shellIds(el).has(id)), 'the margin fills in');
    const viewBox = $(el, 'svg.edges')!.getAttribute('viewBox');
    const shell = $(el, '[data-node="n5-6"]');
    const before = shellIds(el);
    for (let step = 1; step <= 8; step++) {
      el.showViewport({ x: -1500 - step * 10, y: -900 + step * 5, zoom: 1 });
      await el.updateComplete;
    }
    expect($(el, 'svg.edges')!.getAttribute('viewBox'), 'the edge layer keeps its area').to.equal(viewBox);
    expect($(el, '[data-node="n5-6"]'), 'the same element').to.equal(shell);
    expect([...shellIds(el)].sort(), 'the same shells').to.deep.equal([...before].sort());
  });

  it('a long pan renders every node on screen in the same frame, and those of the margin within a few frames', async () => {
    const el = await mountEditor(grid);
    el.showViewport({ x: -1500, y: -900, zoom: 1 });
    await el.updateComplete;
    el.showViewport({ x: -4500, y: -2700, zoom: 1 });
    await el.updateComplete;
    const screen = nodesIn(el, onScreen(el));
    expect(screen.length, 'the screen shows nodes').to.be.above(10);
    expect(screen.filter((id) => !shellIds(el).has(id)), 'nodes on screen without a shell').to.deep.equal([]);
    for (let i = 0; i < 10; i++) await nextFrame();
    const margin = nodesIn(el, onScreen(el, 200));
    expect(margin.filter((id) => !shellIds(el).has(id)), 'nodes in the margin without a shell').to.deep.equal([]);
    const edge = $(el, '[data-edge="e16-19"]');
    expect(edge, 'edges on screen are drawn').to.exist;
  });

  it('a wheel sweep out to 0.45 and back to 1 keeps the shells and the edge layer it rendered while out', async () => {
    const el = await mountEditor(grid);
    const { width, height } = el.canvasSize;
    /** The zoom `zoom` about the canvas centre, as a ctrl+wheel step there. */
    const zoomTo = async (zoom: number) => {
      const { x, y, zoom: from } = el.liveViewport;
      const k = zoom / from;
      el.showViewport({ x: width / 2 - (width / 2 - x) * k, y: height / 2 - (height / 2 - y) * k, zoom });
      await el.updateComplete;
    };
    el.showViewport({ x: -1500, y: -900, zoom: 1 });
    await el.updateComplete;
    for (const zoom of [0.82, 0.67, 0.55, 0.45]) await zoomTo(zoom);
    await waitUntil(() => nodesIn(el, onScreen(el, 200)).every((id) => shellIds(el).has(id)), 'the margin fills in');
    for (let i = 0; i < 20; i++) await nextFrame();
    const viewBox = $(el, 'svg.edges')!.getAttribute('viewBox');
    const before = shellIds(el);
    for (const zoom of [0.55, 0.67, 0.82, 1]) await zoomTo(zoom);
    expect($(el, 'svg.edges')!.getAttribute('viewBox'), 'the edge layer keeps its area').to.equal(viewBox);
    expect([...shellIds(el)].sort(), 'the same shells').to.deep.equal([...before].sort());
  });

  it('zooming in far past the rendered area drops the shells it no longer shows', async () => {
    const el = await mountEditor(grid);
    el.showViewport({ x: -600, y: -300, zoom: 0.5 });
    await el.updateComplete;
    for (let i = 0; i < 10; i++) await nextFrame();
    const wide = shellIds(el).size;
    el.showViewport({ x: -3000, y: -1500, zoom: 2 });
    await el.updateComplete;
    expect(shellIds(el).size, 'far fewer shells at zoom 2').to.be.below(wide / 4);
    expect(nodesIn(el, onScreen(el)).filter((id) => !shellIds(el).has(id))).to.deep.equal([]);
  });
});
