// Bundles the tsc output (dist/src) in one graph, so Lit and the core are shared:
// - dist/v2u-editor.js, the script-tag entry (it holds no node code at all);
// - dist/core.js, the DOM-free core, for node packs loaded from a script tag (it re-exports
//   chunks/core-shared, which the editor and node modules import);
// - dist/worker.js, the pool's worker, built first and self-contained;
// - dist/nodes/<category>/<name>-<hash>.js (+ .element), one chunk per node module, and
//   dist/nodes/bundles/*.json, the manifest bundles the registry fetches;
// - dist/chunks/, lazy and shared chunks.
// tsc runs first (scripts/build.mjs), so rollup sees plain ESM. Test fixture nodes build
// the same way into dist/test/fixtures/bundled.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { minifyCssTemplates } from './scripts/lib/minify-css.mjs';
import { nodeLibraryConfig, nodeLibraryInputs } from './scripts/lib/node-bundles.mjs';
import { shortPrivateNames } from './scripts/lib/short-private-names.mjs';

const WORKER = 'dist/worker.js';

const plugins = () => [
  // Our `_name` class members become `_a`, `_b`, … (one map for every build; see the plugin).
  shortPrivateNames(),
  nodeResolve({ browser: true }),
  // jsonata and papaparse ship only UMD builds; the commonjs plugin turns them into ESM for the node chunks.
  commonjs(),
  minifyCssTemplates(),
  // hoist_funs: function declarations move to the top of their scope, where JavaScript puts
  // them anyway; it lets terser join more declarations (48 B less before first paint).
  // keep_fargs: false drops unused trailing parameters (12 B less before first paint). Only a
  // function's `length` changes; nothing here reads it (JSONata reads its natives' arity to
  // decide how many arguments a callback gets, and a dropped parameter was never read).
  alreadyMinified(terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2, hoist_funs: true, keep_fargs: false } }), /(^|\/)elk\.bundled-/),
];

/** Skips `minifier` for chunks that ship minified (elkjs: 1.6 MB that terser took minutes over to save 8%). */
function alreadyMinified(minifier, pattern) {
  return {
    ...minifier,
    renderChunk(code, chunk, options, meta) {
      return pattern.test(chunk.fileName) ? null : minifier.renderChunk.call(this, code, chunk, options, meta);
    },
  };
}

/**
 * `defaultLibraryUrl()` points at `nodes/bundles/index.json` relative to its own module: one
 * folder below `dist/` as tsc emits it. Rollup may place it in the entry (dist/) or a chunk
 * (dist/chunks/), so the path is rewritten for the file it lands in.
 */
function libraryUrl() {
  const source = "'../nodes/bundles/index.json'";
  return {
    name: 'v2u-library-url',
    renderChunk(code, chunk) {
      const at = code.indexOf(source);
      if (at < 0) return null;
      const up = chunk.fileName.split('/').length - 1;
      const edited = new MagicString(code).overwrite(at, at + source.length, `'${up ? '../'.repeat(up) : './'}nodes/bundles/index.json'`);
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) };
    },
  };
}

/**
 * Points `new URL('./<file>', import.meta.url)` in `module` at a file this build emits, through
 * rollup's file URL, so the URL holds wherever the code that asks for it lands (entry or lazy
 * chunk) and the same source works unbundled (tsc output, where the file sits next to it).
 */
