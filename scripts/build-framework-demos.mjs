// Bundles the React and Angular demo apps (demo/react/app.js, demo/angular/app.js) into
// dist/demo/, with their framework but without the editor, which the pages load from
// dist/v2u-editor.js through an import map. React ships CommonJS and rxjs ships ESM the
// browser cannot load unbundled, hence this step; the Vue demo needs none. `npm run build`
// keeps dist/demo/, so a running `npm start` keeps serving them through a rebuild.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';

const started = performance.now();
const bundle = await rollup({
  input: { 'react-app': 'demo/react/app.js', 'angular-app': 'demo/angular/app.js' },
  external: ['v2u-editor'],
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    nodeResolve({ browser: true }),
    commonjs(),
  ],
  onwarn(warning, warn) {
    // Angular's and rxjs's bundles say `this` at the top level; harmless in ESM.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
});
await bundle.write({ dir: 'dist/demo', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' });
await bundle.close();
console.log(`framework demos: dist/demo/ in ${Math.round(performance.now() - started)} ms`);
