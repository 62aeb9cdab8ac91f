import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uInspector } from '../../src/elements/inspector/inspector.component.js';
import { $, $$, centerOf, chord, drag, mountEditor, nodeHeader, smallGraph, testManifests } from './editor-helpers.js';

type Box = { left: number; top: number; right: number; bottom: number };
const rect = (element: Element): Box => element.getBoundingClientRect();
/** Whether two boxes share any area (touching edges do not count). */
const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
const inside = (a: Box, b: Box) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;

/** The inspector panel, as a host page sees it: `::part(inspector)`. */
const panel = (el: V2uEditor) => {
  const found = $(el, '[part~="inspector"]');
  if (!found) throw new Error('no inspector panel rendered');
  return found;
};
const inPanel = <T extends Element = HTMLElement>(el: V2uEditor, selector: string) => panel(el).shadowRoot?.querySelector<T>(selector) ?? null;
const inspector = (el: V2uEditor) => $<V2uInspector>(el, 'v2u-inspector')!;
const form = (el: V2uEditor) => inspector(el).shadowRoot!;
const viewport = (el: V2uEditor) => el.canvas!;

/** Waits until the canvas has been re-measured after the panel took or gave back room. */
async function settled(el: V2uEditor) {
  await el.updateComplete;
  const measured = () => {
    const box = viewport(el).getBoundingClientRect();
    return Math.abs(el.canvasSize.width - box.width) < 0.5 && Math.abs(el.canvasSize.height - box.height) < 0.5;
  };
  await waitUntil(measured, 'the canvas is measured at its new size');
  await el.updateComplete;
}

async function clickNode(el: V2uEditor, id: string) {
  await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, id)) });
  await settled(el);
}

/** The shared editor fixture, narrowed to fit the test page's 800 px window. */
async function mount() {
  const el = await mountEditor();
  el.style.width = '780px';
  await settled(el);
  return el;
}

/** Mounts a fresh editor where the old one was, as a page reload does; the panel's memory survives. */
async function reload(el: V2uEditor) {
  el.remove();
  return mount();
}

