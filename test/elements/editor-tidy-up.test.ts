import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendMouse } from '@web/test-runner-commands';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { Point } from '../../src/core/index.js';
import { $, centerOf, chord, domOverlaps, mountEditor, nextFrame } from './editor-helpers.js';

/** Two numbers into Add's a and b, Add and a third number into Log: piled up, right to left. */
const tangled = {
  version: 2,
  nodes: [
    { id: 'log', type: 'output/log', position: { x: 40, y: 40 }, config: {} },
    { id: 'add', type: 'transform/add', position: { x: 70, y: 60 }, config: {} },
    { id: 'n2', type: 'create/number', position: { x: 100, y: 80 }, config: {} },
    { id: 'n1', type: 'create/number', position: { x: 130, y: 100 }, config: {} },
    { id: 'n3', type: 'create/number', position: { x: 160, y: 120 }, config: {} },
  ],
  edges: [
    { id: 'ea', from: { node: 'n1', port: 'value' }, to: { node: 'add', port: 'a' } },
    { id: 'eb', from: { node: 'n2', port: 'value' }, to: { node: 'add', port: 'b' } },
    { id: 'es', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } },
    { id: 'e3', from: { node: 'n3', port: 'value' }, to: { node: 'log', port: 'value' } },
  ],
};

const positions = (el: V2uEditor) => new Map([...el.store.state.nodes()].map((n) => [n.id, { ...n.position }]));
const edgeIds = (el: V2uEditor) => [...el.store.state.edges()].map((e) => e.id).sort();

async function focusCanvas(el: V2uEditor) {
  // An empty spot of the canvas, clear of the nodes (top-left) and the minimap (bottom-right).
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width * 0.6), Math.round(r.top + r.height * 0.5)] });
}

/** Waits for a Tidy up to end: its one `v2u-change`. */
async function tidied(el: V2uEditor, act: () => Promise<void>): Promise<number> {
  let changes = 0;
  const count = () => changes++;
  el.addEventListener('v2u-change', count);
  await act();
  await waitUntil(() => changes > 0, 'Tidy up ends with a v2u-change', { timeout: 15000 });
  await new Promise((resolve) => setTimeout(resolve, 100));
  el.removeEventListener('v2u-change', count);
  el.fitView();
  await el.updateComplete;
  await nextFrame();
  return changes;
}

describe('<v2u-editor> Tidy up', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('Shift+Alt+L lays the flow out left to right by its edges, in port order, without overlaps, as one undo step', async () => {
    const el = await mountEditor(tangled);
    const before = positions(el);
    const edges = edgeIds(el);
    expect(domOverlaps(el).length, 'the nodes start piled up').to.be.greaterThan(0);
    await focusCanvas(el);
    const changes = await tidied(el, () => chord(['Shift', 'Alt'], 'KeyL'));
    expect(changes, 'one v2u-change for the whole glide').to.equal(1);
    expect(domOverlaps(el), 'no two nodes overlap').to.deep.equal([]);
    expect(edgeIds(el), 'every edge kept').to.deep.equal(edges);
    const p = positions(el);
    for (const e of el.store.state.edges()) expect(p.get(e.from.node)!.x, `${e.from.node} left of ${e.to.node}`).to.be.lessThan(p.get(e.to.node)!.x);
    expect(p.get('n1')!.y, 'the node feeding input a sits above the one feeding b').to.be.lessThan(p.get('n2')!.y);

    await chord(['Control'], 'z');
    expect(positions(el), 'one undo puts every node back').to.deep.equal(before);
    await chord(['Control', 'Shift'], 'z');
    expect(positions(el), 'redo lays it out again').to.deep.equal(p);
  });

  it('the toolbar button glides the nodes over several frames; reduced motion moves them at once', async () => {
    const el = await mountEditor(tangled);
    let frames = 0;
    const off = el.store.subscribe((e) => e.changes.some((c) => c.type === 'node-move') && frames++);
    await tidied(el, () => sendMouse({ type: 'click', position: centerOf($(el, '[data-action="tidy-up"]')!) }));
    expect(frames, 'animated: the nodes move over several frames').to.be.greaterThan(2);

    el.undo();
    await emulateMedia({ reducedMotion: 'reduce' });
    frames = 0;
    await tidied(el, () => sendMouse({ type: 'click', position: centerOf($(el, '[data-action="tidy-up"]')!) }));
    off();
    expect(frames, 'prefers-reduced-motion: one move, no glide').to.equal(1);
    expect(domOverlaps(el)).to.deep.equal([]);
  });

  it('with two or more nodes selected, lays out only those and leaves the rest where they were', async () => {
    const el = await mountEditor(tangled);
    const before = positions(el);
    el.select(['n1', 'n2', 'add']);
    await el.updateComplete;
    await tidied(el, () => sendMouse({ type: 'click', position: centerOf($(el, '[data-action="tidy-up"]')!) }));
    const p = positions(el);
    for (const id of ['log', 'n3']) expect(p.get(id), `${id} is not selected`).to.deep.equal(before.get(id));
    expect(p.get('n1')!.x).to.be.lessThan(p.get('add')!.x);
    expect(p.get('n2')!.x).to.be.lessThan(p.get('add')!.x);
    const corner = (ids: string[], m: Map<string, Point>) => ({ x: Math.min(...ids.map((id) => m.get(id)!.x)), y: Math.min(...ids.map((id) => m.get(id)!.y)) });
    expect(corner(['n1', 'n2', 'add'], p), 'the selection keeps its top-left corner').to.deep.equal(corner(['n1', 'n2', 'add'], before));
  });
});

