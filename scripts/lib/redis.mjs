// Finds redis-server for the queue tests and benchmarks, the way chromium.mjs finds a browser:
// REDIS_SERVER, the usual paths, then (root on Debian/Ubuntu) apt-get; nothing is downloaded.
import { findProgram } from './find-program.mjs';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/opt/homebrew/bin/redis-server'];

/** The path of redis-server; throws with how to install it when there is none. */
export function findRedisServer({ install = true } = {}) {
  return findProgram({
    env: 'REDIS_SERVER', candidates: CANDIDATES, pkg: 'redis-server', install,
    help: 'No redis-server found. Install one (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`) or set REDIS_SERVER to its executable.',
  });
}
