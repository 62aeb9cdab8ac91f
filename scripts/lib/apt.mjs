// Installs a Debian package for the tools that need a system program (Chromium, redis-server),
// only as root on a system with apt-get; nothing else is ever downloaded.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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
