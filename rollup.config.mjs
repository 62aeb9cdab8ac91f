// Bundles the tsc output (dist/src) in one graph, so Lit and the core are shared:
// - dist/v2u-editor.js, the script-tag entry (it holds no node code at all);
// - dist/core.js, the DOM-free core, for node packs loaded from a script tag;
// - dist/nodes/<category>/<name>-<hash>.js (+ .element), one chunk per node module, and
//   dist/nodes/bundles/*.json, the manifest bundles the registry fetches;
// - dist/chunks/, lazy and shared chunks.
// tsc runs first (scripts/build.mjs), so rollup sees plain ESM. Test fixture nodes build
// the same way into dist/test/fixtures/bundled.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyCssTemplates } from './scripts/lib/minify-css.mjs';
import { nodeLibraryConfig, nodeLibraryInputs } from './scripts/lib/node-bundles.mjs';

const plugins = () => [
  nodeResolve({ browser: true }),
  minifyCssTemplates(),
  terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } }),
];

const library = nodeLibraryInputs({ srcDir: 'dist/src/nodes', prefix: 'nodes/' });

export default [
  {
    input: { 'v2u-editor': 'dist/src/index.js', core: 'dist/src/core/index.js', ...library.input },
    preserveEntrySignatures: 'strict',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: (chunk) => (chunk.name.startsWith('nodes/') ? '[name]-[hash].js' : '[name].js'),
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [...plugins(), ...library.plugins],
  },
  nodeLibraryConfig({ srcDir: 'dist/test/fixtures/nodes', outDir: 'dist/test/fixtures/bundled', plugins: plugins(), maxPerBundle: 2 }),
].filter(Boolean);
