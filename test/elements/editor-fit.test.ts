import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { GraphDocument } from '../../src/core/index.js';
import { inside, overlap, type Box } from '../fixtures/boxes.js';

// A loaded flow fills the canvas it is shown in: every node inside the visible canvas and
// clear of the toolbar, and the minimap hidden while nothing is out of view, read from the
// boxes Chromium lays out.

const demoUrl = (path: string) => new URL(`../../../demo/${path}`, import.meta.url).href;
const flow = async (name: string) => (await (await fetch(demoUrl(`flows/${name}.json`))).json()) as GraphDocument;

const boxOf = (el: Element | null | undefined, what: string): DOMRect => {
  if (!el) throw new Error(`no ${what} rendered`);
  return el.getBoundingClientRect();
};
const show = (b: Box) => `(${Math.round(b.left)},${Math.round(b.top)})-(${Math.round(b.right)},${Math.round(b.bottom)})`;

/** An editor as the demo page has it: toolbar, palette, minimap and the built-in library. */
async function openEditor(graph: GraphDocument, size = { width: 1000, height: 600 }): Promise<V2uEditor> {
  const el = await fixture<V2uEditor>(
    html`<v2u-editor no-auto-run style="position: fixed; left: 0; top: 0; width: ${size.width}px; height: ${size.height}px"></v2u-editor>`,
  );
  el.graph = graph;
  await waitUntil(() => graph.nodes.every((n) => el.registry.get(n.type)), 'the built-in library knows every node type', { timeout: 10000 });
  await el.whenEditable();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="minimap"]'), 'the minimap is rendered');
  // The docked inspector arrives with the editing code and narrows the canvas; the
  // ResizeObserver's refit lands a frame later.
  for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
  await el.updateComplete;
  return el;
}

/** Whether the minimap takes room on the canvas. */
const minimapShown = (el: V2uEditor) => boxOf(el.shadowRoot!.querySelector('[part~="minimap"]'), 'minimap').width > 0;

/** Every node's box against the visible canvas, the minimap (when shown) and the toolbar. */
function misplacedNodes(el: V2uEditor): string[] {
  const root = el.shadowRoot!;
  const canvas = boxOf(root.querySelector('[part~="viewport"]'), 'canvas');
  const minimap = boxOf(root.querySelector('[part~="minimap"]'), 'minimap');
  const toolbar = boxOf(root.querySelector('[part~="toolbar"]'), 'toolbar');
  const nodes = [...root.querySelectorAll<HTMLElement>('[part~="node"]')];
  expect(nodes.length, 'every node is rendered').to.equal(el.graph.nodes.length);
  return nodes.flatMap((node) => {
    const box = node.getBoundingClientRect();
    const where = `${node.dataset.node} at ${show(box)}`;
    return [
      ...(inside(box, canvas) ? [] : [`${where} is outside the canvas ${show(canvas)}`]),
      ...(overlap(box, minimap) ? [`${where} is under the minimap ${show(minimap)}`] : []),
      ...(overlap(box, toolbar) ? [`${where} is under the toolbar ${show(toolbar)}`] : []),
    ];
  });
}

describe('a loaded flow is fitted to the canvas', () => {
  for (const name of ['order-analytics', 'pricing-rules', 'customer-cleanup'])
    it(`demo flow ${name}: every node inside the canvas, clear of the toolbar, no minimap over it`, async () => {
      const el = await openEditor(await flow(name));
      expect(misplacedNodes(el)).to.deep.equal([]);
      expect(minimapShown(el), 'the minimap, with nothing out of view').to.equal(false);
      expect(el.liveViewport.zoom, 'fitted, not left at its saved size').to.be.lessThan(1);
    });

  it('a generated graph of 20 nodes: likewise', async () => {
    const { generateGraph } = (await import(demoUrl('generate-graph.js'))) as { generateGraph: (count: number) => GraphDocument };
    const el = await openEditor(generateGraph(20), { width: 1200, height: 900 });
    expect(misplacedNodes(el)).to.deep.equal([]);
  });

  it('the minimap shows while part of the graph is out of view; fitView() puts every node back and hides it', async () => {
    const el = await openEditor(await flow('order-analytics'));
    el.showViewport({ x: 700, y: 400, zoom: 1.4 });
    el.commitViewport();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[part~="node"]').length, 'panned away: some nodes are off screen').to.be.lessThan(7);
    expect(minimapShown(el), 'the minimap, with nodes out of view').to.equal(true);
    el.fitView();
    await el.updateComplete;
    expect(misplacedNodes(el)).to.deep.equal([]);
    expect(minimapShown(el), 'the minimap, once every node is in view again').to.equal(false);
    // A node moved out of view brings it back.
    el.store.moveNodes([{ id: el.graph.nodes[0].id, position: { x: 9000, y: 9000 } }]);
    await el.updateComplete;
    expect(minimapShown(el), 'the minimap, with a node moved out of view').to.equal(true);
  });

  it('the fit is shown, not saved: no viewport event, and the document keeps no viewport of its own', async () => {
    const events: unknown[] = [];
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run style="position: fixed; left: 0; top: 0; width: 1000px; height: 600px"></v2u-editor>`);
    el.addEventListener('v2u-viewport-change', (e) => events.push(e));
    el.graph = await flow('pricing-rules');
    await el.updateComplete;
    expect(el.liveViewport.zoom).to.be.lessThan(1);
    expect(el.graph.viewport).to.deep.equal({ x: 0, y: 0, zoom: 1 });
    expect(events).to.deep.equal([]);
  });

  it('a document with a saved viewport opens where it was left', async () => {
    const saved = { x: -120, y: 35, zoom: 1.25 };
    const el = await openEditor({ ...(await flow('order-analytics')), viewport: saved });
    expect(el.liveViewport).to.deep.equal(saved);
  });

  it('an edit stops the fitting: a node moved far away does not move the view', async () => {
    const el = await openEditor(await flow('customer-cleanup'));
    const fitted = { ...el.liveViewport };
    el.store.moveNodes([{ id: 'clean', position: { x: 4000, y: 3000 } }]);
    el.typesChanged();
    await el.updateComplete;
    expect(el.liveViewport).to.deep.equal(fitted);
  });

  for (const name of ['order-analytics', 'customer-cleanup'])
    it(`demo flow ${name}, run: every table and chart stays inside its node`, async () => {
      const el = await openEditor(await flow(name));
      expect((await el.run()).status).to.equal('done');
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelectorAll('[part~="node-element"]').length >= 2, 'the previews render', { timeout: 10000 });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const spilled = [...root.querySelectorAll<HTMLElement>('[part~="node-element"]')].flatMap((element) => {
        const node = element.closest<HTMLElement>('[part~="node"]')!;
        // What shows: the element and its boxes (the header and rows scroll inside the viewport, clipped by it).
        const parts = [element, ...element.shadowRoot!.querySelectorAll('[part=count], [part=viewport], [part=svg], [part=legend]')];
        return parts.filter((part) => !inside(part.getBoundingClientRect(), node.getBoundingClientRect())).map((part) => `${node.dataset.node}: ${part.getAttribute('part')} at ${show(part.getBoundingClientRect())}, the node at ${show(node.getBoundingClientRect())}`);
      });
      expect(spilled).to.deep.equal([]);
    });
});
