import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uErrorDetail } from '../../src/elements/shared/events.js';
import { smallGraph, testManifests } from './editor-helpers.js';

const good = JSON.stringify({ ...smallGraph, edges: [{ id: 'e1', from: { node: 'num', port: 'value' }, to: { node: 'add', port: 'a' } }] });

async function editorWithDraft() {
  const storageKey = `bad-${Math.random().toString(36).slice(2)}`;
  const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette storage-key=${storageKey} .manifests=${testManifests} value=${good} style="height: 300px"></v2u-editor>`);
  el.store.moveNodes([{ id: 'num', position: { x: 1, y: 1 } }]);
  await el.saveDraft();
  const draft = async () => JSON.stringify(await el.persistence.get(`draft:${storageKey}`, 1));
  return { el, draft, savedDraft: await draft() };
}

/** Feeds bad input through importGraph: it must throw, fire v2u-error, and leave graph and draft alone. */
async function expectRejected(input: unknown, path: string, code?: string) {
  const { el, draft, savedDraft } = await editorWithDraft();
  const before = el.value;
  const errors: V2uErrorDetail[] = [];
  el.addEventListener('v2u-error', (e) => errors.push(e.detail));
  expect(() => el.importGraph(input as string), `importGraph(${String(input).slice(0, 60)}) throws`).to.throw(Error);
  expect(errors, 'one v2u-error').to.have.length(1);
  expect(errors[0].path).to.equal(path);
  expect(errors[0].message).to.contain(path);
  if (code) expect(errors[0].code).to.equal(code);
  expect(el.value, 'the graph is untouched').to.equal(before);
  await el.saveDraft();
  expect(await draft(), 'the saved draft is untouched').to.equal(savedDraft);
}

const doc = (patch: (d: { version: number; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> }) => void) => {
  const d = JSON.parse(good);
  patch(d);
  return d;
};

describe('bad input never damages the graph or the draft', () => {
  it('malformed JSON', () => expectRejected('{"version": 2, "nodes": [', '$', 'bad-json'));
  it('wrong field types', () => expectRejected(doc((d) => (d.nodes[0].config = [])), '$.nodes[0].config', 'wrong-type'));
  // A missing position is not bad input: the editor lays such a node out (editor-tidy-up.test).
  it('missing fields', () => expectRejected(doc((d) => delete (d.nodes[1] as { type?: string }).type), '$.nodes[1].type', 'wrong-type'));
  it('a position that is not a point', () => expectRejected(doc((d) => ((d.nodes[1] as { position: unknown }).position = null)), '$.nodes[1].position', 'wrong-type'));
  it('duplicate ids', () => expectRejected(doc((d) => (d.nodes[2].id = 'num')), '$.nodes[2].id', 'duplicate-id'));
  it('edges to missing nodes', () => expectRejected(doc((d) => ((d.edges[0].to as { node: string }).node = 'ghost')), '$.edges[0].to.node', 'missing-node'));
  it('edges to missing ports', () => expectRejected(doc((d) => ((d.edges[0].to as { port: string }).port = 'c')), '$.edges[0].to.port', 'missing-port'));
  it('cycles', () =>
    expectRejected(
      doc((d) => d.edges.push({ id: 'back', from: { node: 'add', port: 'sum' }, to: { node: 'add', port: 'b' } })),
      '$.edges',
      'cycle',
    ));
  it('a future version', () => expectRejected(doc((d) => (d.version = 99)), '$.version', 'future-version'));
  it('deeply nested config', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 5000; i++) deep = [deep];
    return expectRejected(doc((d) => (d.nodes[0].config = { deep })), '$.nodes[0].config.deep' + '[0]'.repeat(61), 'too-deep');
  });
  it('prototype-pollution keys', async () => {
    await expectRejected('{"version":2,"nodes":[{"id":"x","type":"t","position":{"x":0,"y":0},"config":{"__proto__":{"admin":true}}}]}', '$.nodes[0].config', 'forbidden-key');
    await expectRejected(doc((d) => Object.defineProperty(d.nodes[0], 'constructor', { value: { prototype: { admin: true } }, enumerable: true })), '$.nodes[0]', 'forbidden-key');
    expect(({} as { admin?: boolean }).admin).to.equal(undefined);
  });
  it('NaN and Infinity positions', async () => {
    await expectRejected(doc((d) => (d.nodes[0].position = { x: Number.NaN, y: 0 })), '$.nodes[0].position.x', 'wrong-type');
    await expectRejected(doc((d) => (d.nodes[0].position = { x: 0, y: Infinity })), '$.nodes[0].position.y', 'wrong-type');
  });

  it('unknown node types are kept and round-trip', async () => {
    const { el } = await editorWithDraft();
    const withUnknown = doc((d) => d.nodes.push({ id: 'mystery', type: 'vendor/secret', position: { x: 0, y: 500 }, config: { keep: [1, { a: 'b' }] }, extra: true }));
    el.importGraph(withUnknown as never);
    expect(JSON.parse(el.value).nodes[4]).to.deep.equal(withUnknown.nodes[4]);
  });

  it('a 50 MB document loads and round-trips', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette .manifests=${testManifests} style="height: 300px"></v2u-editor>`);
    const blob = 'x'.repeat(1024 * 1024);
    const big = doc((d) => d.nodes.forEach((n, i) => (n.config = { payload: Array.from({ length: 12 + (i % 2) }, () => blob) })));
    const text = JSON.stringify(big);
    expect(text.length).to.be.above(50 * 1024 * 1024);
    el.value = text;
    expect(el.graph.nodes).to.have.length(4);
    expect(el.value.length).to.equal(JSON.stringify({ ...big, groups: [], viewport: { x: 0, y: 0, zoom: 1 }, metadata: {} }).length);
  });

  it('100,000 nodes load, and only the visible ones reach the DOM', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette .manifests=${testManifests} style="height: 400px; width: 800px"></v2u-editor>`);
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, type: 'output/log', position: { x: (i % 400) * 220, y: Math.floor(i / 400) * 100 }, config: {} }));
    el.graph = { version: 2, nodes, edges: [] } as never;
    await waitUntil(() => el.canvasSize.width > 0);
    await el.updateComplete;
    expect(el.store.state.nodeCount).to.equal(100_000);
    const rendered = el.shadowRoot!.querySelectorAll('[data-node]').length;
    expect(rendered, `${rendered} nodes in the DOM`).to.be.within(1, 120);
  });
});

describe('the element under fuzzing (fast-check)', () => {
  it('random and mutated values never throw from the setter; the graph is either the new one or the old one', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette .manifests=${testManifests} value=${good} style="height: 300px"></v2u-editor>`);
    let errors = 0;
    el.addEventListener('v2u-error', () => errors++);
    const runs: Array<[string, number]> = fc.sample(fc.tuple(fc.oneof(fc.string(), fc.json(), fc.constant(good)), fc.nat()), 300).map(([text, cut]) => [cut % 3 === 0 && text.length ? text.slice(0, cut % text.length) : text, cut]);
    let accepted = 0;
    for (const [text] of runs) {
      if (text === '') continue;
      const before = el.value;
      const seenErrors = errors;
      el.value = text;
      if (errors > seenErrors) expect(el.value).to.equal(before);
      else accepted++;
    }
    expect(accepted + errors).to.equal(runs.filter(([t]) => t !== '').length);
  });
});
