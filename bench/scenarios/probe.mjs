// Asks the built editor what it offers (bench/pages/probe.js); scenarios share one answer.
import { withTimeout } from '../lib/browser.mjs';

let cached;

export function probe({ browser, baseUrl, config }) {
  cached ??= (async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
      return await withTimeout(page.evaluate(() => window.benchProbe), config.loadTimeoutMs, 'probe');
    } finally {
      await page.close();
    }
  })();
  return cached;
}

export const NOT_BUILT = 'n/a (feature not built yet)';

/** One n/a row per figure, with the reason shown in the value column. */
export const notBuilt = (figures, why) => figures.map(([figure, target]) => ({ figure, value: `${NOT_BUILT}${why ? `: ${why}` : ''}`, target }));
