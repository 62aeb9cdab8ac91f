// `npm run screenshots`: every page of the README's demos table, in the light and the dark
// theme, as PNGs in one folder (default screenshots/, `--out=DIR` to change), plus the
// editor of /demo/ alone (editor-light.png, editor-dark.png: the README's picture), and the node
// builder open on /demo/builder/ (builder-panel-light.png, builder-panel-dark.png: docs/builder.md).
// Each page is opened on a first visit, like the demo-page tests, and photographed once its
// editors are drawn and any run has settled. It fails when a page errors (a smoke check
// for CI); it compares no pixels. `--pages=/demo/,/demo/vue/` narrows the pages.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoPages, openPage, settledNodeErrors, startUserPaths } from '../test/fixtures/user-paths.mjs';

const option = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const out = option('out', 'screenshots');
const pages = option('pages', '') ? option('pages').split(',') : demoPages();
const SCHEMES = ['light', 'dark'];

/** `/demo/node-pack/` → `node-pack`, `/demo/large.html` → `large`, `/demo/` → `demo`. */
const slug = (path) => path.replace(/^\/demo\//, '').replace(/\.html$|\/$/g, '') || 'demo';

async function shoot(env, path, scheme) {
  const opened = await openPage(env.browser, `${env.origin}${path}`, { scheme });
  try {
    const nodeErrors = await settledNodeErrors(opened.page);
    // Lazy node elements (charts, tables) draw after the run settles: give them a frame.
    await opened.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    const wrong = [...opened.problems, ...(await opened.violations()), ...nodeErrors];
    await opened.page.screenshot({ path: join(out, `${slug(path)}-${scheme}.png`) });
    if (path === '/demo/') {
      const editor = await opened.page.$('v2u-editor');
      await editor.screenshot({ path: join(out, `editor-${scheme}.png`) });
    }
    if (path === '/demo/builder/') await shootBuilder(opened.page, join(out, `builder-panel-${scheme}.png`));
    return wrong;
  } finally {
    await opened.close();
  }
}

/** Opens the node builder on the demo's builder-made type (its palette Edit button) and photographs it. */
async function shootBuilder(page, file) {
  await page.evaluate(async () => {
    const editor = document.querySelector('v2u-editor');
    await editor.whenEditable();
    const palette = editor.shadowRoot.querySelector('v2u-palette');
    for (let i = 0; i < 200 && !palette.shadowRoot.querySelector('[part="item-edit"]'); i++) await new Promise((r) => setTimeout(r, 25));
    palette.shadowRoot.querySelector('[part="item-edit"]').click();
    for (let i = 0; i < 200 && !editor.shadowRoot.querySelector('v2u-node-builder dialog[open]'); i++) await new Promise((r) => setTimeout(r, 25));
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
  await page.screenshot({ path: file });
}

mkdirSync(out, { recursive: true });
const env = await startUserPaths();
let failed = 0;
try {
  for (const path of pages)
    for (const scheme of SCHEMES) {
      const wrong = await shoot(env, path, scheme).catch((error) => [error.message]);
      console.log(`${wrong.length ? 'FAIL' : 'ok  '} ${path} (${scheme})${wrong.map((w) => `\n     ${w}`).join('')}`);
      if (wrong.length) failed++;
    }
} finally {
  await env.close();
}
console.log(`screenshots: ${pages.length * SCHEMES.length - failed} pages in ${out}/, ${failed} failed`);
if (failed) process.exit(1);
