// Files under a folder, for Node tests that scan what the build wrote.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (recursively) whose name ends with `ending`; none when `dir` is missing. */
export function filesUnder(dir, ending) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ending));
    else if (path.endsWith(ending)) out.push(path);
  }
  return out;
}
