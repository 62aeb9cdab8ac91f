// V2U only: time from navigation to the palette painted, with an empty IndexedDB (cold,
// a fresh browser context) and then with the registry cache from the first visit (warm).
import { withTimeout } from '../lib/browser.mjs';
import { notBuilt, probe } from './probe.mjs';
import { summarize } from '../lib/stats.mjs';

export const id = 'cold-warm';
export const title = 'Cold vs warm start (IndexedDB registry cache)';
const FIGURES = [['Navigation to palette painted: cold / warm']];

export async function run(context) {
  const features = await probe(context);
  if (!features.palette) return notBuilt(FIGURES, 'no palette');
  const cold = [];
  const warm = [];
  for (let i = 0; i < context.config.loadRuns; i++) {
    const browserContext = await context.browser.createBrowserContext();
    try {
      cold.push(await paletteTime(browserContext, context));
      warm.push(await paletteTime(browserContext, context));
    } finally {
      await browserContext.close();
    }
  }
  const fmt = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  return [{ figure: FIGURES[0][0], value: `${fmt(summarize(cold))} / ${fmt(summarize(warm))}` }];
}

/** Polls frames until a palette item is painted; resolves to ms since navigation. */
async function paletteTime(browserContext, { baseUrl, config }) {
  const page = await browserContext.newPage();
  try {
    await page.goto(`${baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
    const time = page.evaluate(async () => {
      const editor = document.getElementById('editor');
      const item = () => editor.shadowRoot.querySelector('[part~="palette-item"]') ?? editor.shadowRoot.querySelector('v2u-palette')?.shadowRoot?.querySelector('[part~="item"]');
      for (let frames = 0; !item() && frames < 10_000; frames++) await window.benchPerf.nextFrame();
      return performance.now();
    });
    return await withTimeout(time, config.loadTimeoutMs, 'palette');
  } finally {
    await page.close();
  }
}
