/**
 * Where the layout job module lives: next to this module in dist/src (tsc output), and
 * wherever rollup emits its chunk in the bundle (rollup.config.mjs rewrites this expression).
 */
export function layoutTaskUrl(): string {
  return new URL('./layout-task.js', import.meta.url).href;
}