describe('<v2u-editor> Tidy up and the viewport', () => {
  it('a pan committed while the layout is computed does not drop the tidy up', async () => {
    const el = await mountEditor(tangled);
    await tidied(el, async () => {
      el.perform('tidy-up');
      // A viewport commit (a wheel's, a fit's, the inspector's reveal) before the layout is back.
      el.store.setViewport({ x: 30, y: 20, zoom: 1 });
    });
    expect(domOverlaps(el), 'laid out despite the pan').to.deep.equal([]);
    expect(el.store.canUndo, 'the tidy up is an undo step').to.equal(true);
  });
});

// Unbundled, the tests fetch hundreds of modules (one per icon): keep every resource entry, so
// the check below sees the layout chunk, not a full timing buffer.
performance.setResourceTimingBufferSize(100_000);

describe('<v2u-editor> Tidy up without workers', () => {
  it('runs the layout on the main thread when the pool has no workers (pool-size 0)', async () => {
    const loadedHere = () => performance.getEntriesByType('resource').some((e) => e.name.includes('elk.bundled'));
    expect(loadedHere(), 'earlier layouts ran in workers').to.equal(false);
    const el = await mountEditor(tangled);
    el.poolSize = 0;
    await el.updateComplete;
    await tidied(el, () => sendMouse({ type: 'click', position: centerOf($(el, '[data-action="tidy-up"]')!) }));
    expect(domOverlaps(el)).to.deep.equal([]);
    expect(loadedHere(), 'the layout engine loaded in the page itself').to.equal(true);
  });
});

describe('<v2u-editor> graphs without positions', () => {
  it('lays a graph whose nodes have no position out on load: no overlaps, left to right, not an undo step', async () => {
    const unplaced = { ...tangled, nodes: tangled.nodes.map(({ position: _p, ...n }) => n) };
    const el = await mountEditor(unplaced);
    expect(el.store.state.nodeCount, 'the graph loads').to.equal(5);
    await waitUntil(() => domOverlaps(el).length === 0, 'the nodes get laid out', { timeout: 15000 });
    const p = positions(el);
    for (const e of el.store.state.edges()) expect(p.get(e.from.node)!.x).to.be.lessThan(p.get(e.to.node)!.x);
    expect(el.store.canUndo, 'laying out is part of the load').to.equal(false);
    expect(el.graph.nodes.every((n) => Number.isFinite(n.position.x) && Number.isFinite(n.position.y)), 'the value carries the positions').to.equal(true);
  });
});
