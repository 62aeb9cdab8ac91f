// Every demo page, in the light and the dark theme, passes axe-core's color-contrast rule
// (WCAG AA) once its editors have drawn and settled: page chrome, palette, toolbar, nodes,
// previews, table and chart text, inspector, banners, minimap, all inside shadow roots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { demoPages, openPage, settledNodeErrors, startUserPaths } from '../fixtures/user-paths.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe's color-contrast rule in the page; one line per failing element. */
export async function contrastViolations(page) {
  // Evaluated through the DevTools protocol, so the strict-CSP page runs it too.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' >>> ')}: ${n.any.map((c) => c.message).join('; ')}`));
  });
}

describe('demo pages pass axe color-contrast in both themes', () => {
  let env;
  before(async () => (env = await startUserPaths()));
  after(() => env?.close());

  for (const path of demoPages())
    for (const scheme of ['light', 'dark'])
      test(`${path} (${scheme})`, async () => {
        const opened = await openPage(env.browser, `${env.origin}${path}`, { scheme });
        try {
          await settledNodeErrors(opened.page);
          assert.deepEqual(await contrastViolations(opened.page), [], `${path} in the ${scheme} theme`);
        } finally {
          await opened.close();
        }
      });
});
