/**
 * Vue 3 template types for `<v2u-editor>`: `import type {} from 'v2u-editor/vue'` once (or
 * list it in tsconfig `types`) and vue-tsc checks its props and `@v2u-change` handlers.
 * A separate entry so apps without Vue never need Vue's types.
 * @packageDocumentation
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { V2uEditor } from '../elements/editor/editor.component.js';
import type { V2uEditorAttributes, V2uEditorEvents, V2uEditorProperties } from './editor-props.js';

/** How Vue sees the element: its props for template checks and its events as emits. */
export type V2uEditorVueComponent = new () => V2uEditor & {
  /** @deprecated For template type checks only; not a real property. */
  $props: HTMLAttributes & V2uEditorProperties & V2uEditorAttributes & PublicProps;
  /** @deprecated For template type checks only; not a real property. */
  $emit: EmitFn<{ [K in keyof V2uEditorEvents]: (event: V2uEditorEvents[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'v2u-editor': V2uEditorVueComponent;
  }
}
