import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { $, $$, centerOf, chord, dblclick, drag, mountAndCopyPair, mountEditor, nextFrame, nodeHeader, portDot, smallGraph, touch, wheel } from './editor-helpers.js';

const edgesOf = (el: { store: { state: { edges(): Iterable<{ from: { node: string; port: string }; to: { node: string; port: string } }> } } }) =>
  [...el.store.state.edges()].map((e) => `${e.from.node}.${e.from.port}->${e.to.node}.${e.to.port}`);

describe('<v2u-editor> editing with real input', () => {
  it('connects two nodes by dragging from an output to an input, undoably', async () => {
    const el = await mountEditor();
    await drag(centerOf(portDot(el, 'num', 'value', 'out')), centerOf(portDot(el, 'add', 'a', 'in')));
    expect(edgesOf(el)).to.deep.equal(['num.value->add.a']);
    await el.updateComplete;
    expect($$(el, 'path.edge').length, 'the edge is drawn').to.equal(1);
    el.undo();
    expect(edgesOf(el)).to.deep.equal([]);
  });

  it('marks valid and refused inputs while dragging and refuses a type mismatch with the reason', async () => {
    const el = await mountEditor();
    const from = centerOf(portDot(el, 'txt', 'value', 'out'));
    const target = centerOf(portDot(el, 'add', 'b', 'in'));
    await sendMouse({ type: 'move', position: from });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [from[0] + 100, from[1] - 50] });
    await sendMouse({ type: 'move', position: target });
    await el.updateComplete;
    expect($(el, '[data-node="add"] .port.invalid'), 'number inputs refuse text').to.exist;
    expect($(el, '[data-node="log"] .port.valid'), 'the any input accepts it').to.exist;
    expect($(el, '[part~="connect-hint"]')!.textContent).to.contain('string output cannot feed the number input "b"');
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(edgesOf(el)).to.deep.equal([]);
    expect($(el, '[role="status"]')!.textContent).to.contain('Cannot connect');
    expect($(el, '.port.invalid'), 'marks are cleared').to.equal(null);
  });

  it('drags an edge end to reconnect it, and drops it on the background to delete it', async () => {
    const el = await mountEditor();
    el.store.connect({ node: 'num', port: 'value' }, { node: 'add', port: 'a' });
    await el.updateComplete;
    await drag(centerOf(portDot(el, 'add', 'a', 'in')), centerOf(portDot(el, 'add', 'b', 'in')));
    expect(edgesOf(el)).to.deep.equal(['num.value->add.b']);
    await el.updateComplete;
    await drag(centerOf(portDot(el, 'add', 'b', 'in')), [300, 500]);
    expect(edgesOf(el)).to.deep.equal([]);
    el.undo();
    el.undo();
    expect(edgesOf(el), 'each is one undo step').to.deep.equal(['num.value->add.a']);
  });

  it('box-selects with shift-drag and moves the selection together as one undo step', async () => {
    const el = await mountEditor();
    await sendKeys({ down: 'Shift' });
    await drag([20, 60], [260, 340]);
    await sendKeys({ up: 'Shift' });
    expect([...el.selection.nodes].sort()).to.deep.equal(['num', 'txt']);
    await el.updateComplete;
    const [x, y] = centerOf(nodeHeader(el, 'num'));
    await drag([x, y], [x + 100, y + 50]);
    expect(el.store.state.getNode('num')!.position).to.deep.equal({ x: 140, y: 90 });
    expect(el.store.state.getNode('txt')!.position).to.deep.equal({ x: 140, y: 250 });
    el.undo();
    expect(el.store.state.getNode('num')!.position).to.deep.equal({ x: 40, y: 40 });
    expect(el.store.state.getNode('txt')!.position).to.deep.equal({ x: 40, y: 200 });
  });

  it('a drag restyles only the dragged shells\' position and keeps each edge\'s element in its place', async () => {
    // Two edges in the same cells; dragging the first one's source far right moves its box
    // to other cells of the spatial index, so an index query returns the edges in a new order.
    const el = await mountEditor({
      ...smallGraph,
      edges: [
        { id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } },
        { id: 'e2', from: { node: 'txt', port: 'value' }, to: { node: 'log', port: 'value' } },
      ],
    });
    const shell = $(el, '[data-node="num"]')!;
    const size = [shell.style.width, shell.style.height];
    // A declaration the editor does not own: replacing the whole inline style would drop it.
    shell.style.opacity = '0.5';
    const edges = $(el, 'svg.edges')!;
    const groups = () => [...edges.querySelectorAll('[data-edge]')].map((p) => p.getAttribute('data-edge'));
    expect(new Set(groups())).to.deep.equal(new Set(['e1', 'e2']));
    const moves: MutationRecord[] = [];
    const observer = new MutationObserver((records) => moves.push(...records));
    observer.observe(edges, { childList: true });
    const [x, y] = centerOf(nodeHeader(el, 'num'));
    await drag([x, y], [x + 500, y + 20], 10);
    await el.updateComplete;
    observer.disconnect();
    expect(el.store.state.getNode('num')!.position).to.deep.equal({ x: 540, y: 60 });
    expect(shell.style.transform, 'the shell moved').to.equal('translate(540px, 60px)');
    expect([shell.style.width, shell.style.height], 'its size stays').to.deep.equal(size);
    expect(shell.style.opacity, 'only the position was set').to.equal('0.5');
    expect(moves.length, 'no edge element was moved, added or removed').to.equal(0);
    expect($(el, '[data-edge="e1"].edge-hit')!.getAttribute('d'), 'the edge follows its node').to.match(/^M\s*720/);
  });

  it('a drag reports one v2u-change when it ends, and binding that graph back keeps undo', async () => {
    const el = await mountEditor();
    const reports: Array<{ types: string[]; graph: unknown }> = [];
    el.addEventListener('v2u-change', (e) => reports.push(e.detail));
    const [x, y] = centerOf(nodeHeader(el, 'add'));
    await drag([x, y], [x + 120, y + 60], 8);
    expect(reports.map((r) => r.types)).to.deep.equal([['node-move']]);
    el.graph = reports[0].graph as never;
    expect(el.store.canUndo, 'the reported graph is the current one: nothing reloads').to.equal(true);
    await el.updateComplete;
    expect(($(el, 'button[data-action="undo"]') as HTMLButtonElement).disabled, 'the toolbar sees the new undo step').to.equal(false);
  });

  // React's `ref={(el) => el?.fitView()}` fits the view on every render, after the edit was
  // reported: the app binding back what it was told must not reload (undo and view kept).
  it('binding back the reported graph after a pan or zoom keeps undo and the view', async () => {
    const el = await mountEditor();
    const reports: Array<{ graph: unknown }> = [];
    el.addEventListener('v2u-change', (e) => reports.push(e.detail));
    el.store.moveNodes([{ id: 'num', position: { x: 80, y: 90 } }]);
    el.fitView();
    el.zoomBy(1.5);
    const view = el.store.state.viewport;
    expect(reports).to.have.length(1);
    el.graph = reports[0].graph as never;
    expect(el.store.canUndo, 'nothing reloads').to.equal(true);
    expect(el.store.state.viewport).to.deep.equal(view);
    el.store.moveNodes([{ id: 'num', position: { x: 100, y: 90 } }]);
    el.graph = reports[0].graph as never;
    expect(el.store.canUndo, 'a graph older than the last edit loads').to.equal(false);
  });

  it('click selects, shift-click adds, a background click clears, Delete removes', async () => {
    const el = await mountEditor();
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    await sendKeys({ down: 'Shift' });
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'add')) });
    await sendKeys({ up: 'Shift' });
    expect([...el.selection.nodes].sort()).to.deep.equal(['add', 'num']);
    // Empty background (the minimap sits in the canvas' corner, beside the opened inspector).
    await sendMouse({ type: 'click', position: [300, 500] });
    expect(el.selection.isEmpty).to.equal(true);
    // A node left of the inspector, which now takes the canvas' right part.
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'txt')) });
    await sendKeys({ press: 'Delete' });
    expect(el.store.state.getNode('txt')).to.equal(undefined);
    await chord(['Control'], 'z');
    expect(el.store.state.getNode('txt')).to.exist;
    await chord(['Control', 'Shift'], 'z');
    expect(el.store.state.getNode('txt')).to.equal(undefined);
    await chord(['Control'], 'y');
    expect(el.store.state.nodeCount, 'nothing left to redo').to.equal(3);
  });

  it('selects an edge by clicking it and deletes it from the keyboard', async () => {
    const el = await mountEditor();
    el.store.connect({ node: 'txt', port: 'value' }, { node: 'log', port: 'value' });
    await el.updateComplete;
    const a = centerOf(portDot(el, 'txt', 'value', 'out'));
    const b = centerOf(portDot(el, 'log', 'value', 'in'));
    // The midpoint of a symmetric Bézier lies on the curve.
    await sendMouse({ type: 'click', position: [Math.round((a[0] + b[0]) / 2), Math.round((a[1] + b[1]) / 2)] });
    expect(el.selection.edges.size).to.equal(1);
    await sendKeys({ press: 'Backspace' });
    expect(edgesOf(el)).to.deep.equal([]);
  });

  it('copies and pastes the selection with new ids and inner edges, at the pointer', async () => {
    const el = await mountAndCopyPair();
    await sendMouse({ type: 'move', position: [400, 450] });
    await chord(['Control'], 'v');
    await waitUntil(() => el.store.state.nodeCount === 6, 'two nodes pasted');
    const pasted = [...el.selection.nodes];
    expect(pasted).to.have.length(2);
    expect(pasted).to.not.include.members(['num', 'add']);
    expect(el.store.state.edgeCount, 'the edge between them came along').to.equal(2);
    const minX = Math.min(...pasted.map((id) => el.store.state.getNode(id)!.position.x));
    expect(minX).to.be.closeTo(400, 2);
    el.undo();
    expect(el.store.state.nodeCount, 'paste is one step').to.equal(4);
  });

  it('duplicates and cuts from the keyboard', async () => {
    const el = await mountEditor();
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'txt')) });
    await chord(['Control'], 'd');
    expect(el.store.state.nodeCount).to.equal(5);
    await chord(['Control'], 'x');
    await waitUntil(() => el.store.state.nodeCount === 4, 'the duplicate is cut');
  });

  it('pans by dragging the background and zooms with ctrl+wheel around the pointer', async () => {
    const el = await mountEditor();
    await drag([500, 500], [400, 450]);
    expect(el.liveViewport).to.deep.equal({ x: -100, y: -50, zoom: 1 });
    await waitUntil(() => el.graph.viewport.x === -100, 'the viewport is saved with the document');
    await wheel(300, 300, 120, 40);
    expect(el.liveViewport, 'a plain wheel pans').to.deep.equal({ x: -140, y: -170, zoom: 1 });
    const canvasTop = el.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect().top;
    const before = { x: (300 - el.liveViewport.x) / 1, y: (300 - canvasTop - el.liveViewport.y) / 1 };
    await sendKeys({ down: 'Control' });
    await wheel(300, 300, -200);
    await sendKeys({ up: 'Control' });
    const v = el.liveViewport;
    expect(v.zoom, 'ctrl+wheel zooms in').to.be.greaterThan(1.2);
    expect((300 - v.x) / v.zoom).to.be.closeTo(before.x, 0.01);
    expect((300 - canvasTop - v.y) / v.zoom, 'the point under the pointer stays put').to.be.closeTo(before.y, 0.01);
  });

  it('pinch-zooms with two real touch points', async () => {
    const el = await mountEditor();
    await touch('start', [{ x: 400, y: 400, id: 1 }, { x: 500, y: 400, id: 2 }]);
    for (let i = 1; i <= 4; i++) await touch('move', [{ x: 400 - i * 12.5, y: 400, id: 1 }, { x: 500 + i * 12.5, y: 400, id: 2 }]);
    await touch('end', []);
    expect(el.liveViewport.zoom, 'spreading two fingers zooms in about 2x').to.be.closeTo(2, 0.05);
  });

  it('zoom buttons and fitView respect the limits', async () => {
    const el = await mountEditor();
    for (let i = 0; i < 30; i++) el.zoomBy(1.25);
    expect(el.liveViewport.zoom).to.equal(el.maxZoom);
    el.fitView();
    const v = el.liveViewport;
    expect(v.zoom).to.be.at.most(1);
    const right = 640 + 180;
    expect(right * v.zoom + v.x, 'the rightmost node fits').to.be.at.most(1000);
    expect(40 * v.zoom + v.x, 'the leftmost node fits').to.be.at.least(0);
  });

  it('readonly allows selecting but no moving, connecting or deleting', async () => {
    const el = await mountEditor(undefined, { readonly: true });
    const [x, y] = centerOf(nodeHeader(el, 'num'));
    await drag([x, y], [x + 80, y + 80]);
    expect(el.store.state.getNode('num')!.position).to.deep.equal({ x: 40, y: 40 });
    expect([...el.selection.nodes]).to.deep.equal(['num']);
    await drag(centerOf(portDot(el, 'num', 'value', 'out')), centerOf(portDot(el, 'add', 'a', 'in')));
    await sendKeys({ press: 'Delete' });
    expect(el.store.state.edgeCount).to.equal(0);
    expect(el.store.state.nodeCount).to.equal(4);
    expect(($(el, 'button[data-action="undo"]') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('snaps dragged nodes to the grid when snap-to-grid is on', async () => {
    const el = await mountEditor();
    el.snapToGrid = true;
    await el.updateComplete;
    const [x, y] = centerOf(nodeHeader(el, 'add'));
    await drag([x, y], [x + 33, y + 47]);
    const p = el.store.state.getNode('add')!.position;
    expect([p.x % 20, p.y % 20]).to.deep.equal([0, 0]);
  });

  it('edits config in the inspector as undoable commands', async () => {
    const el = await mountEditor();
    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
    await el.updateComplete;
    const inspector = $(el, 'v2u-inspector')!;
    await (inspector as unknown as { updateComplete: Promise<void> }).updateComplete;
    const input = inspector.shadowRoot!.querySelector<HTMLInputElement>('#f-value')!;
    input.focus();
    input.select();
    await sendKeys({ type: '42' });
    await sendKeys({ press: 'Tab' });
    expect(el.store.state.getNode('num')!.config.value).to.equal(42);
    const select = inspector.shadowRoot!.querySelector<HTMLSelectElement>('#f-unit')!;
    select.value = 'lb';
    select.dispatchEvent(new Event('change'));
    expect(el.store.state.getNode('num')!.config.unit).to.equal('lb');
    el.undo();
    el.undo();
    expect(el.store.state.getNode('num')!.config).to.deep.equal({ value: 2 });
  });

  it('rejects invalid JSON in a json field without touching the graph', async () => {
    const el = await mountEditor();
    el.select(['txt']);
    await el.updateComplete;
    const inspector = $(el, 'v2u-inspector')!;
    await (inspector as unknown as { updateComplete: Promise<void> }).updateComplete;
    const area = inspector.shadowRoot!.querySelector<HTMLTextAreaElement>('#f-meta')!;
    area.value = '{ nope';
    area.dispatchEvent(new Event('change'));
    await (inspector as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(inspector.shadowRoot!.querySelector('[part~="field-error"]')!.textContent).to.contain('Not valid JSON');
    expect(el.store.state.getNode('txt')!.config).to.deep.equal({});
  });

  it('adds a node from the quick-add search opened by a double-click', async () => {
    const el = await mountEditor();
    await dblclick(520, 420);
    await waitUntil(() => $(el, '.quick-add input'), 'quick add opens');
    await nextFrame();
    await sendKeys({ type: 'const' });
    await sendKeys({ press: 'Enter' });
    const added = [...el.store.state.nodes()].find((n) => !['num', 'txt', 'add', 'log'].includes(n.id))!;
    expect(added.type).to.equal('create/number');
    const canvasTop = el.shadowRoot!.querySelector('.viewport')!.getBoundingClientRect().top;
    expect(added.position.x).to.equal(520);
    expect(added.position.y).to.be.closeTo(420 - canvasTop, 0.01);
  });
});
