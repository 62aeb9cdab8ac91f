// Finds a system program the tools need (Chromium, redis-server): an environment variable, the
// usual paths, then, only as root on a system with apt-get, its Debian package; nothing else is
// ever downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The program's path from `env` (which must exist), else the first of `candidates`, else
 * installed with apt-get as `pkg` (when `install`); throws `help` when there is none.
 */
export function findProgram({ env, candidates, pkg, install, help }) {
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`${env} is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((path) => existsSync(path)) ?? (install ? aptInstall(pkg, candidates[0]) : undefined);
  if (found) return found;
  throw new Error(help);
}

/** Installs `pkg` with apt-get when allowed and returns `path` once it exists; else undefined. */
export function aptInstall(pkg, path) {
  if (!canApt()) return undefined;
  console.log(`${pkg} not found: installing Debian's ${pkg} with apt-get (once)...`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return existsSync(path) ? path : undefined;
}

function canApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
