import { expect, fixture, html } from '@open-wc/testing';
import type { V2uEditor } from '../../src/elements/editor/editor.js';
import { $, smallGraph, testManifests } from './editor-helpers.js';
import { countInserts } from './editor/count-inserts.js';

/** Mounts with the graph drawn (its indexes built) and the editing code not loaded yet; counts the inserts its loading makes. */
async function insertsWhenEditable(graph: unknown): Promise<{ el: V2uEditor; inserts: number }> {
  const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette no-auto-run .manifests=${testManifests} .graph=${graph} style="display: block; width: 1000px; height: 600px"></v2u-editor>`);
  await el.whenReady();
  expect($(el, '[data-node="num"]'), 'drawn before the editing code').to.exist;
  const inserts = countInserts();
  try {
    await el.whenEditable();
    await el.updateComplete;
    return { el, inserts: inserts.count };
  } finally {
    inserts.restore();
  }
}

describe('<v2u-editor> loading the editing code', () => {
  it('keeps the indexes the first paint built when no collapsed group hides a node', async () => {
    const plain = await insertsWhenEditable(smallGraph);
    expect(plain.inserts, 'nothing indexed again').to.equal(0);
    const open = await insertsWhenEditable({ ...smallGraph, groups: [{ id: 'g1', label: 'Open', nodes: ['add'] }] });
    expect(open.inserts, 'an open group hides nothing').to.equal(0);
    expect($(open.el, '[data-group="g1"]'), 'its frame is drawn').to.exist;
  });

  it('indexes again when a collapsed group folds nodes away: their edges attach to its box', async () => {
    const { el, inserts } = await insertsWhenEditable({ ...smallGraph, groups: [{ id: 'g1', label: 'Folded', nodes: ['add'], collapsed: true }] });
    expect(inserts, 'the graph is indexed again').to.be.greaterThan(0);
    expect(el.view.nodeIndex.rectOf('add'), 'the folded node is out of the index').to.equal(undefined);
  });
});
