// Finds a Chromium for tests and benchmarks. No tool here may download a browser, so the
// order is: CHROME_PATH, the usual system paths, then (root on Debian/Ubuntu) apt-get.
import { findProgram } from './find-program.mjs';

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
  return findProgram({
    env: 'CHROME_PATH', candidates: CANDIDATES, pkg: 'chromium', install,
    help: 'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; ' +
      'macOS: install Google Chrome) or set CHROME_PATH to its executable, then run `npm test` again.',
  });
}
