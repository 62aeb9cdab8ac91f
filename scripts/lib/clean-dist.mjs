import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Empties `dir` of everything `npm run build` makes again, and keeps `keep`: by default
 * dist/demo/, the framework demo bundles `npm run demos` makes, which a running `npm start`
 * keeps serving while `npm test` or `npm run build` runs beside it.
 */
export function cleanDist(dir = 'dist', keep = ['demo']) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
}
