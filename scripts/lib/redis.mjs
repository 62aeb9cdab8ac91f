// Finds redis-server for the queue tests and benchmarks, the way chromium.mjs finds a browser:
// REDIS_SERVER, the usual paths, then (root on Debian/Ubuntu) apt-get; nothing is downloaded.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.mjs';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server', '/opt/homebrew/bin/redis-server'];

/** The path of redis-server; throws with how to install it when there is none. */
export function findRedisServer({ install = true } = {}) {
  const fromEnv = process.env.REDIS_SERVER;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`REDIS_SERVER is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const installed = install ? aptInstall('redis-server', '/usr/bin/redis-server') : undefined;
  if (installed) return installed;
  throw new Error('No redis-server found. Install one (Debian/Ubuntu: `sudo apt-get install -y redis-server`; macOS: `brew install redis`) or set REDIS_SERVER to its executable.');
}
