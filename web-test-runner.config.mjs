// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';
import { frameworkPlugins } from './test/plugins/frameworks-plugin.mjs';
import { inputPlugin } from './test/plugins/input-plugin.mjs';

// Test-only URLs for real network conditions (no mocks):
//   <any path>?v2u-slow=<ms>         serves the file after <ms> milliseconds;
//   /__v2u/flaky/<key>/<n>/<path>    answers 503 to the first <n> requests for <key>, then serves /<path>.
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

export default {
  middleware: [networkConditions],
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  plugins: [inputPlugin(), ...frameworkPlugins()],
  filterBrowserLogs: ({ args }) => !/^(Lit is in dev mode|Angular is running in development mode)/.test(String(args[0])),
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
