// Runs the compiled tests (dist/test) in headless Chromium. scripts/test.mjs sets CHROME_PATH.
import { chromeLauncher } from '@web/test-runner-chrome';
import { httpFixtures } from './test/fixtures/http-fixtures.mjs';
import { chromiumArgs, findChromium } from './scripts/lib/chromium.mjs';

export default {
  files: ['dist/test/**/*.test.js'],
  nodeResolve: true,
  plugins: [umdAsEsm(/\/node_modules\/(jsonata\/jsonata|papaparse\/papaparse)\.js$/)],
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

/**
 * jsonata and papaparse ship only UMD builds. Rollup converts them with @rollup/plugin-commonjs; the test
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
