// `npm run build`: tsc (src + test → dist/), rollup (dist/v2u-editor.js + chunks),
// then custom-elements.json from the source.
import { rmSync } from 'node:fs';
import { run } from './lib/run.mjs';

rmSync('dist', { recursive: true, force: true });
await run('tsc', ['-p', '.']);
await run('rollup', ['-c', '--silent']);
await run('cem', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
console.log('build: dist/ and custom-elements.json are up to date');
