// A builder-made node type survives a real page reload: made and saved in the builder of one
// visit (real clicks and typing, in the bundled build), it is in the registry and the palette of
// the next visit of the same page, from IndexedDB. (`v2u-ready` waits for stored types only
// when the graph uses them; this graph does not, so the palette is polled.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openPage, startUserPaths } from '../fixtures/user-paths.mjs';

describe('a builder-made type after a page reload', () => {
  let env;
  before(async () => (env = await startUserPaths()));
  after(() => env?.close());

  test('is in the registry and the palette of the reloaded page', async () => {
    const opened = await openPage(env.browser, `${env.origin}/demo/builder/`);
    try {
      const { page } = opened;
      await opened.waitFor(() => document.querySelector('v2u-editor')?.whenReady);
      await page.evaluate(async () => {
        const editor = document.querySelector('v2u-editor');
        await editor.whenReady();
        editor.perform('new-node-type');
      });
      await opened.waitFor(() => document.querySelector('v2u-editor').shadowRoot.querySelector('v2u-node-builder dialog[open]'), 20000);
      await page.click('pierce/#nb-type', { clickCount: 3 });
      await page.keyboard.type('test/reload-me');
      await page.click('pierce/#nb-title', { clickCount: 3 });
      await page.keyboard.type('Survives a reload');
      await page.click('pierce/#nb-save');
      await opened.waitFor(() => document.querySelector('v2u-editor').registry.get('test/reload-me')?.title === 'Survives a reload');
      await new Promise((resolve) => setTimeout(resolve, 500)); // the IndexedDB write settles
      await page.reload({ waitUntil: 'load' });
      const after = await page.evaluate(async () => {
        const editor = document.querySelector('v2u-editor');
        await customElements.whenDefined('v2u-editor');
        await editor.whenReady();
        const deadline = performance.now() + 15000;
        const inPalette = () => !!editor.shadowRoot.querySelector('v2u-palette')?.shadowRoot?.textContent.includes('Survives a reload');
        while (!inPalette() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        return { known: editor.registry.get('test/reload-me')?.title, inPalette: inPalette() };
      });
      assert.deepEqual(after, { known: 'Survives a reload', inPalette: true });
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
