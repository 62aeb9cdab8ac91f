// `npm run build`: tsc (src + test → dist/), rollup (dist/v2u-editor.js + chunks),
// then custom-elements.json from the source. dist/demo/ (npm run demos) is left alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { cleanDist } from './lib/clean-dist.mjs';
import { run } from './lib/run.mjs';

cleanDist();
await run('tsc', ['-p', '.']);
await run('rollup', ['-c', '--silent']);
await run('cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
// The analyzer lists modules in file-system order, which differs between machines; sort them
// so the committed manifest is the same wherever it is built (CI compares it).
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path, 'en'));
writeFileSync('custom-elements.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log('build: dist/ and custom-elements.json are up to date');
