// Opens the V2U bench page with `nodes` nodes in the bench's browser, for the one-off probes
// (lod-switch.mjs, profile-frames.mjs); resolves once the graph is drawn.
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
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
