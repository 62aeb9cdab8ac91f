import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { smallGraph, testManifests } from './editor-helpers.js';

const initial = JSON.stringify({ ...smallGraph, nodes: smallGraph.nodes.slice(0, 2) });

async function formWith(extra = '') {
  const form = await fixture<HTMLFormElement>(html`<form action="/__v2u/echo" method="post" target="sink" enctype="application/x-www-form-urlencoded">
    <fieldset>
      <v2u-editor name="flow" no-library no-palette value=${initial} .manifests=${testManifests} style="height: 300px"></v2u-editor>
    </fieldset>
    <input name="title" value="Pricing" />
    ${extra}
  </form>`);
  const editor = form.querySelector('v2u-editor') as V2uEditor;
  await editor.updateComplete;
  return { form, editor };
}

/** Whether the autosave chunk is in and started (the controller's private instance). */
const autosaveStarted = (editor: V2uEditor) => !!(editor as unknown as { _autosave: { _autosave?: unknown } })._autosave._autosave;

const nodeIds = (editor: V2uEditor) => editor.graph.nodes.map((n) => n.id);

describe('<v2u-editor> in a form', () => {
  it('publishes moves at an idle moment, and FormData always has the latest', async () => {
    const { form, editor } = await formWith();
    // The form controller's pending idle callback (private: the test watches when it is scheduled).
    const pending = () => (editor as unknown as { formControl: { _idle?: number } }).formControl._idle;
    editor.store.moveNodes([{ id: 'num', position: { x: 321, y: 123 } }]);
    await new Promise((r) => setTimeout(r, 150));
    expect(pending(), 'not 100 ms after a move: the gesture may go on').to.equal(undefined);
    await waitUntil(() => pending() !== undefined, 'then at an idle moment', { timeout: 3000 });
    expect(JSON.parse(new FormData(form).get('flow') as string).nodes[0].position, 'FormData flushes at once').to.deep.equal({ x: 321, y: 123 });
  });

  it('publishes a loaded graph at an idle moment, not in its first frames', async () => {
    const { editor } = await formWith();
    const internals = (editor as unknown as { formControl: { internals: ElementInternals } }).formControl.internals;
    const published: string[] = [];
    const setFormValue = internals.setFormValue.bind(internals);
    internals.setFormValue = (value, state) => (published.push(String(value)), setFormValue(value, state));
    editor.value = JSON.stringify(smallGraph);
    await new Promise((r) => setTimeout(r, 150));
    expect(published, 'not 100 ms after the load').to.deep.equal([]);
    await waitUntil(() => published.length === 1, 'then at an idle moment', { timeout: 3000 });
    expect(JSON.parse(published[0]!).nodes).to.have.length(smallGraph.nodes.length);
  });

  it('submits the graph JSON under its name, including edits made just before', async () => {
    const { form, editor } = await formWith();
    expect(JSON.parse(new FormData(form).get('flow') as string).nodes).to.have.length(2);
    editor.store.addNode({ type: 'output/log', position: { x: 500, y: 40 } });
    const sent = JSON.parse(new FormData(form).get('flow') as string);
    expect(sent.nodes, 'FormData sees the edit at once').to.have.length(3);

    const sink = document.createElement('iframe');
    sink.name = 'sink';
    document.body.append(sink);
    const loaded = oneEvent(sink, 'load');
    form.requestSubmit();
    await loaded;
    const body = new URLSearchParams(sink.contentDocument!.body.textContent!);
    expect(body.get('title')).to.equal('Pricing');
    expect(JSON.parse(body.get('flow')!).nodes.map((n: { id: string }) => n.id)).to.deep.equal(['num', 'txt', 'n1']);
    sink.remove();
  });

  it('is invalid when required and empty, with a message', async () => {
    const { editor } = await formWith();
    editor.required = true;
    await editor.updateComplete;
    expect(editor.checkValidity()).to.equal(true);
    editor.store.removeNodes(nodeIds(editor));
    await waitUntil(() => !editor.checkValidity(), 'the empty graph becomes invalid');
    expect(editor.validity.valueMissing).to.equal(true);
    expect(editor.validationMessage).to.equal('Add at least one node to the flow');
    editor.undo();
    await waitUntil(() => editor.checkValidity());
  });

  it('form reset restores the initial graph', async () => {
    const { form, editor } = await formWith();
    editor.store.removeNodes(['num']);
    editor.store.addNode({ type: 'output/log', position: { x: 0, y: 0 } });
    form.reset();
    expect(JSON.parse(editor.value)).to.deep.equal({ ...JSON.parse(initial), groups: [], viewport: { x: 0, y: 0, zoom: 1 }, metadata: {} });
  });

  it('is left out of the submission when disabled, and a disabled fieldset stops edits', async () => {
    const { form, editor } = await formWith();
    editor.disabled = true;
    await editor.updateComplete;
    expect(new FormData(form).has('flow')).to.equal(false);
    expect(editor.editable).to.equal(false);
    editor.disabled = false;
    form.querySelector('fieldset')!.disabled = true;
    await editor.updateComplete;
    expect(editor.editable, 'fieldset disabled').to.equal(false);
    expect(editor.undo(), 'no undo while disabled').to.equal(false);
  });

  it('restores a saved form state', async () => {
    const { editor } = await formWith();
    const state = JSON.stringify({ version: 2, nodes: [{ id: 'r', type: 'output/log', position: { x: 1, y: 2 }, config: {} }], edges: [] });
    editor.formStateRestoreCallback(state);
    expect(nodeIds(editor)).to.deep.equal(['r']);
  });
});

