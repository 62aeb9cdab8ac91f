import { expect, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { WeakEmitter } from '../../src/elements/shared/weak-emitter.js';
import { NodeRegistry } from '../../src/registry/node-registry.js';
import { INDEX_URL } from '../fixtures/registry.js';
import { smallGraph } from './editor-helpers.js';

/** An editor whose registry fetches the fixture library's index slowly, recording every request's signal. */
function editorWithSlowLibrary() {
  const signals: AbortSignal[] = [];
  const registry = new NodeRegistry({
    fetch: (input, init) => {
      signals.push(init!.signal!);
      return fetch(input, init);
    },
  });
  const el = document.createElement('v2u-editor') as V2uEditor;
  el.registry = registry;
  el.library = `${INDEX_URL}?v2u-slow=800`;
  el.graph = smallGraph as never;
  return { el, registry, signals };
}

describe('<v2u-editor> teardown', () => {
  it('a removed editor cancels its library requests, and loads the library when it comes back', async () => {
    const { el, registry, signals } = editorWithSlowLibrary();
    document.body.append(el);
    await waitUntil(() => signals.length === 1, 'the index request is out');
    el.remove();
    expect(signals[0]!.aborted, 'removal cancels the index request').to.equal(true);

    document.body.append(el);
    try {
      await waitUntil(() => registry.list().length === 3, 'the library loads after the editor comes back', { timeout: 10_000 });
      expect(signals.slice(1).some((s) => s.aborted), 'nothing cancelled while connected').to.equal(false);
    } finally {
      el.remove();
    }
  });

  it('an editor moved in the DOM (removed and appended at once) still loads its library', async () => {
    const { el, registry } = editorWithSlowLibrary();
    const box = document.createElement('div');
    document.body.append(el, box);
    try {
      await el.updateComplete;
      box.append(el);
      await waitUntil(() => registry.list().length === 3, 'the library loads', { timeout: 10_000 });
    } finally {
      box.remove();
    }
  });

  it('an editor removed while its editing code loads gets none, and gets it when it comes back', async () => {
    const el = document.createElement('v2u-editor') as V2uEditor;
    el.setAttribute('no-library', '');
    el.graph = smallGraph as never;
    document.body.append(el);
    const loading = el.whenEditable();
    el.remove();
    await loading;
    expect(el.actions, 'no editing kit on a detached editor').to.equal(undefined);
    let error: unknown;
    await el.run().catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('not in the document');
    document.body.append(el);
    await el.whenEditable();
    expect(el.actions, 'loaded once connected again').to.not.equal(undefined);
    el.remove();
  });

  it('WeakEmitter forwards events to its target', () => {
    const target = new EventTarget();
    const seen: string[] = [];
    target.addEventListener('v2u-warning', (e) => seen.push((e as CustomEvent<{ code: string }>).detail.code));
    new WeakEmitter(target).dispatchEvent(new CustomEvent('v2u-warning', { detail: { code: 'slow-operation' } }));
    expect(seen).to.deep.equal(['slow-operation']);
  });
});
