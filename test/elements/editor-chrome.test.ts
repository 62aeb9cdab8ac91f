import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, centerOf, mountEditor } from './editor-helpers.js';

const twoFarNodes = {
  version: 2,
  nodes: [
    { id: 'a', type: 'output/log', position: { x: 0, y: 0 }, config: {} },
    { id: 'b', type: 'output/log', position: { x: 4000, y: 2000 }, config: {} },
  ],
  edges: [],
};

describe('<v2u-editor> minimap', () => {
  it('shows the graph and moves the view where it is pressed', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await mountEditor(twoFarNodes);
    const minimap = $(el, 'v2u-minimap')!;
    const canvas = minimap.shadowRoot!.querySelector('canvas')!;
    await waitUntil(() => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0), 'it draws');
    const box = canvas.getBoundingClientRect();
    const seen: unknown[] = [];
    el.addEventListener('v2u-minimap-center', (e) => seen.push((e as CustomEvent).detail));
    await sendMouse({ type: 'click', position: [Math.round(box.right - 12), Math.round(box.bottom - 20)] });
    expect(seen, 'the minimap reports where it was pressed').to.have.length(1);
    const v = el.liveViewport;
    const center = { x: (el.canvasSize.width / 2 - v.x) / v.zoom, y: (el.canvasSize.height / 2 - v.y) / v.zoom };
    expect(center.x, 'the view moved towards the far node').to.be.above(2500);
    expect(center.y).to.be.above(1200);
  });

  it('follows the nodes when they move, also while they keep moving', async () => {
    const el = await mountEditor(twoFarNodes);
    const canvas = $(el, 'v2u-minimap')!.shadowRoot!.querySelector('canvas')!;
    const pixels = () => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.join();
    await waitUntil(() => pixels() !== new Uint8ClampedArray(canvas.width * canvas.height * 4).join(), 'it draws');
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = pixels();
    // Moves in quick succession (as a drag makes), then rest: the last position is drawn.
    for (let i = 1; i <= 5; i++) {
      el.store.moveNodes([{ id: 'b', position: { x: 4000 - i * 400, y: 2000 } }]);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const moved = el.store.state.getNode('b')!.position.x;
    await waitUntil(() => pixels() !== before, 'the minimap redraws the moved node', { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = pixels();
    el.store.moveNodes([{ id: 'b', position: { x: moved, y: 2000 } }]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(pixels(), 'after the last move it shows the last position').to.equal(settled);
  });
});

describe('<v2u-editor> node elements that fail to load', () => {
  it('shows the error with a Retry button in the node, and recovers on retry', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette no-auto-run style="position: fixed; left: 0; top: 0; width: 900px; height: 500px"></v2u-editor>`);
    const element = new URL('../fixtures/nodes/double.element.js', import.meta.url).pathname;
    // The element module answers 503 three times: all three automatic tries fail, the Retry works.
    el.registry.register({
      type: 'transform/shaky',
      version: 1,
      category: 'transform',
      title: 'Shaky',
      inputs: {},
      outputs: { value: { type: 'number' } },
      module: new URL('../fixtures/nodes/double.js', import.meta.url).href,
      element: `${location.origin}/__v2u/flaky/shaky-${Math.random()}/3${element}`,
    });
    el.graph = { version: 2, nodes: [{ id: 's', type: 'transform/shaky', position: { x: 40, y: 40 }, config: {} }], edges: [] } as never;
    await el.whenEditable();
    await waitUntil(() => $(el, '[data-node="s"] .body-error'), 'the error shows in the node', { timeout: 8000 });
    const shell = $(el, '[data-node="s"]')!;
    const height = shell.getBoundingClientRect().height;
    expect($(el, '[data-node="s"] .body-error')!.textContent).to.contain('Unable to load');
    const at = centerOf($(el, '[data-node="s"] .body-error button')!);
    await sendMouse({ type: 'click', position: at });
    await waitUntil(() => $(el, '[data-node="s"] [part~="node-element"]'), 'the element renders after Retry', { timeout: 8000 });
    expect(shell.getBoundingClientRect().height, 'no layout jump').to.equal(height);
    expect(el.store.state.getNode('s'), 'the node was never touched').to.exist;
  });
});
