// Bundles the tsc output (dist/src) into the script-tag entry dist/v2u-editor.js plus
// lazily loaded chunks. tsc runs first (scripts/build.mjs), so rollup sees plain ESM.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';

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
    nodeResolve({ browser: true }),
    // jsonata and papaparse ship only UMD builds; the commonjs plugin turns them into ESM for the node chunks.
    commonjs(),
    terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
  ],
};
