// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';

export default {
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  // Lets a test load the worker from the other loopback name (127.0.0.1 vs localhost), the
  // way a page loads it from a CDN: the pool's blob-URL fallback needs CORS like a CDN sends.
  middleware: [(context, next) => (context.set('Access-Control-Allow-Origin', '*'), next())],
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium({ install: false }), headless: true, args: chromiumArgs() },
    }),
  ],
};
