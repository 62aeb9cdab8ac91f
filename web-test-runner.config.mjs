// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';
import { inputPlugin } from './test/plugins/input-plugin.mjs';

export default {
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  plugins: [inputPlugin()],
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
