import { expect, waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { Point } from '../../src/core/index.js';
import { $, centerOf, chord, mountAndCopyPair, mountEditor, nodeHeader } from './editor-helpers.js';

/** What `clipboard.ts` writes and accepts: a graph fragment tagged with this format. */
const FORMAT = 'application/x-v2u-fragment';

// web-test-runner.config.mjs grants the clipboard; the page must also have focus to use it.
async function systemClipboard(): Promise<void> {
  expect(document.hasFocus(), 'the test page has focus').to.equal(true);
  await navigator.clipboard.writeText('');
}

describe('<v2u-editor> with the system clipboard', () => {
  it('Ctrl+C puts the selected nodes and the edges between them on the system clipboard as JSON', async () => {
    await systemClipboard();
    const el = await mountAndCopyPair();
    await waitUntil(async () => (await navigator.clipboard.readText()) !== '', 'the copy reaches the system clipboard');
    const copied = JSON.parse(await navigator.clipboard.readText());
    expect(copied.format).to.equal(FORMAT);
    expect(copied.nodes.map((n: { id: string; type: string }) => `${n.id}:${n.type}`).sort()).to.deep.equal(['add:transform/add', 'num:create/number']);
    expect(copied.nodes.find((n: { id: string }) => n.id === 'num').config, 'config comes along').to.deep.equal({ value: 2 });
    expect(copied.edges.map((e: { from: { node: string; port: string }; to: { node: string; port: string } }) => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`)).to.deep.equal(['num.value->add.a']);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Copied 2 nodes').and.not.contain('refused');
  });

  it('Ctrl+V pastes nodes from clipboard text made outside the editor, not what it copied last', async () => {
    await systemClipboard();
    const el = await mountEditor();
    // The editor's own copy stays in memory too; the paste must come from the system clipboard instead.
    el.select(['txt']);
    await el.actions!.copy(false);
    await navigator.clipboard.writeText(
      JSON.stringify({
        format: FORMAT,
        nodes: [
          { id: 'n1', type: 'create/number', position: { x: 0, y: 0 }, config: { value: 41 } },
          { id: 'n2', type: 'output/log', position: { x: 300, y: 0 }, config: {} },
        ],
        edges: [{ id: 'w', from: { node: 'n1', port: 'value' }, to: { node: 'n2', port: 'value' } }],
      }),
    );
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    await sendMouse({ type: 'move', position: [300, 450] });
    await chord(['Control'], 'v');
    await waitUntil(() => el.store.state.nodeCount > 4, 'the paste adds nodes');
    const pasted = [...el.selection.nodes].map((id) => el.store.state.getNode(id)!);
    expect(pasted.map((n) => n.type).sort(), 'the nodes on the clipboard, not the copied text node').to.deep.equal(['create/number', 'output/log']);
    expect(pasted.find((n) => n.type === 'create/number')!.config).to.deep.equal({ value: 41 });
    expect([...el.store.state.edges()].map((e) => `${el.store.state.getNode(e.from.node)!.type}->${el.store.state.getNode(e.to.node)!.type}`)).to.deep.equal(['create/number->output/log']);
  });
});

describe('<v2u-editor> paste', () => {
  it('pastes beside the originals, and repeated pastes cascade instead of stacking', async () => {
    const el = await mountEditor();
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    const header = $(el, '[data-node="num"]')!.getBoundingClientRect();
    // The pointer on the original's top-left corner: where a paste would hide it.
    await sendMouse({ type: 'move', position: [Math.round(header.left + 1), Math.round(header.top + 1)] });
    await chord(['Control'], 'c');
    const spots: Point[] = [el.store.state.getNode('num')!.position];
    for (let i = 1; i <= 3; i++) {
      await chord(['Control'], 'v');
      await waitUntil(() => el.store.state.nodeCount === 4 + i, `paste ${i} adds a node`);
      const pasted = el.store.state.getNode([...el.selection.nodes][0])!.position;
      for (const spot of spots) expect(Math.abs(pasted.x - spot.x) + Math.abs(pasted.y - spot.y), `paste ${i} lands apart from earlier nodes`).to.be.at.least(24);
      spots.push(pasted);
    }
  });
});
