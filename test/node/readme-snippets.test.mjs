// The README's quick starts, copied from README.md at test time and run as written, the way a
// person pastes them into their own page: that page is on their site (another origin), and
// the package comes from a CDN, here scripts/serve.mjs under the other loopback name. Only the
// CDN's address is replaced. The framework quick starts (docs/frameworks.md) are run as
// written by framework-snippets.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { openPage, readmeSnippet, settledNodeErrors, startSite, startUserPaths } from '../fixtures/user-paths.mjs';

const README = readFileSync('README.md', 'utf8');
const CDN_IN_README = 'https://cdn.example/v2u-editor/';

describe('the README snippets, as written', () => {
  let env;
  let site;
  before(async () => {
    env = await startUserPaths();
    const cdn = `${env.other}/`;
    const quickStart = readmeSnippet(README, '**Script tag**');
    const cmsForm = readmeSnippet(README, '**CMS form**');
    assert.ok(quickStart.includes(CDN_IN_README), 'the quick start loads the package from a CDN');
    site = await startSite({
      '/': quickStart.replaceAll(CDN_IN_README, cdn),
      // The snippet's flow: any flow of the person's; this one has an Emit node, so the
      // snippet's v2u-output listener has something to print.
      '/flows/pricing.json': readFileSync('demo/flows/order-analytics.json', 'utf8'),
      '/cms': `<script type="module" src="${cdn}dist/v2u-editor.js"></script>\n${cmsForm}`,
    });
  });
  after(async () => {
    await site?.close();
    await env?.close();
  });

  test('script tag: the package loads from another origin, shows the flow from src, with no error', async () => {
    const opened = await openPage(env.browser, `${site.origin}/`);
    try {
      await opened.waitFor(() => document.querySelector('v2u-editor')?.graph?.nodes.length > 0);
      const shown = await opened.page.evaluate(() => document.querySelector('v2u-editor').shadowRoot.querySelectorAll('[data-node]').length);
      assert.ok(shown > 0, 'the nodes are drawn');
      assert.deepEqual(opened.problems, [], 'no failed request, no CORS refusal');
    } finally {
      await opened.close();
    }
  });

  // README: `await editor.run()` right after the element is on the page, on a first visit,
  // before the library has registered the flow's node types: run() waits for them.
  test('script tag: await editor.run() runs the flow and the page gets its outputs', async () => {
    const opened = await openPage(env.browser, `${site.origin}/`);
    try {
      const nodeErrors = await settledNodeErrors(opened.page);
      const printed = opened.console.filter((m) => m.type === 'log').map((m) => m.text);
      const { errorsShown, runs } = await opened.history();
      assert.deepEqual({ problems: opened.problems, nodeErrors, errorsShown }, { problems: [], nodeErrors: [], errorsShown: [] });
      assert.equal(runs[0], 'done', `the snippet's run, the first: ${runs}`);
      assert.ok(printed.some((line) => line.startsWith('revenueByRegion ')), `v2u-output printed: ${printed}`);
    } finally {
      await opened.close();
    }
  });

  test('CMS form: the graph is the form value; required refuses an empty graph; Save posts it; Reset restores it', async () => {
    const opened = await openPage(env.browser, `${site.origin}/cms`);
    const { page } = opened;
    try {
      await opened.waitFor(() => customElements.get('v2u-editor'));
      await page.evaluate(() => document.querySelector('v2u-editor').whenEditable());
      const form = () => page.evaluate(() => ({ flow: JSON.parse(new FormData(document.querySelector('form')).get('flow')), valid: document.querySelector('form').checkValidity() }));
      const empty = await form();
      assert.deepEqual([empty.flow.nodes, empty.flow.edges, empty.valid], [[], [], false], 'an empty graph is the value, and invalid: required');

      await page.evaluate(() => document.querySelector('v2u-editor').store.addNode({ type: 'utility/note', position: { x: 40, y: 40 }, config: {} }));
      await opened.waitFor(() => document.querySelector('form').checkValidity());
      const posted = page.waitForResponse((r) => r.url().endsWith('/save'));
      await page.click('form button:not([type])');
      await posted;
      const body = new URLSearchParams(site.posts.at(-1).body);
      assert.deepEqual(JSON.parse(body.get('flow')).nodes.map((n) => n.type), ['utility/note'], 'Save posts the graph JSON as the field "flow"');

      await page.goto(`${site.origin}/cms`);
      await opened.waitFor(() => customElements.get('v2u-editor'));
      await page.evaluate(() => document.querySelector('v2u-editor').whenEditable());
      await page.evaluate(() => document.querySelector('v2u-editor').store.addNode({ type: 'utility/note', position: { x: 40, y: 40 }, config: {} }));
      await page.click('form button[type="reset"]');
      await opened.waitFor(() => document.querySelector('v2u-editor').graph.nodes.length === 0, 5000);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
