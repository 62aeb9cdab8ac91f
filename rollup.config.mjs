// Bundles the tsc output (dist/src) into the script-tag entry dist/v2u-editor.js, the
// DOM-free core as dist/core.js (for node packs loaded from a script tag), and lazy chunks. tsc runs first (scripts/build.mjs), so rollup sees plain ESM.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: { 'v2u-editor': 'dist/src/index.js', core: 'dist/src/core/index.js' },
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
