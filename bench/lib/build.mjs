// Gets every bench page's code ready: dist/ for V2U (rebuilt when src/ is newer), and one
// production bundle per peer (rollup: node-resolve, commonjs, NODE_ENV=production, terser),
// cached in bench/.build until package-lock.json or an entry changes.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { run } from '../../scripts/lib/run.mjs';

export const BUILD_DIR = 'bench/.build';
export const PEERS = ['react-flow', 'drawflow', 'litegraph'];
const STYLES = { 'react-flow': 'node_modules/@xyflow/react/dist/style.css', drawflow: 'node_modules/drawflow/dist/drawflow.min.css' };

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : mtime(path));
  }
  return newest;
}

/** Runs `npm run build` when dist/v2u-editor.js is missing or older than anything in src/. */
export async function ensureDist() {
  if (mtime('dist/v2u-editor.js') > newestIn('src')) return false;
  console.log('bench: dist/ is missing or stale, running npm run build');
  await run('npm', ['run', 'build']);
  return true;
}

export async function bundlePeers() {
  mkdirSync(BUILD_DIR, { recursive: true });
  for (const peer of PEERS) {
    const entry = `bench/entries/${peer}.mjs`;
    const output = join(BUILD_DIR, `${peer}.js`);
    if (mtime(output) > Math.max(mtime(entry), mtime('package-lock.json'), mtime('bench/lib/build.mjs'))) continue;
    console.log(`bench: bundling ${peer}`);
    const bundle = await rollup({
      input: entry,
      context: 'window',
      onwarn: (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning),
      plugins: [
        replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
        nodeResolve({ browser: true }),
        commonjs(),
        terser({ ecma: 2020, module: true, format: { comments: false }, compress: { passes: 2 } }),
      ],
    });
    await bundle.write({ file: output, format: 'es' });
    await bundle.close();
  }
  for (const [peer, css] of Object.entries(STYLES)) copyFileSync(css, join(BUILD_DIR, `${peer}.css`));
}
