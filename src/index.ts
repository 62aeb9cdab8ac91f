/**
 * V2U: `<v2u-editor>` and its public API. Importing this module defines the element.
 * @packageDocumentation
 */
export { V2uEditor } from './elements/editor/editor.js';
export type { V2uChangeDetail, V2uErrorDetail, V2uEventMap, V2uSelectDetail } from './elements/shared/events.js';
export { ManifestMap } from './registry/manifest-map.js';
export * from './core/index.js';
