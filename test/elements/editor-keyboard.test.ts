import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import 'axe-core';
import { $, $$, mountEditor, nextFrame } from './editor-helpers.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/** Tabs from the page into the editor canvas, as a keyboard user would. */
async function tabToCanvas(el: V2uEditor) {
  for (let i = 0; i < 20 && !deepActive()?.classList.contains('viewport') && !deepActive()?.classList.contains('node'); i++) await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement, 'the canvas is reachable with Tab').to.exist;
}

async function quickAdd(el: V2uEditor, query: string) {
  await sendKeys({ press: '/' });
  await waitUntil(() => el.shadowRoot!.activeElement?.matches('.quick-add input'), 'quick add takes focus');
  await sendKeys({ type: query });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('node'), 'the new node takes focus');
}

describe('<v2u-editor> from the keyboard alone', () => {
  it('builds a flow: add nodes, connect them, move and delete, undo', async () => {
    const el = await mountEditor({ version: 2, nodes: [], edges: [] });
    await tabToCanvas(el);
    await quickAdd(el, 'number');
    await quickAdd(el, 'log');
    expect([...el.store.state.nodes()].map((n) => n.type)).to.deep.equal(['create/number', 'output/log']);
    const [num, log] = [...el.store.state.nodes()];
    expect(log.position, 'the second node does not cover the first').to.not.deep.equal(num.position);

    // Focus the number node, then connect from it. Each node went to the centre of the canvas
    // (which shrank when the inspector opened beside it on the first selection): go towards it.
    await sendKeys({ press: num.position.x < log.position.x ? 'ArrowLeft' : 'ArrowRight' });
    await waitUntil(() => el.focusedNode === num.id, 'arrow keys move between nodes');
    await sendKeys({ press: 'c' });
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[role="listbox"]'), 'the connect list takes focus');
    const options = $$(el, '.connect-list [role="option"]');
    expect(options[0].textContent).to.contain('Number.value to Log.value');
    await sendKeys({ press: 'Enter' });
    expect([...el.store.state.edges()].map((e) => `${e.from.node}->${e.to.node}`)).to.deep.equal([`${num.id}->${log.id}`]);
    expect($(el, '[role="status"]')!.textContent).to.contain('Connected');

    // Select and nudge with Shift+arrows; one undo step per press.
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('node'), 'focus returns to the node');
    await sendKeys({ press: 'Enter' });
    expect([...el.selection.nodes]).to.deep.equal([num.id]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    expect(el.store.state.getNode(num.id)!.position.x).to.equal(num.position.x + 10);

    // Select the connection from the keyboard and delete it.
    await sendKeys({ press: 'e' });
    expect(el.selection.edges.size).to.equal(1);
    await sendKeys({ press: 'Delete' });
    expect(el.store.state.edgeCount).to.equal(0);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'z' });
    await sendKeys({ up: 'Control' });
    expect(el.store.state.edgeCount).to.equal(1);
  });

  it('connects from a focused port, listing refused targets with the reason', async () => {
    const el = await mountEditor();
    await el.focusNode('txt');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.matches('.port-dot[data-port="value"]'), 'Tab reaches the node ports').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '.connect-list'), 'the list opens');
    const refused = $$(el, '.connect-list [role="option"][aria-disabled="true"]');
    expect(refused.map((o) => o.textContent).join(' ')).to.contain('string output cannot feed the number input');
    const accepted = $$(el, '.connect-list [role="option"][aria-disabled="false"]');
    expect(accepted.map((o) => o.textContent!.trim())).to.deep.equal(['Text.value to Log.value']);
    await sendKeys({ press: 'Enter' });
    expect(el.store.state.edgeCount).to.equal(1);
  });

  it('Escape closes popovers and then clears the selection', async () => {
    const el = await mountEditor();
    el.select(['num']);
    await el.focusNode('num');
    await sendKeys({ press: '/' });
    await waitUntil(() => $(el, '.quick-add'));
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.quick-add')).to.equal(null);
    expect(el.selection.nodes.size).to.equal(1);
    await sendKeys({ press: 'Escape' });
    expect(el.selection.isEmpty).to.equal(true);
  });

  it('has no axe violations, with roles and labels on nodes, ports and edges', async () => {
    const el = await mountEditor();
    el.store.connect({ node: 'num', port: 'value' }, { node: 'add', port: 'a' });
    el.select(['num']);
    await el.updateComplete;
    await nextFrame();
    const node = $(el, '[data-node="num"]')!;
    expect(node.getAttribute('role')).to.equal('group');
    expect(node.getAttribute('aria-label')).to.equal('Number, Number, selected');
    expect($(el, '.port-dot[data-port="value"]')!.getAttribute('aria-label')).to.equal('Output value of Number');
    expect($(el, '.edge-group')!.getAttribute('aria-label')).to.equal('Connection Number.value to Add.a');
    const axe = (window as unknown as { axe: { run(ctx: Element, opts?: object): Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run(el, { rules: { region: { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);
  });
});

describe('<v2u-editor> theming', () => {
  const canvasBackground = (el: V2uEditor) => getComputedStyle(el).backgroundColor;

  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('follows prefers-color-scheme unless the theme attribute says otherwise', async () => {
    const el = await mountEditor();
    const light = canvasBackground(el);
    await emulateMedia({ colorScheme: 'dark' });
    const dark = canvasBackground(el);
    expect(dark).to.not.equal(light);
    el.theme = 'light';
    await el.updateComplete;
    expect(canvasBackground(el)).to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(canvasBackground(el)).to.equal(dark);
  });

  it('takes colours from --v2u-* custom properties', async () => {
    const el = await mountEditor();
    el.style.setProperty('--v2u-editor-background', 'rgb(1, 2, 3)');
    expect(canvasBackground(el)).to.equal('rgb(1, 2, 3)');
  });
});

describe('<v2u-editor> at scale', () => {
  it('keeps only the visible part of a 2,000-node graph in the DOM, and follows a pan', async () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, type: 'transform/add', position: { x: (i % 50) * 240, y: Math.floor(i / 50) * 140 }, config: {} }));
    const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: { node: nodes[i].id, port: 'sum' }, to: { node: n.id, port: 'a' } }));
    const el = await mountEditor({ version: 2, nodes, edges });
    const rendered = () => $$(el, '[data-node]').map((n) => n.dataset.node!);
    const first = rendered();
    expect(first.length, `${first.length} nodes in the DOM`).to.be.within(20, 150);
    expect(first).to.include('n0');
    expect($$(el, '.edge-group').length, 'edges are culled too').to.be.below(300);
    el.showViewport({ x: -5000, y: -2000, zoom: 1 });
    await el.updateComplete;
    const after = rendered();
    expect(after).to.not.include('n0');
    expect(after).to.include('n771');
    expect(after.length).to.be.below(150);
    // Figures for the record (not assertions): DOM size and the cost of one pan frame.
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const start = performance.now();
      el.showViewport({ x: -5000 + i * 37, y: -2000 + i * 11, zoom: 1 });
      await el.updateComplete;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const elements = el.shadowRoot!.querySelectorAll('*').length;
    console.log(`2,000 nodes: ${after.length} node shells and ${elements} elements in the shadow DOM; pan frame render p50 ${times[30].toFixed(2)} ms, p95 ${times[57].toFixed(2)} ms`);
  });
});
