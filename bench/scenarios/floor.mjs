// Context for "painted and interactive": the same page shell and bench glue with no editor
// (bench/pages/blank.js). It fetches the graph, renders nothing and settles like every
// editor page, so its time is what any editor's time includes before its own code runs.
import { withTimeout } from '../lib/browser.mjs';
import { loadRepeated } from '../lib/measure.mjs';

export const id = 'floor';
export const title = 'Load floor: the bench page with no editor';
const NODES = 1000;

export async function run({ browser, baseUrl, config }) {
  const result = {};
  const page = await loadRepeated(browser, `${baseUrl}/bench-page/blank?n=${NODES}`, config, result);
  await withTimeout(page.close(), 10_000, 'close').catch(() => {});
  const { median, min, max } = result.ready;
  return [{ figure: `Navigation to ready, ${NODES.toLocaleString('en')}-node graph fetched, nothing rendered, ms`, value: `${Math.round(median)} (${Math.round(min)}–${Math.round(max)})` }];
}
