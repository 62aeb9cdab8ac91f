// Lets the test server load frameworks that ship CommonJS only (React, ReactDOM, scheduler)
// as ES modules, the way a bundler would. Vue and Angular ship ESM and need nothing.
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupReplace from '@rollup/plugin-replace';
import { fromRollup } from '@web/dev-server-rollup';

const commonjs = fromRollup(rollupCommonjs);
const replace = fromRollup(rollupReplace);

/** Only these packages are CommonJS; everything else stays untouched (and fast). */
const CJS_PACKAGES = ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'];

/** @returns {import('@web/test-runner-core').TestRunnerPlugin[]} */
export function frameworkPlugins() {
  return [
    // The browser has no `process`: pick React's development build, as a bundler would.
    replace({ include: CJS_PACKAGES, preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('development') } }),
    // Each file is transformed alone here, so a require() of another CommonJS file must
    // take that file's default export (its module.exports), not its namespace.
    commonjs({ include: CJS_PACKAGES, requireReturnsDefault: 'preferred' }),
  ];
}
