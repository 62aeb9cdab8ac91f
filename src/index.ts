/**
 * V2U: `<v2u-editor>` and its public API. Importing this module defines the element.
 * The DOM-free core (parseDocument, GraphStore, defineNode, …) is `v2u-editor/core`
 * (`dist/core.js` for script-tag users); only its types are re-exported here, to keep the
 * entry small.
 * @packageDocumentation
 */
export { V2uEditor } from './elements/editor/editor.js';
export type { V2uChangeDetail, V2uErrorDetail, V2uEventMap, V2uSelectDetail } from './elements/shared/events.js';
export { ManifestMap } from './registry/manifest-map.js';
export type * from './core/index.js';
