// Launches the system Chromium (never a downloaded one) for the bench, with frames
// unthrottled so rAF intervals show the real work per frame, and gc() exposed.
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from '../../scripts/lib/chromium.mjs';

export const VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: findChromium({ install: false }),
    headless: true,
    defaultViewport: VIEWPORT,
    args: [
      ...chromiumArgs(),
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
      '--js-flags=--expose-gc',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      // Headless Chromium 156 keeps two omnibox popup WebUI pages running in the background,
      // which took ~1.8 s of CPU during one traced page load on the 2-core machine.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
}

/** Forces a full GC (twice, for weak references) and returns the used JS heap in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Resolves with `promise`, or rejects after `ms` (the page may be stuck in a long task). */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
