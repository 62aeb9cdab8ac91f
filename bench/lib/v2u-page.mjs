// Opens the V2U bench page with `nodes` nodes in the bench's browser, for the one-off probes
// (lod-switch.mjs, profile-frames.mjs); resolves once the graph is drawn and the page has settled
// as the bench measures it (`benchEditor.loaded()`: the editing code is in and the load's auto-run
// is over, which otherwise ran through the first seconds of a probe).
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

/** `{ page, close }`; `close()` ends the browser and the server. */
export async function openV2uPage(nodes) {
  const server = await startServer();
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/v2u?n=${nodes}`, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => window.benchEditor.ready);
    await page.evaluate(() => window.benchEditor.loaded());
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
