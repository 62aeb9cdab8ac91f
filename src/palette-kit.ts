/**
 * The node palette (`<v2u-palette>`, defined on import) and the lazy element loader, for
 * pages that build their own UI around a `NodeRegistry` (see demo/registry.html). The editor
 * loads them lazily with its editing tools; they are not in the entry, which stays within
 * its budget. Import this module through `loadPaletteKit()` from the entry.
 */
export { LazyElementLoader } from './runtime/lazy-element-loader.js';
export { V2uPalette, PALETTE_DRAG_TYPE } from './elements/palette/palette.js';
