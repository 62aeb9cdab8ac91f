// A rollup config factory for node libraries: every `<category>/<name>.js` logic module and
// `<name>.element.js` element module under `srcDir` (tsc output) becomes its own entry chunk,
// and the manifests become JSON bundles by category and priority plus `bundles/index.json`,
// with module URLs relative to each bundle. The editor entry never sees any of it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every logic module (and its element module, if any) under `dir`, by entry name `category/name`. */
export function discoverNodes(dir) {
  const found = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      // shared/ holds helpers of the node modules, not node modules.
      if (statSync(path).isDirectory()) name !== 'shared' && walk(path);
      else if (name.endsWith('.js') && !name.endsWith('.element.js') && !name.endsWith('.test.js')) {
        const element = path.replace(/\.js$/, '.element.js');
        found.push({ name: relative(dir, path).replace(/\\/g, '/').replace(/\.js$/, ''), logic: path, element: existsSync(element) ? element : undefined });
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

/**
 * The rollup plugin: after the chunks are named, import each logic module in Node and emit the
 * manifest bundles. With `inline`, the index also carries every bundle's manifests (a compact
 * index, one request for the whole library on a first visit); the bundle files stay for
 * registries that fetch them one by one.
 */
export function nodeBundles({ nodes, maxPerBundle = 20, prefix = '', inline = false }) {
  return {
    name: 'v2u-node-bundles',
    async generateBundle(_options, bundle) {
      const { manifestOf } = await import(pathToFileURL(resolve('dist/src/core/define-node.js')).href);
      const { splitIntoBundles } = await import(pathToFileURL(resolve('dist/src/registry/bundles.js')).href);
      // File names relative to the folder holding bundles/ (the output dir, or `prefix` in it).
      const fileOf = (path) => Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === resolve(path))?.fileName.slice(prefix.length);
      const entries = [];
      for (const node of nodes) {
        const definition = (await import(pathToFileURL(resolve(node.logic)).href)).default;
        if (typeof definition?.processLogic !== 'function') this.error(`${node.logic} has no default export made by defineNode`);
        const element = node.element && `../${fileOf(node.element)}`;
        entries.push({ ...manifestOf(definition), module: `../${fileOf(node.logic)}`, ...(element ? { element } : {}) });
      }
      const index = { format: 'v2u-bundle-index', bundles: [] };
      const counters = new Map();
      for (const b of splitIntoBundles(entries, maxPerBundle)) {
        const stem = `${b.category}-${b.priority}`;
        const n = counters.get(stem) ?? 0;
        counters.set(stem, n + 1);
        const fileName = `bundles/${stem}-${n}.json`;
        this.emitFile({ type: 'asset', fileName: prefix + fileName, source: JSON.stringify(b) });
        index.bundles.push({ url: `./${fileName.slice('bundles/'.length)}`, category: b.category, priority: b.priority, types: b.nodes.map((x) => x.type), hash: b.hash, ...(inline ? { nodes: b.nodes } : {}) });
      }
      this.emitFile({ type: 'asset', fileName: `${prefix}bundles/index.json`, source: inline ? JSON.stringify(index) : JSON.stringify(index, null, 1) });
    },
  };
}

/** Entries and plugins that add the node library in `srcDir` to another build, under `prefix`. */
export function nodeLibraryInputs({ srcDir, prefix, maxPerBundle, inline }) {
  const nodes = discoverNodes(srcDir);
  const input = {};
  for (const node of nodes) {
    input[prefix + node.name] = node.logic;
    if (node.element) input[`${prefix}${node.name}.element`] = node.element;
  }
  return { input, plugins: nodes.length ? [nodeBundles({ nodes, maxPerBundle, prefix, inline })] : [] };
}

/** A rollup config building the node library in `srcDir` into `outDir`, or null when there are no nodes. */
export function nodeLibraryConfig({ srcDir, outDir, plugins = [], maxPerBundle, inline }) {
  const library = nodeLibraryInputs({ srcDir, prefix: '', maxPerBundle, inline });
  if (library.plugins.length === 0) return null;
  return {
    input: library.input,
    preserveEntrySignatures: 'strict',
    output: { dir: outDir, format: 'es', entryFileNames: '[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    plugins: [...plugins, ...library.plugins],
  };
}
