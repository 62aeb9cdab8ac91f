// `npm run size`: min and min+gzip bytes of the entry and every chunk; fails when the
// entry (which includes Lit) is over the 30 kB min+gzip budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 30 * 1024;
const ENTRY = 'dist/v2u-editor.js';

if (!existsSync(ENTRY)) {
  console.error(`size: ${ENTRY} is missing; run \`npm run build\` first.`);
  process.exit(1);
}
const chunkDir = 'dist/chunks';
const files = [ENTRY, ...(existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => join(chunkDir, f)) : [])];
const rows = files.map((file) => {
  const bytes = readFileSync(file);
  return { file, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(9)}`);
const entry = rows[0];
const verdict = entry.gzip <= BUDGET ? 'within' : 'OVER';
console.log(`entry ${ENTRY}: ${entry.gzip} B min+gzip, ${verdict} the ${BUDGET} B budget`);
if (entry.gzip > BUDGET) process.exit(1);
