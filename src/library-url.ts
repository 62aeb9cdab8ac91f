/**
 * Where the built-in node library's bundle index lives: `nodes/bundles/index.json` next to
 * the entry script. This module sits one folder below `dist/` both as tsc emits it
 * (`dist/src/`) and as rollup bundles it (`dist/chunks/`), so one relative URL serves both,
 * and the library resolves against the script's origin, not the page's.
 */
export function defaultLibraryUrl(): string {
  return new URL('../nodes/bundles/index.json', import.meta.url).href;
}
