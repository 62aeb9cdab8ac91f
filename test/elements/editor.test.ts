import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { ManifestMap } from '../../src/registry/manifest-map.js';
import type { NodeManifest } from '../../src/core/index.js';

const manifests: NodeManifest[] = [
  { type: 'create/number', version: 1, category: 'create', title: 'Number', inputs: {}, outputs: { value: { type: 'number' } } },
  {
    type: 'transform/add',
    version: 1,
    category: 'transform',
    title: 'Add',
    inputs: { a: { type: 'number' }, b: { type: 'number' } },
    outputs: { sum: { type: 'number' } },
  },
];

const graph = {
  version: 2,
  nodes: [
    { id: 'n1', type: 'create/number', position: { x: 0, y: 0 }, config: { value: 1 } },
    { id: 'n2', type: 'transform/add', position: { x: 300, y: 40 }, config: {}, label: 'Total' },
    { id: 'n3', type: 'acme/unknown', position: { x: 600, y: 40 }, config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'n1', port: 'value' }, to: { node: 'n2', port: 'a' } },
    { id: 'e2', from: { node: 'n2', port: 'sum' }, to: { node: 'n3', port: 'in' } },
  ],
};

async function editorWith(value: string) {
  const el = await fixture<V2uEditor>(html`<v2u-editor style="width: 1000px; height: 500px" .manifests=${new ManifestMap(manifests)} value=${value}></v2u-editor>`);
  await waitUntil(() => el.canvasSize.width > 0, 'the canvas gets measured');
  await el.updateComplete;
  return el;
}

const nodesIn = (el: V2uEditor) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="node"]')];

describe('<v2u-editor>', () => {
  it('renders node shells and edges from the value attribute', async () => {
    const el = await editorWith(JSON.stringify(graph));
    const nodes = nodesIn(el);
    expect(nodes.map((n) => n.dataset.node)).to.deep.equal(['n1', 'n2', 'n3']);
    expect(nodes[1].querySelector('[part~="node-header"]')!.textContent).to.equal('Total');
    expect(nodes[1].style.transform).to.equal('translate(300px, 40px)');
    expect([...nodes[1].querySelectorAll('[part~="port-dot"]')].map((p) => (p as HTMLElement).dataset.port)).to.deep.equal(['a', 'b', 'sum']);
    expect(nodes[2].dataset.category, 'unknown types still render').to.equal('unknown');
    expect([...nodes[2].querySelectorAll('[part~="port-dot"]')].map((p) => (p as HTMLElement).dataset.port), 'ports from edges').to.deep.equal(['in']);
    const paths = el.shadowRoot!.querySelectorAll('path.edge');
    expect(paths.length).to.equal(2);
    expect(paths[0].getAttribute('d')).to.match(/^M180,43 C/);
  });

  it('keeps the previous graph on bad JSON and reports the path', async () => {
    const el = await editorWith(JSON.stringify(graph));
    const before = el.value;
    setTimeout(() => el.setAttribute('value', '{"version":2,"nodes":[{"id":"x","type":"t","position":{"x":"a","y":0}}]}'));
    const event = await oneEvent(el, 'v2u-error');
    expect(event.detail.path).to.equal('$.nodes[0].position.x');
    expect(event.detail.message).to.contain('$.nodes[0].position.x');
    expect(event.detail.source).to.equal('value');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.value).to.equal(before);
    expect(nodesIn(el)).to.have.length(3);
  });

  it('reports malformed JSON without throwing from the attribute', async () => {
    const el = await editorWith(JSON.stringify(graph));
    setTimeout(() => (el.value = '{oops'));
    const event = await oneEvent(el, 'v2u-error');
    expect(event.detail.code).to.equal('bad-json');
    expect(nodesIn(el)).to.have.length(3);
  });

  it('importGraph throws and fires v2u-error, leaving the graph', async () => {
    const el = await editorWith(JSON.stringify(graph));
    let fired = 0;
    el.addEventListener('v2u-error', () => fired++);
    expect(() => el.importGraph({ ...graph, version: 99 } as never)).to.throw(/version 99 is newer/);
    expect(fired).to.equal(1);
    expect(el.exportGraph().nodes).to.have.length(3);
  });

  it('accepts a graph object by property and round-trips unknown types', async () => {
    const el = await editorWith('');
    el.graph = graph as never;
    await el.updateComplete;
    expect(nodesIn(el)).to.have.length(3);
    expect(JSON.parse(el.value).nodes[2]).to.deep.equal(graph.nodes[2]);
  });

  // A framework binding an unset value (Vue's `:manifests.prop="manifests"`, React's
  // `manifests={undefined}`) means "no manifests of mine": the registry's, and graphs load.
  it('takes manifests set to undefined or null as the registry, and still loads graphs', async () => {
    const el = await editorWith(JSON.stringify(graph));
    for (const unset of [undefined, null]) {
      el.manifests = unset as never;
      await el.updateComplete;
      expect(el.manifests).to.equal(el.registry);
      el.graph = { ...graph, nodes: graph.nodes.slice(0, 2), edges: graph.edges.slice(0, 1) } as never;
      await el.updateComplete;
      expect(nodesIn(el)).to.have.length(2);
      el.graph = graph as never;
    }
  });

  it('re-renders on store edits and fires v2u-change, but not when set in code', async () => {
    const el = await editorWith(JSON.stringify(graph));
    const changes: string[][] = [];
    el.addEventListener('v2u-change', (e) => changes.push(e.detail.types));
    el.value = JSON.stringify(graph);
    el.store.moveNodes([{ id: 'n1', position: { x: 20, y: 30 } }]);
    await el.updateComplete;
    expect(nodesIn(el)[0].style.transform).to.equal('translate(20px, 30px)');
    expect(el.undo()).to.equal(true);
    await el.updateComplete;
    expect(nodesIn(el)[0].style.transform).to.equal('translate(0px, 0px)');
    expect(changes).to.deep.equal([['node-move'], ['node-move']]);
  });

  it('renders user strings as text, never markup', async () => {
    const hostile = { ...graph, nodes: [{ ...graph.nodes[0], label: '<img src=x onerror="window.__pwned=1">' }] , edges: [] };
    const el = await editorWith(JSON.stringify(hostile));
    const header = nodesIn(el)[0].querySelector('[part~="node-header"]')!;
    expect(header.querySelector('img')).to.equal(null);
    expect(header.textContent).to.equal(hostile.nodes[0].label);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
