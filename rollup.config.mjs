// Bundles the tsc output (dist/src) into the script-tag entry dist/v2u-editor.js plus
// lazily loaded chunks. tsc runs first (scripts/build.mjs), so rollup sees plain ESM.
// Node libraries (dist/src/nodes, and the test fixtures) build separately into their own
// chunks and manifest bundles, so the entry holds no node code at all.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { nodeLibraryConfig } from './scripts/lib/node-bundles.mjs';

const plugins = () => [
  nodeResolve({ browser: true }),
  terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
];

export default [
  {
    input: { 'v2u-editor': 'dist/src/index.js' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
  },
  nodeLibraryConfig({ srcDir: 'dist/src/nodes', outDir: 'dist/nodes', plugins: plugins() }),
  nodeLibraryConfig({ srcDir: 'dist/test/fixtures/nodes', outDir: 'dist/test/fixtures/bundled', plugins: plugins(), maxPerBundle: 2 }),
].filter(Boolean);