describe('<v2u-editor> initial graph sources', () => {
  it('reads an inline <script type="application/json"> child', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette
      ><script type="application/json">
        {"version": 2, "nodes": [{"id": "inline", "type": "output/log", "position": {"x": 0, "y": 0}}], "edges": []}
      </script></v2u-editor
    >`);
    expect(nodeIds(el)).to.deep.equal(['inline']);
  });

  it('loads from a src URL and reports a failing URL by name and status', async () => {
    const url = new URL('../../../test/fixtures/graphs/small.json', import.meta.url).href;
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette src=${url}></v2u-editor>`);
    await waitUntil(() => el.graph.nodes.length === 2, 'the graph from src arrives');
    setTimeout(() => (el.src = `${url}.missing`));
    const error = await oneEvent(el, 'v2u-error');
    expect(error.detail.source).to.equal('src');
    expect(error.detail.message).to.contain('small.json.missing').and.contain('HTTP 404');
    expect(el.graph.nodes.length, 'the graph stays').to.equal(2);
  });
});

describe('<v2u-editor> autosave', () => {
  const key = () => `test-${Math.random().toString(36).slice(2)}`;

  it('saves changes and offers the draft back to the next editor with the key', async () => {
    const storageKey = key();
    const first = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette storage-key=${storageKey} value=${initial}></v2u-editor>`);
    await first.updateComplete;
    first.store.addNode({ type: 'output/log', position: { x: 300, y: 300 } });
    await first.saveDraft();
    const edited = first.value;
    first.remove();

    const second = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette value=${initial}></v2u-editor>`);
    const foundEvent = oneEvent(second, 'v2u-draft-found');
    second.storageKey = storageKey;
    const found = await foundEvent;
    expect(found.detail.graph.nodes).to.have.length(3);
    await second.updateComplete;
    const banner = second.shadowRoot!.querySelector('[part="banner"]')!;
    expect(banner.textContent).to.contain('Restore unsaved changes');
    [...banner.querySelectorAll('button')].find((b) => b.textContent === 'Restore')!.click();
    expect(second.value).to.equal(edited);
  });

  it('saves at once when the page is hidden', async () => {
    const storageKey = key();
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette storage-key=${storageKey} value=${initial}></v2u-editor>`);
    await waitUntil(() => autosaveStarted(el), 'autosave starts');
    el.store.addNode({ type: 'output/log', position: { x: 0, y: 300 } });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await waitUntil(async () => (await el.persistence.get<{ graph: { nodes: unknown[] } }>(`draft:${storageKey}`, 1))?.graph.nodes.length === 3, 'saved on pagehide', { timeout: 10000 });
  });

  it('never overwrites another tab\u2019s newer draft silently', async () => {
    const storageKey = key();
    const a = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette storage-key=${storageKey} value=${initial}></v2u-editor>`);
    const b = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette storage-key=${storageKey} value=${initial}></v2u-editor>`);
    await waitUntil(() => autosaveStarted(a) && autosaveStarted(b));
    a.store.addNode({ type: 'output/log', position: { x: 0, y: 300 }, id: 'fromA' });
    await a.saveDraft();
    b.store.addNode({ type: 'output/log', position: { x: 0, y: 400 }, id: 'fromB' });
    const conflict = oneEvent(b, 'v2u-draft-conflict');
    await b.saveDraft();
    expect((await conflict).detail.graph.nodes.map((n: { id: string }) => n.id)).to.include('fromA');
    const stored = await b.persistence.get<{ graph: { nodes: Array<{ id: string }> } }>(`draft:${storageKey}`, 1);
    expect(stored!.graph.nodes.map((n) => n.id), 'A\u2019s draft is intact').to.include('fromA').and.not.include('fromB');
    await b.updateComplete;
    const banner = b.shadowRoot!.querySelector('[part="banner"]')!;
    expect(banner.textContent).to.contain('changed in another tab');
    [...banner.querySelectorAll('button')].find((x) => x.textContent === 'Keep mine')!.click();
    await waitUntil(async () => (await b.persistence.get<{ graph: { nodes: Array<{ id: string }> } }>(`draft:${storageKey}`, 1))!.graph.nodes.some((n) => n.id === 'fromB'), 'mine saved after the choice', { timeout: 10000 });
  });
});
