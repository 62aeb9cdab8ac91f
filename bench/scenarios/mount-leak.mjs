// V2U only: 100 mount/unmount cycles (30 in --quick) of a 1,000-node editor. The heap after a forced GC
// must not grow by 1 MB or more, DOM nodes and listeners must come back to where they
// were, and no worker may still run once the pool (if any) has idled.
import { heapAfterGc, withTimeout } from '../lib/browser.mjs';

const NODES = 1000;
const BUDGET = 1024 * 1024;

export const id = 'mount-leak';
export const title = `Mount/unmount a ${NODES.toLocaleString('en')}-node editor`;

export async function run({ browser, baseUrl, config }) {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}/bench-page/leak?n=${NODES}`, { waitUntil: 'domcontentloaded' });
    const cycles = (n) => withTimeout(page.evaluate((k) => window.benchLeak.cycles(k), n), config.loadTimeoutMs * 4, 'mount cycles');
    await cycles(3); // warm-up: code, styles and caches that stay for good
    const before = { heap: await heapAfterGc(page), dom: await domCounters(page) };
    const count = config.leakCycles;
    const ms = await cycles(count);
    const after = { heap: await heapAfterGc(page), dom: await domCounters(page) };
    const workers = await workersAfterIdle(page, config.poolIdleMs);
    // Again once the last editors' in-flight work (library fetches) has had time to end:
    // what is still held then is held for good.
    await new Promise((resolve) => setTimeout(resolve, config.poolIdleMs));
    const settled = { heap: await heapAfterGc(page), dom: await domCounters(page) };
    const growth = after.heap - before.heap;
    const kept = settled.heap - before.heap;
    return [
      { figure: `JS heap growth after GC, ${count} cycles`, value: `${(growth / 1024).toFixed(1)} kB (${kb(before.heap)} → ${kb(after.heap)})`, target: `${growth < BUDGET ? 'met' : 'not met'} (< 1 MB after 100)${count < 100 ? `; only ${count} cycles run` : ''}` },
      { figure: `JS heap growth after GC, ${config.poolIdleMs / 1000} s later`, value: `${(kept / 1024).toFixed(1)} kB (${kb(before.heap)} → ${kb(settled.heap)})`, target: `${kept < BUDGET ? 'met' : 'not met'} (< 1 MB)` },
      { figure: 'DOM nodes / event listeners: before → right after → later', value: `${before.dom.nodes} → ${after.dom.nodes} → ${settled.dom.nodes} / ${before.dom.jsEventListeners} → ${after.dom.jsEventListeners} → ${settled.dom.jsEventListeners}` },
      { figure: 'Time per mount + paint + unmount', value: `${(ms / count).toFixed(1)} ms` },
      { figure: `Workers running ${config.poolIdleMs / 1000} s after the last unmount`, value: String(workers), target: `${workers === 0 ? 'met' : 'not met'} (none left)` },
    ];
  } finally {
    await page.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;

async function domCounters(page) {
  const cdp = await page.createCDPSession();
  try {
    return await cdp.send('Memory.getDOMCounters');
  } finally {
    await cdp.detach();
  }
}

/** Polls until no dedicated worker is left, or `ms` passes; returns how many remain. */
async function workersAfterIdle(page, ms) {
  const until = Date.now() + ms;
  while (page.workers().length && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  return page.workers().length;
}
