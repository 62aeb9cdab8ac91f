// Finds a Chromium for tests and benchmarks. No tool here may download a browser, so the
// order is: CHROME_PATH, the usual system paths, then (root on Debian/Ubuntu) apt-get.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.mjs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags every headless run uses; the sandbox is off only when running as root. */
export function chromiumArgs() {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const installed = install ? aptInstall('chromium', '/usr/bin/chromium') : undefined;
  if (installed) return installed;
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
      'macOS: install Google Chrome) or set CHROME_PATH to its executable, then run `npm test` again.',
  );
}
