// Every page of the README's demos table, opened the way a person opens it: from the project's
// own server (scripts/serve.mjs, with its real headers), in headless Chromium, on a first visit,
// in the light and the dark theme. A page passes when nothing goes wrong that a person could
// see: no page or console error, no failed request, no CSP violation, no node in an error
// state once auto-run settles, and no console warning from merely opening the page.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { demoPages, openPage, settledNodeErrors, startUserPaths } from '../fixtures/user-paths.mjs';

describe('every demo page opens clean', () => {
  let env;
  before(async () => {
    assert.ok(existsSync('dist/demo/react-app.js'), 'the framework demo bundles are built (npm run demos; npm test builds them)');
    env = await startUserPaths();
  });
  after(() => env?.close());

  test('the README lists the demo pages', () => {
    assert.deepEqual(demoPages(), ['/demo/', '/demo/large.html', '/demo/cms-form.html', '/demo/csp/', '/demo/node-pack/', '/demo/registry.html', '/demo/builder/', '/demo/vue/', '/demo/angular/', '/demo/react/']);
  });

  for (const path of demoPages())
    for (const scheme of ['light', 'dark'])
      test(`${path} (${scheme})`, async (t) => {
        const opened = await openPage(env.browser, `${env.origin}${path}`, { scheme });
        try {
          const nodeErrors = await settledNodeErrors(opened.page);
          const violations = await opened.violations();
          const { errorsShown } = await opened.history();
          const warnings = opened.console.filter((m) => m.type === 'warn' || m.type === 'warning').map((m) => m.text);
          assert.deepEqual(
            { problems: opened.problems, violations, nodeErrors, warnings },
            { problems: [], violations: [], nodeErrors: [], warnings: [] },
            `${path} in the ${scheme} theme`,
          );
          assert.deepEqual(errorsShown, [], 'no node showed an error at any time');
          assert.ok(await opened.page.evaluate(() => document.body.innerText.trim().length > 0), 'the page shows something');
        } finally {
          await opened.close();
        }
      });

  test('/demo/: switching flows replaces the flow output panel, and Run runs every node', async () => {
    const opened = await openPage(env.browser, `${env.origin}/demo/`);
    try {
      const output = () => opened.page.$eval('#output', (el) => el.textContent);
      await opened.waitFor(() => document.getElementById('output').textContent.startsWith('revenueByRegion'));
      await opened.page.select('#flows', './flows/pricing-rules.json');
      await opened.waitFor(() => document.getElementById('output').textContent.includes('no Emit node'));
      assert.doesNotMatch(await output(), /revenueByRegion/, 'nothing left from the flow before');
      const ran = await opened.page.evaluate(async () => {
        const editor = document.querySelector('v2u-editor');
        const ended = new Promise((resolve) => editor.addEventListener('v2u-run-end', (e) => resolve(e.detail.summary), { once: true }));
        editor.shadowRoot.querySelector('[data-action="run"]').click();
        const summary = await ended;
        return { executed: summary.executed.length, nodes: editor.graph.nodes.length };
      });
      assert.equal(ran.executed, ran.nodes, 'the Run button ran every node, not "0 ran"');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
