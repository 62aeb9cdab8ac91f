// The V2U bench page's `loaded()`, the fixed point of "JS heap after load": it must not return
// before the auto-run the editor starts after loading the graph has ended (that run's objects
// would otherwise be in some readings and not in others). Real Chromium; needs `dist/`
// (`npm run build`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openV2uPage } from '../lib/v2u-page.mjs';

test('V2U bench page: loaded() returns once the load-time auto-run has ended, even when the run code comes late', async () => {
  // The run code (its chunk) answered half a second late, as on a slow or busy machine: the
  // run then starts well after the editing code is in and the page has been quiet for a while.
  const beforeLoad = async (page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (/\/chunks\/run-kit-[^/]*\.js$/.test(new URL(request.url()).pathname)) setTimeout(() => request.continue(), 500);
      else request.continue();
    });
  };
  // openV2uPage resolves after benchEditor.loaded().
  const { page, close } = await openV2uPage(1000, { beforeLoad });
  try {
    const seen = await page.evaluate(() => {
      const editor = document.getElementById('editor');
      const statuses = {};
      for (const { id } of editor.graph.nodes) {
        const status = editor.nodeState(id)?.status ?? 'no run state';
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
      return { running: editor.running, statuses };
    });
    assert.equal(seen.running, false);
    // Every node has been through the run: none left without a state, idle, queued or running.
    const unfinished = Object.keys(seen.statuses).filter((s) => ['no run state', 'idle', 'queued', 'running'].includes(s));
    assert.deepEqual(unfinished, [], JSON.stringify(seen.statuses));
  } finally {
    await close();
  }
});
