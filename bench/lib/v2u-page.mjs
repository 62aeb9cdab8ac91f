// Opens a bench page with `nodes` nodes in the bench's browser, for the one-off probes
// (lod-switch.mjs, profile-frames.mjs, heap-owners.mjs); resolves once the graph is drawn and the
// page has settled as the bench measures it (`benchEditor.loaded()`: V2U's editing code is in and
// the load's auto-run is over, which otherwise ran through the first seconds of a probe).
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

/**
 * `{ page, close }` for bench/pages/<name>.js; `close()` ends the browser and the server.
 * `beforeLoad(page)` runs before the navigation (e.g. to hold back a request); `loaded: false`
 * resolves as soon as the graph is drawn (`benchEditor.ready`), without waiting for `loaded()`.
 */
export async function openBenchPage(name, nodes, { beforeLoad, loaded = true } = {}) {
  const server = await startServer();
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const page = await browser.newPage();
    await beforeLoad?.(page);
    await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/${name}?n=${nodes}`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.benchEditor);
    await page.evaluate(() => window.benchEditor.ready);
    if (loaded) await page.evaluate(() => window.benchEditor.loaded?.());
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The V2U bench page (`openBenchPage('v2u', nodes)`). */
export const openV2uPage = (nodes, options) => openBenchPage('v2u', nodes, options);
