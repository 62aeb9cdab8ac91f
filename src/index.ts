/**
 * V2U: `<v2u-editor>` and its public API. Importing this module defines the element.
 * The DOM-free core (parseDocument, GraphStore, defineNode, …) is `v2u-editor/core`
 * (`dist/core.js` for script-tag users); only its types are re-exported here, to keep the
 * entry small.
 * @packageDocumentation
 */
export { V2uEditor } from './elements/editor/editor.js';
export type { V2uChangeDetail, V2uDraftDetail, V2uErrorDetail, V2uEventMap, V2uInspectorToggleDetail, V2uOutputDetail, V2uReadyDetail, V2uSelectDetail, V2uWarningDetail } from './elements/shared/events.js';
export { ManifestMap } from './registry/manifest-map.js';
export type * from './core/index.js';
// The node registry, its IndexedDB cache, the lazy element loader and the palette.
export { NodeRegistry, type NodeRegistryOptions, type NodeRegistration, type RegistryCache, type RegistryMetrics } from './registry/node-registry.js';
export type { ManifestBundle, BundleIndex, NodeEntry } from './registry/bundles.js';
export { Persistence, type PersistenceOptions, type PersistenceUsage } from './runtime/persistence.js';
export { RegistryPersistence, type UsageStats } from './runtime/persistence-registry.js';
export type { LazyElementLoader, LazyElementLoaderOptions, LazyMetrics, IntentKind, ElementState } from './runtime/lazy-element-loader.js';
export type { V2uPalette, V2uPalettePickDetail, ManifestListing } from './elements/palette/palette.js';

/**
 * Loads `<v2u-palette>` (defining it) and the `LazyElementLoader`, for a page that builds its
 * own UI around a `NodeRegistry`. A separate chunk: pages with only `<v2u-editor>` never load
 * it twice, and the entry stays small.
 *
 * @example
 * const { LazyElementLoader, PALETTE_DRAG_TYPE } = await loadPaletteKit();
 * const loader = new LazyElementLoader({ registry });
 * document.querySelector('v2u-palette').loader = loader;
 */
export const loadPaletteKit = (): Promise<typeof import('./palette-kit.js')> => import('./palette-kit.js');
