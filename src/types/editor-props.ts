import type { V2uEditor } from '../elements/editor/editor.component.js';
import type { V2uEventMap } from '../elements/shared/events.js';

/** The editor's properties a framework template may set (`graph` and `manifests` only as properties). */
export type V2uEditorProperties = Partial<
  Pick<
    V2uEditor,
    'graph' | 'value' | 'readonly' | 'disabled' | 'theme' | 'name' | 'snapToGrid' | 'minZoom' | 'maxZoom' | 'registry' | 'manifests' | 'library' | 'noLibrary' | 'noPalette' | 'boxMode'
  >
>;

/** Attribute spellings of the properties whose attribute name differs (kebab-case). */
export interface V2uEditorAttributes {
  'no-library'?: boolean;
  'no-palette'?: boolean;
  'snap-to-grid'?: boolean;
  'box-select'?: boolean;
  'min-zoom'?: number | string;
  'max-zoom'?: number | string;
}

/** `v2u-change` and friends as `{ 'v2u-change': CustomEvent<V2uChangeDetail>, … }`. */
export type V2uEditorEvents = V2uEventMap;
