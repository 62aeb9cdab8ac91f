// `node scripts/node-sizes.mjs` (after `npm run build`): min+gzip bytes of each node module
// bundled on its own with rollup + terser, the way its lazily loaded chunk would ship.
// "alone" includes every library the module imports; "own" leaves out the libraries that
// are shared chunks (jsonata, papaparse, d3-*, lit), which a page loads once for all nodes. Fails if any
// bundle contains eval or new Function.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const ROOT = 'dist/src/nodes';
const SHARED_LIBS = /^(jsonata|papaparse|d3-[a-z]+|lit)(\/|$)/;

async function gzipOf(input, external = () => false, extra = []) {
  const bundle = await rollup({ input, external, onwarn: () => {}, plugins: [...extra, nodeResolve({ browser: true }), commonjs(), terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } })] });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  // Strict CSP: nothing a node ships may compile code at run time.
  if (/\bnew Function\b|(^|[^.\w])eval\(/.test(output[0].code)) throw new Error(`${input}: the bundle contains eval or new Function`);
  return gzipSync(output[0].code, { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const modules = readdirSync(ROOT, { recursive: true })
  .map(String)
  .filter((file) => file.endsWith('.js') && !file.startsWith('shared'))
  .sort();

console.log('| module | alone (min+gzip) | own, shared libs excluded |\n| --- | ---: | ---: |');
for (const file of modules) {
  const input = join(ROOT, file);
  const [alone, own] = await Promise.all([gzipOf(input), gzipOf(input, (id) => SHARED_LIBS.test(id))]);
  console.log(`| ${relative(ROOT, input)} | ${kb(alone)} | ${kb(own)} |`);
}
for (const library of ['jsonata', 'papaparse', 'd3-scale', 'd3-shape']) {
  const input = `virtual:${library}`;
  const source = ['jsonata', 'papaparse'].includes(library) ? `export { default } from '${library}';` : `export * from '${library}';`;
  const entry = { name: 'entry', resolveId: (id) => (id === input ? id : null), load: (id) => (id === input ? source : null) };
  console.log(`| library ${library} (all of it) | ${kb(await gzipOf(input, () => false, [entry]))} | |`);
}