describe('<v2u-editor> docked inspector', () => {
  beforeEach(() => localStorage.removeItem('v2u-inspector'));
  after(() => localStorage.removeItem('v2u-inspector'));

  it('opens docked right of the canvas on selecting a node, the canvas shrinking beside it', async () => {
    const el = await mount();
    const before = el.canvasSize.width;
    await clickNode(el, 'num');
    const dock = rect(panel(el));
    const canvas = rect(viewport(el));
    expect(dock.right - dock.left, 'the panel is open').to.be.greaterThan(200);
    expect(overlaps(dock, canvas), 'the panel does not cover the canvas').to.equal(false);
    expect(Math.abs(dock.left - canvas.right), 'it sits right beside the canvas').to.be.below(1);
    expect(Math.round(dock.right), 'at the right edge of the editor').to.equal(Math.round(rect(el).right));
    expect(el.canvasSize.width, 'the canvas gave up the room').to.be.below(before - 200);
    expect(form(el).querySelector('h2')!.textContent).to.equal('Number');
  });

  /** Wider than the canvas: fitted below zoom 1, and still above the fit floor once the panel narrows it. */
  const wide = { ...smallGraph, nodes: smallGraph.nodes.map((n) => (n.id === 'log' ? { ...n, position: { x: 900, y: 120 } } : n)) };

  it('does not refit a fitted graph under the first click: the zoom stays as the panel opens', async () => {
    const el = await fixture<V2uEditor>(
      html`<v2u-editor style="position: fixed; left: 0; top: 0; width: 1000px; height: 600px" no-palette no-auto-run no-library .manifests=${testManifests} .graph=${wide}></v2u-editor>`,
    );
    await el.whenReady();
    await el.whenEditable();
    // The collapsed panel arrives with the editing code and narrows the canvas: its refit (before
    // any interaction, as it should) lands a frame later. Read the zoom after it.
    for (let i = 0; i < 2; i++) await new Promise(requestAnimationFrame);
    await el.updateComplete;
    const zoom = el.liveViewport.zoom;
    expect(zoom, 'the graph loaded fitted').to.not.equal(1);
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    await waitUntil(() => rect(panel(el)).right - rect(panel(el)).left > 200, 'the panel opens');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(el.liveViewport.zoom, 'no refit under the click').to.equal(zoom);
  });

  it('keeps the node just selected in view when the panel opens and the canvas shrinks', async () => {
    const el = await mount();
    const toggles: boolean[] = [];
    el.addEventListener('v2u-inspector-toggle', (event) => toggles.push(event.detail.collapsed));
    await clickNode(el, 'log');
    await waitUntil(() => toggles.length > 0, 'the panel says it opened');
    await el.updateComplete;
    expect(toggles, 'one v2u-inspector-toggle, open').to.deep.equal([false]);
    expect(inside(rect($(el, '[data-node="log"]')!), rect(viewport(el))), 'the node at the right edge panned back into view').to.equal(true);
    expect(form(el).querySelector('h2')!.textContent).to.equal('Log');
  });

  it('covers no node after fit view', async () => {
    const el = await mount();
    await clickNode(el, 'txt');
    el.fitView();
    await el.updateComplete;
    const docked = rect(panel(el));
    const canvas = rect(viewport(el));
    for (const node of $$(el, '[data-node]')) {
      const box = rect(node);
      expect(overlaps(box, docked), `node ${node.dataset.node} is not under the panel`).to.equal(false);
      expect(inside(box, canvas), `node ${node.dataset.node} is inside the canvas`).to.equal(true);
    }
    // Fit right after the panel opens, before the canvas' resize observer has reported.
    const dock = panel(el) as HTMLElement & { toggle(): void; updateComplete: Promise<boolean> };
    dock.toggle();
    await settled(el);
    el.fitView();
    await el.updateComplete;
    dock.toggle();
    await dock.updateComplete;
    el.fitView();
    await el.updateComplete;
    const right = Math.max(...$$(el, '[data-node]').map((node) => rect(node).right));
    expect(right, 'fit view measures the canvas it has now').to.be.at.most(rect(dock).left);
  });

  it('leaves no panel over the canvas when the selected node is panned away', async () => {
    const el = await mount();
    await clickNode(el, 'num');
    const canvas = rect(viewport(el));
    await drag([canvas.left + 300, canvas.bottom - 40], [canvas.left + 20, canvas.top + 20]);
    await settled(el);
    const node = $(el, '[data-node="num"]');
    expect(!!node && overlaps(rect(node), canvas), 'the node left the view').to.equal(false);
    expect(overlaps(rect(panel(el)), rect(viewport(el))), 'no panel floats over the canvas').to.equal(false);
    expect(panel(el).hasAttribute('collapsed'), 'the panel stays docked and open').to.equal(false);
  });

  it('follows the selection: one node, several, none', async () => {
    const el = await mount();
    await clickNode(el, 'num');
    expect(form(el).querySelector('h2')!.textContent).to.equal('Number');
    await clickNode(el, 'add');
    expect(form(el).querySelector('h2')!.textContent, 'another node shows its own settings').to.equal('Add');
    await sendKeys({ down: 'Shift' });
    await clickNode(el, 'num');
    await sendKeys({ up: 'Shift' });
    await inspector(el).updateComplete;
    expect(form(el).querySelector('[part~="empty"]')?.textContent, 'several selected').to.contain('2 nodes are selected');
    await sendKeys({ press: 'Escape' });
    await settled(el);
    await inspector(el).updateComplete;
    expect(form(el).querySelector('[part~="empty"]')?.textContent, 'none selected').to.contain('Select a node');
    expect(panel(el).hasAttribute('collapsed'), 'it stays open, so the canvas does not jump').to.equal(false);
  });

  it('resizes by dragging its edge, and remembers the width after a reload', async () => {
    let el = await mount();
    await clickNode(el, 'num');
    const handle = inPanel(el, '[part~="resize-handle"]')!;
    const start = rect(panel(el)).right - rect(panel(el)).left;
    await drag(centerOf(handle), [centerOf(handle)[0] - 100, centerOf(handle)[1]]);
    await settled(el);
    const width = rect(panel(el)).right - rect(panel(el)).left;
    expect(Math.round(width - start), 'dragging the edge 100 px left grows it by 100 px').to.equal(100);
    expect(overlaps(rect(panel(el)), rect(viewport(el)))).to.equal(false);
    expect(handle.getAttribute('aria-valuenow')).to.equal(String(Math.round(width)));
    el = await reload(el);
    await clickNode(el, 'num');
    expect(Math.round(rect(panel(el)).right - rect(panel(el)).left), 'the width survives a reload').to.equal(Math.round(width));
  });

  it('resizes with the arrow keys on its focused edge, and remembers that too', async () => {
    let el = await mount();
    await clickNode(el, 'num');
    await sendMouse({ type: 'click', position: centerOf(inPanel(el, '[part~="toggle"]')!) });
    await sendMouse({ type: 'click', position: centerOf(inPanel(el, '[part~="toggle"]')!) });
    await chord(['Shift'], 'Tab');
    const handle = inPanel(el, '[role="separator"]')!;
    expect(panel(el).shadowRoot!.activeElement, 'Shift+Tab from the header reaches the edge').to.equal(handle);
    expect(handle.getAttribute('aria-orientation')).to.equal('vertical');
    const start = Number(handle.getAttribute('aria-valuenow'));
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await settled(el);
    expect(Number(handle.getAttribute('aria-valuenow')), 'each left arrow grows it').to.equal(start + 32);
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    const width = start + 16;
    expect(Math.round(rect(panel(el)).right - rect(panel(el)).left)).to.equal(width);
    expect(el.canvasSize.width, 'the canvas follows').to.equal(Math.round(el.getBoundingClientRect().width) - width);
    await sendKeys({ press: 'End' });
    expect(Number(handle.getAttribute('aria-valuenow'))).to.equal(Number(handle.getAttribute('aria-valuemax')));
    await sendKeys({ press: 'Home' });
    expect(Number(handle.getAttribute('aria-valuenow'))).to.equal(Number(handle.getAttribute('aria-valuemin')));
    await chord(['Shift'], 'ArrowLeft');
    const keyed = Number(handle.getAttribute('aria-valuenow'));
    el = await reload(el);
    expect(panel(el).hasAttribute('collapsed'), 'opened by the person, it opens again').to.equal(false);
    expect(Math.round(rect(panel(el)).right - rect(panel(el)).left), 'the keyed width survives a reload').to.equal(keyed);
  });

  it('collapses and expands by its button and by the I key, and remembers it', async () => {
    let el = await mount();
    await clickNode(el, 'num');
    const open = el.canvasSize.width;
    const toggle = () => inPanel(el, '[part~="toggle"]')!;
    expect(toggle().getAttribute('aria-expanded')).to.equal('true');
    await sendMouse({ type: 'click', position: centerOf(toggle()) });
    await settled(el);
    expect(toggle().getAttribute('aria-expanded')).to.equal('false');
    expect(el.canvasSize.width, 'the canvas takes the room back').to.be.greaterThan(open + 200);
    expect(overlaps(rect(panel(el)), rect(viewport(el))), 'collapsed, it is a strip beside the canvas').to.equal(false);
    await clickNode(el, 'add');
    expect(panel(el).hasAttribute('collapsed'), 'a selection does not reopen what the person collapsed').to.equal(true);
    await sendKeys({ press: 'i' });
    await settled(el);
    expect(panel(el).hasAttribute('collapsed'), 'I expands it').to.equal(false);
    expect(el.canvasSize.width).to.equal(open);
    await sendKeys({ press: 'i' });
    await settled(el);
    expect(panel(el).hasAttribute('collapsed'), 'I collapses it').to.equal(true);
    el = await reload(el);
    await clickNode(el, 'num');
    expect(panel(el).hasAttribute('collapsed'), 'collapsed survives a reload').to.equal(true);
  });

  it('is a bottom sheet under the canvas on a narrow host', async () => {
    const el = await mount();
    el.style.width = '520px';
    await clickNode(el, 'num');
    await waitUntil(() => panel(el).hasAttribute('sheet'), 'the panel becomes a sheet');
    await settled(el);
    const dock = rect(panel(el));
    const canvas = rect(viewport(el));
    expect(overlaps(dock, canvas), 'the sheet does not cover the canvas').to.equal(false);
    expect(Math.abs(dock.top - canvas.bottom), 'it sits under the canvas').to.be.below(1);
    expect(Math.round(dock.right - dock.left), 'across the editor').to.equal(520);
    expect(Math.round(dock.bottom)).to.equal(Math.round(rect(el).bottom));
    const handle = inPanel(el, '[role="separator"]')!;
    expect(handle.getAttribute('aria-orientation')).to.equal('horizontal');
    handle.focus();
    const start = Number(handle.getAttribute('aria-valuenow'));
    await sendKeys({ press: 'ArrowUp' });
    await settled(el);
    expect(Math.round(rect(panel(el)).bottom - rect(panel(el)).top), 'ArrowUp grows the sheet').to.equal(start + 16);
    el.style.width = '1000px';
    await waitUntil(() => !panel(el).hasAttribute('sheet'), 'wide again: a side panel');
  });

  it('takes its colours from the editor theme', async () => {
    const el = await mount();
    await clickNode(el, 'num');
    const light = getComputedStyle(panel(el)).backgroundColor;
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    const dark = getComputedStyle(panel(el)).backgroundColor;
    expect(dark, 'dark panel background').to.not.equal(light);
    el.style.setProperty('--v2u-editor-panel-background', 'rgb(1, 2, 3)');
    expect(getComputedStyle(panel(el)).backgroundColor, 'the public token reaches it').to.equal('rgb(1, 2, 3)');
  });
});
