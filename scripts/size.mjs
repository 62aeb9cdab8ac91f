// `npm run size`: min and min+gzip bytes of the entry and every chunk, and of what the
// page loads before first paint (the entry plus its static imports, followed
// recursively). Fails when that is over the 30 kB min+gzip budget (Lit included).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { staticClosure } from './lib/static-closure.mjs';

const BUDGET = 30 * 1024;
const ENTRY = 'dist/v2u-editor.js';

if (!existsSync(ENTRY)) {
  console.error(`size: ${ENTRY} is missing; run \`npm run build\` first.`);
  process.exit(1);
}

const measure = (file) => {
  const bytes = readFileSync(file);
  return { file, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

const files = ['dist/v2u-editor.js', 'dist/core.js', ...readdirSync('dist/chunks').filter((f) => f.endsWith('.js')).map((f) => join('dist/chunks', f))].filter(existsSync);
const rows = files.map(measure);
const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${String(r.min).padStart(9)}  ${String(r.gzip).padStart(9)}`);

const closure = staticClosure(ENTRY);
const together = gzipSync(Buffer.concat(closure.map((f) => readFileSync(f))), { level: 9 }).length;
const separately = closure.map(measure).reduce((sum, r) => sum + r.gzip, 0);
console.log(`before first paint: ${closure.join(' + ')}`);
console.log(`  ${separately} B min+gzip (files gzipped one by one; ${together} B as one stream)`);
const verdict = separately <= BUDGET ? 'within' : 'OVER';
console.log(`entry budget: ${separately} B of ${BUDGET} B, ${verdict}`);
if (separately > BUDGET) process.exit(1);
