// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import { chromeLauncher } from '@web/test-runner-chrome';
import { httpFixtures } from './test/fixtures/http-fixtures.mjs';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';
import { frameworkPlugins } from './test/plugins/frameworks-plugin.mjs';
import { inputPlugin } from './test/plugins/input-plugin.mjs';
import { STRICT_CSP, isStrictCspPage } from './scripts/lib/csp.mjs';

// Test-only URLs for real network conditions (no mocks):
//   <any path>?v2u-slow=<ms>         serves the file after <ms> milliseconds;
//   /__v2u/flaky/<key>/<n>/<path>    answers 503 to the first <n> requests for <key>, then serves /<path>;
//   POST /__v2u/echo                  answers with the request body (form submissions).
const flakyCounts = new Map();
async function networkConditions(ctx, next) {
  const slow = Number(ctx.query['v2u-slow'] ?? 0);
  const flaky = ctx.path.match(/^\/__v2u\/flaky\/([^/]+)\/(\d+)(\/.*)$/);
  if (slow) {
    await new Promise((resolve) => setTimeout(resolve, slow));
  } else if (flaky) {
    const count = (flakyCounts.get(flaky[1]) ?? 0) + 1;
    flakyCounts.set(flaky[1], count);
    if (count <= Number(flaky[2])) {
      ctx.status = 503;
      ctx.set('Cache-Control', 'no-store');
      return;
    }
    ctx.url = flaky[3];
  }
  return next();
}

/** POST /__v2u/echo answers with the body it received, as a form's target shows it. */
async function echo(ctx, next) {
  if (ctx.path !== '/__v2u/echo' || ctx.method !== 'POST') return next();
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  ctx.type = 'text/plain';
  ctx.body = Buffer.concat(chunks).toString('utf8');
}

async function strictCsp(ctx, next) {
  await next();
  if (isStrictCspPage(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
}

/** The test server answers like a CDN (CORS), so a test can load the worker from the other loopback name. */
async function cors(ctx, next) {
  ctx.set('Access-Control-Allow-Origin', '*');
  return next();
}

export default {
  middleware: [cors, strictCsp, networkConditions, echo, httpFixtures],
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  plugins: [inputPlugin(), umdAsEsm(/\/node_modules\/(jsonata\/jsonata|papaparse\/papaparse|elkjs\/lib\/elk\.bundled)\.js$/), ...frameworkPlugins()],
  filterBrowserLogs: ({ args }) => !/^(Lit is in dev mode|Angular is running in development mode)/.test(String(args[0])),
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium({ install: false }), headless: true, args: chromiumArgs() },
      createBrowserContext: grantClipboard,
    }),
  ],
};

/**
 * Lets test pages use the real clipboard (`navigator.clipboard.readText`/`writeText`) as a person
 * allows it when asked; a test that needs it refused stubs `navigator.clipboard`. Headless Chromium
 * keeps a clipboard of its own, so nothing outside the test browser is read or overwritten.
 */
async function grantClipboard({ browser }) {
  const context = browser.defaultBrowserContext();
  await context.setPermission('*', ...['clipboard-read', 'clipboard-write'].map((name) => ({ permission: { name }, state: 'granted' })));
  return context;
}

/**
 * jsonata, papaparse and elkjs ship only UMD builds. Rollup converts them with @rollup/plugin-commonjs; the test
 * server wraps them the same way so pages and workers can `import jsonata from 'jsonata'`.
 */
function umdAsEsm(pattern) {
  return {
    name: 'umd-as-esm',
    transform(context) {
      if (!pattern.test(context.path)) return undefined;
      return { body: `const module = { exports: {} };\nconst exports = module.exports;\n${context.body}\nexport default module.exports;\n` };
    },
  };
}
