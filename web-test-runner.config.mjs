// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import commonjs from '@rollup/plugin-commonjs';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { httpFixtures } from './test/fixtures/http-fixtures.mjs';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';

export default {
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  // jsonata is UMD only: serve it as ESM to pages and workers alike.
  plugins: [fromRollup(commonjs)({ include: ['**/node_modules/jsonata/**'] })],
  middleware: [httpFixtures],
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
