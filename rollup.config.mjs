// Bundles the tsc output (dist/src) into the script-tag entry dist/v2u-editor.js plus
// lazily loaded chunks. tsc runs first (scripts/build.mjs), so rollup sees plain ESM.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The worker entry is emitted as its own file, dist/worker.js; worker-url.js points at it
// through rollup's file URL, so the URL holds wherever the pool code lands (entry or chunk).
function workerEntry() {
  const source = "new URL('./worker.js', import.meta.url)";
  let ref;
  return {
    name: 'v2u-worker-entry',
    buildStart() {
      ref = this.emitFile({ type: 'chunk', id: 'dist/src/runtime/pool/worker.js', fileName: 'worker.js' });
    },
    transform(code, id) {
      if (!id.endsWith('/runtime/pool/worker-url.js')) return null;
      if (!code.includes(source)) this.error(`worker-url.js no longer contains ${source}`);
      return code.replace(source, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
    },
  };
}

export default {
  input: { 'v2u-editor': 'dist/src/index.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    workerEntry(),
    nodeResolve({ browser: true }),
    terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
