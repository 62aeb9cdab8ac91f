// Opens demo/vue, demo/angular and demo/react in headless Chromium from the same static
// server as `npm start`, drags a node in the first editor with the mouse, and checks the
// app's own state saw it while the second editor's did not; any page error fails.
// Run after `npm run build` and `node scripts/build-framework-demos.mjs`.
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findChromium } from './lib/chromium.mjs';
import { listen } from './serve.mjs';

const FRAMEWORKS = ['vue', 'angular', 'react'];

async function checkDemo(browser, origin, name) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${origin}/demo/${name}/`, { waitUntil: 'networkidle0' });
  const header = '[data-node="orders"] .header';
  await page.waitForFunction((sel) => [...document.querySelectorAll('v2u-editor')].filter((e) => e.shadowRoot?.querySelector(sel)).length === 2, { timeout: 15000 }, header);
  const [x, y] = await page.evaluate((sel) => {
    const r = document.querySelector('v2u-editor').shadowRoot.querySelector(sel).getBoundingClientRect();
    return [r.x + r.width / 2, r.y + r.height / 2];
  }, header);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + 25 * i, y + 10 * i);
  await page.mouse.up();
  const firstOnly = () => {
    const [first, second] = [...document.querySelectorAll('output')].map((o) => Number(/(\d+) changes/.exec(o.textContent)?.[1]));
    return first > 0 && second === 0;
  };
  await page.waitForFunction(firstOnly, { timeout: 5000 }).catch(async () => {
    const shown = await page.$$eval('output', (outputs) => outputs.map((o) => o.textContent.trim()).join(' | '));
    problems.push(`expected changes seen for the first editor only; the page shows: ${shown}`);
  });
  await page.close();
  return problems;
}

const server = await listen(Number(process.env.PORT ?? 8600));
const browser = await puppeteer.launch({ executablePath: findChromium({ install: false }), headless: true, args: chromiumArgs() });
let failed = false;
try {
  for (const name of FRAMEWORKS) {
    const problems = await checkDemo(browser, `http://127.0.0.1:${server.address().port}`, name).catch((error) => [error.message]);
    console.log(`demo/${name}: ${problems.length ? `FAILED\n  ${problems.join('\n  ')}` : 'ok'}`);
    failed ||= problems.length > 0;
  }
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failed ? 1 : 0;
