import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a command (from node_modules/.bin when it is there), inheriting stdio; rejects on failure. */
export function run(command, args = [], options = {}) {
  const local = join('node_modules', '.bin', command);
  const bin = existsSync(local) ? local : command;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
