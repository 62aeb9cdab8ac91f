import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import '../../src/elements/editor/editor.js';
import { domOverlaps, nextFrame, testManifests } from './editor-helpers.js';

/** Numbers into Add, Add and a number into Log, none with a position (a graph made by a program). */
const unplaced = {
  version: 2,
  nodes: [
    { id: 'log', type: 'output/log', config: {} },
    { id: 'add', type: 'transform/add', config: {} },
    { id: 'n2', type: 'create/number', config: {} },
    { id: 'n1', type: 'create/number', config: {} },
    { id: 'n3', type: 'create/number', config: {} },
  ],
  edges: [
    { id: 'ea', from: { node: 'n1', port: 'value' }, to: { node: 'add', port: 'a' } },
    { id: 'eb', from: { node: 'n2', port: 'value' }, to: { node: 'add', port: 'b' } },
    { id: 'es', from: { node: 'add', port: 'sum' }, to: { node: 'log', port: 'value' } },
    { id: 'e3', from: { node: 'n3', port: 'value' }, to: { node: 'log', port: 'value' } },
  ],
};

describe('<v2u-editor> a graph without positions, on load', () => {
  it('is laid out when v2u-ready fires, once, with no undo step and no saved viewport', async function () {
    this.timeout(40000); // the layout engine's first load in a worker, on a loaded machine
    const events: string[] = [];
    const log = (event: Event) => events.push(event.type);
    const el = await fixture<V2uEditor>(
      html`<v2u-editor
        style="position: fixed; left: 0; top: 0; width: 1000px; height: 600px"
        no-palette
        no-auto-run
        no-library
        .manifests=${testManifests}
        .graph=${unplaced}
        @v2u-ready=${log}
        @v2u-viewport-change=${log}
        @v2u-change=${log}
      ></v2u-editor>`,
    );
    await el.whenReady();
    const p = new Map([...el.store.state.nodes()].map((n) => [n.id, n.position]));
    for (const e of el.store.state.edges()) expect(p.get(e.from.node)!.x, `${e.id} runs left to right when ready`).to.be.lessThan(p.get(e.to.node)!.x);
    await nextFrame();
    expect(domOverlaps(el), 'no pile when ready').to.deep.equal([]);
    const box = el.getBoundingClientRect();
    const shells = [...el.shadowRoot!.querySelectorAll('[data-node]')].map((n) => n.getBoundingClientRect());
    expect(shells.length).to.equal(5);
    expect(shells.every((r) => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom), 'the laid-out graph is fitted in view').to.equal(true);
    await el.whenEditable();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await waitUntil(() => el.store.unplaced.length === 0);
    expect(events, 'one v2u-ready, no v2u-change, no saved viewport').to.deep.equal(['v2u-ready']);
    expect(el.store.canUndo, 'laying out is part of the load').to.equal(false);
  });
});
