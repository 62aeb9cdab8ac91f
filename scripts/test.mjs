// `npm test` (after the build): the framework demo bundles, the Node checks (with the user-path
// tests, which open every demo page in Chromium, and the queue's, with a redis-server of their
// own), then every browser test in headless Chromium.
import { findChromium } from './lib/chromium.mjs';
import { findRedisServer } from './lib/redis.mjs';
import { run } from './lib/run.mjs';

let chrome;
try {
  chrome = findChromium();
  // The queue tests start their own redis-server.
  process.env.REDIS_SERVER = findRedisServer();
} catch (error) {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
}
console.log(`npm test: using ${chrome}`);
try {
  // The user-path tests open the React and Angular demos, which need their bundles.
  await run('node', ['scripts/build-framework-demos.mjs']);
  await run('node', ['--test', 'test/node/']);
  await run('wtr', ['--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)], {
    env: { ...process.env, CHROME_PATH: chrome },
  });
} catch (error) {
  console.error(`npm test: ${error.message}`);
  process.exit(1);
}
