/**
 * Where the node pack writer (`pack-module.ts`) lives: next to this module in dist/src, and
 * wherever rollup emits its chunk in the bundle (rollup.config.mjs rewrites this expression).
 */
export function packModuleUrl(): string {
  return new URL('./pack-module.js', import.meta.url).href;
}
