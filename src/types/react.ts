/**
 * React 19 JSX types for `<v2u-editor>`: `import type {} from 'v2u-editor/react'` once and
 * `<v2u-editor graph={graph} onv2u-change={(e) => e.detail.graph} />` type-checks. React 19
 * sets known properties (graph, manifests) as properties and listens to `onv2u-*` events.
 * A separate entry so apps without React never need React's types.
 * @packageDocumentation
 */
import type { HTMLAttributes, Key, RefAttributes } from 'react';
import type { V2uEditor } from '../elements/editor/editor.component.js';
import type { V2uEditorAttributes, V2uEditorEvents, V2uEditorProperties } from './editor-props.js';

/** `onv2u-change`, `onv2u-select`, `onv2u-error` with typed `detail`. */
export type V2uEditorEventProps = { [K in keyof V2uEditorEvents as `on${K}`]?: (event: V2uEditorEvents[K]) => void };

/** Everything JSX accepts on `<v2u-editor>`. */
export type V2uEditorJsxProps = HTMLAttributes<V2uEditor> &
  RefAttributes<V2uEditor> & { key?: Key | null } & V2uEditorProperties &
  V2uEditorAttributes &
  V2uEditorEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'v2u-editor': V2uEditorJsxProps;
    }
  }
}
