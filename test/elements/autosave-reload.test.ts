import { expect, waitUntil } from '@open-wc/testing';
import { Persistence } from '../../src/runtime/persistence.js';

/** Resolves with the next report the frame's page posts. */
function report(): Promise<{ offered?: string[] }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no report from the frame')), 10000);
    addEventListener('message', function onMessage(event) {
      if (event.data?.kind !== 'v2u-autosave-page') return;
      removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(event.data);
    });
  });
}

const pageUrl = (key: string, edit: boolean, view = false) =>
  new URL(`../../../test/elements/autosave-page.html?key=${key}&edit=${edit ? 1 : 0}&view=${view ? 1 : 0}`, import.meta.url).href;

async function open(frame: HTMLIFrameElement, url: string) {
  const reported = report();
  frame.src = url;
  if (!frame.isConnected) document.body.append(frame);
  return reported;
}

describe('autosave when the tab goes away', () => {
  for (const how of ['reloads', 'closes'] as const) {
    it(`keeps the last edit when the page ${how} within the autosave delay, and offers it back`, async () => {
      const key = `unload-${how}-${Math.random().toString(36).slice(2)}`;
      let frame = document.createElement('iframe');
      await open(frame, pageUrl(key, true));
      // At once, well within the 400 ms the debounced save waits.
      if (how === 'closes') {
        frame.remove();
        frame = document.createElement('iframe');
      }
      const next = await open(frame, pageUrl(key, false));
      frame.remove();
      expect(next.offered, 'the next visit offers the draft with the edit').to.include('added');
      const store = new Persistence();
      await waitUntil(async () => (await store.get<{ graph: { nodes: { id: string }[] } }>(`draft:${key}`, 1))?.graph.nodes.some((n) => n.id === 'added'), 'the draft is in IndexedDB', { timeout: 10000 });
    });
  }

  it('saves nothing when the page only showed a flow (set in code, fitted) and closed', async () => {
    const key = `unload-view-${Math.random().toString(36).slice(2)}`;
    let frame = document.createElement('iframe');
    await open(frame, pageUrl(key, false, true));
    frame.remove();
    frame = document.createElement('iframe');
    const next = await open(frame, pageUrl(key, false));
    frame.remove();
    expect(next.offered, 'no draft offered').to.equal(undefined);
    expect(await new Persistence().get(`draft:${key}`, 1), 'no draft stored').to.equal(undefined);
  });
});
