/**
 * Where the interpreter of builder-made node types lives (`built-logic.ts`): next to this
 * module in dist/src (tsc output, the CLI), and wherever rollup emits its chunk in the bundle
 * (rollup.config.mjs rewrites this expression). Workers `import()` it by this URL.
 */
export function builtLogicUrl(): string {
  return new URL('./built-logic.js', import.meta.url).href;
}