function emittedUrl(name, module, file, emit) {
  const source = `new URL('./${file}', import.meta.url)`;
  let ref;
  return {
    name,
    buildStart() {
      ref = this.emitFile(emit());
    },
    transform(code, id) {
      if (!id.endsWith(module)) return null;
      if (!code.includes(source)) this.error(`${module} no longer contains ${source}`);
      return code.replace(source, `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
    },
  };
}

// The main build ships the worker (built first, self-contained, so it shares no chunk with
// the entry) as the asset dist/worker.js.
const workerAsset = () =>
  emittedUrl('v2u-worker-asset', '/runtime/pool/worker-url.js', 'worker.js', () => ({ type: 'asset', fileName: 'worker.js', source: readFileSync(WORKER, 'utf8') }));

// The layout job (elkjs inside) is a chunk of its own that workers import by URL; nothing
// imports it statically, so it never joins the first paint.
const layoutChunk = () =>
  emittedUrl('v2u-layout-chunk', '/runtime/layout/layout-url.js', 'layout-task.js', () => ({ type: 'chunk', id: 'dist/src/runtime/layout/layout-task.js', name: 'layout-task' }));

// The interpreter of builder-made node types, likewise a chunk that workers import by URL.
const builtLogicChunk = () =>
  emittedUrl('v2u-built-logic-chunk', '/runtime/built/built-logic-url.js', 'built-logic.js', () => ({ type: 'chunk', id: 'dist/src/runtime/built/built-logic.js', name: 'built-logic' }));
// The node pack writer (the builder's export), run in the pool.
const packModuleChunk = () =>
  emittedUrl('v2u-pack-module-chunk', '/runtime/built/pack-module-url.js', 'pack-module.js', () => ({ type: 'chunk', id: 'dist/src/runtime/built/pack-module.js', name: 'pack-module' }));

/**
 * Node chunks share small pieces with the editor (Lit, the core, shared element
 * helpers). Left alone, rollup makes each its own tiny chunk, and the first paint pays per
 * file; here they join two chunks the page loads anyway:
 * - Lit and the shared helpers go in chunks/lit. Not in the entry: a node element module
 *   importing dist/v2u-editor.js would define <v2u-editor> again on a page that loaded the
 *   editor from elsewhere (dist/src, a bundler).
 * - The core modules go in chunks/core-shared, which the editor imports with short names.
 *   dist/core.js, the public entry for node packs, only re-exports it, so the page does not
 *   load its long export list before first paint. defineNode, which only node modules
 *   (and the lazy inspector and engine) call, sits apart in chunks/define-node, and so does
 *   the columnar table (chunks/table), which only node logic and the pool use. defineNode's
 *   manifest checks sit with it: the registry imports them lazily (registry/bundle-checks).
 *   The core stays DOM-free on its own, because workers import node modules, and through them the core.
 *   core/structure (groups and subflows as editing commands) stays out of it: only lazy
 *   editing code and the engine use it.
 */
function manualChunks(id) {
  const litCore = /\/node_modules\/(@lit\/reactive-element|lit-element)\/|\/node_modules\/lit-html\/(lit-html|directive|is-server)\.js$|\/node_modules\/lit\/(index|directive)\.js$/;
  if ((litCore.test(id) && !id.includes('/decorators')) || id.includes('/dist/src/elements/shared/')) return 'lit';
  if (id.endsWith('/dist/src/core/index.js')) return 'core';
  if (id.endsWith('/dist/src/core/define-node.js')) return 'define-node';
  // Manifest checks (and the icon checks only they use): node modules (defineNode) and the
  // registry (a chunk it requests when made) use them, never first paint.
  if (/\/dist\/src\/core\/(validate-manifest|icon)\.js$/.test(id)) return 'define-node';
  // The columnar table, the event-loop turn and the run-time error codes serve node logic, the
  // engine and the pool, never first paint.
  if (id.includes('/dist/src/core/table/') || /\/dist\/src\/core\/(event-loop|run-errors)\.js$/.test(id)) return 'table';
  // The engine, auto-layout, core/structure (group and subflow commands), builder-made types
  // (their checks bring JSONata's parser) and the geometry helpers of editing are lazy: they
  // stay in the chunks that use them.
  if (id.includes('/dist/src/core/') && !/\/dist\/src\/core\/((engine|auto-layout|structure)\/|(geometry|built-type|validate-built-type)\.js$)/.test(id)) return 'core-shared';
  return undefined;
}

// The built-in library's index carries its manifests: one request gives a first visit every type.
const library = nodeLibraryInputs({ srcDir: 'dist/src/nodes', prefix: 'nodes/', inline: true });

export default [
  {
    input: 'dist/src/runtime/pool/worker.js',
    output: { file: WORKER, format: 'es', sourcemap: true },
    plugins: plugins(),
  },
  {
    input: { 'v2u-editor': 'dist/src/index.js', core: 'dist/src/core/index.js', ...library.input },
    // The editor's own modules go in the entry file itself (one file fewer before first
    // paint); lazy chunks import what they share with it from there.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: (chunk) => (chunk.name.startsWith('nodes/') ? '[name]-[hash].js' : '[name].js'),
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
      sourcemap: true,
    },
    plugins: [workerAsset(), layoutChunk(), builtLogicChunk(), packModuleChunk(), libraryUrl(), ...plugins(), ...library.plugins],
  },
  nodeLibraryConfig({ srcDir: 'dist/test/fixtures/nodes', outDir: 'dist/test/fixtures/bundled', plugins: plugins(), maxPerBundle: 2 }),
  // The same fixtures with a compact index (manifests inline), for the tests of that path.
  nodeLibraryConfig({ srcDir: 'dist/test/fixtures/nodes', outDir: 'dist/test/fixtures/bundled-inline', plugins: plugins(), maxPerBundle: 2, inline: true }),
].filter(Boolean);
