// Bundles the tsc output (dist/src) into the script-tag entry dist/v2u-editor.js plus
// lazily loaded chunks. tsc runs first (scripts/build.mjs), so rollup sees plain ESM.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const WORKER = 'dist/worker.js';
const plugins = () => [
  nodeResolve({ browser: true }),
  terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
];

// The main build ships the worker (built first, self-contained, so it shares no chunk with
// the entry) as the asset dist/worker.js, and points worker-url.js at it through rollup's
// file URL, so the URL holds wherever the pool code lands (entry or lazy chunk).
function workerAsset() {
  const source = "new URL('./worker.js', import.meta.url)";
  let ref;
  return {
    name: 'v2u-worker-asset',
    buildStart() {
      ref = this.emitFile({ type: 'asset', fileName: 'worker.js', source: readFileSync(WORKER, 'utf8') });
    },
    transform(code, id) {
      if (!id.endsWith('/runtime/pool/worker-url.js')) return null;
      if (!code.includes(source)) this.error(`worker-url.js no longer contains ${source}`);
      return code.replace(source, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
    },
  };
}

export default [
  {
    input: 'dist/src/runtime/pool/worker.js',
    output: { file: WORKER, format: 'es', sourcemap: true },
    plugins: plugins(),
  },
  {
    input: { 'v2u-editor': 'dist/src/index.js' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [workerAsset(), ...plugins()],
  },
];
