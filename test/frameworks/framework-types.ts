// Type test, checked by tsc in the build (nothing here runs): the Vue and React typings
// accept what the docs show and refuse wrong types. Each `@ts-expect-error` fails the build
// if the line it marks ever type-checks.
import type { GlobalComponents } from 'vue';
import type { JSX } from 'react';
import type {} from '../../src/types/vue.js';
import type {} from '../../src/types/react.js';
import type { GraphDocument } from '../../src/core/index.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

declare const graph: GraphDocument;

type VueEditor = InstanceType<GlobalComponents['v2u-editor']>;
export const vueProps: VueEditor['$props'] = { graph, readonly: true, theme: 'dark', 'no-library': true, class: 'flow' };
// @ts-expect-error readonly is a boolean
export const vueBadReadonly: VueEditor['$props'] = { readonly: 'yes' };
// @ts-expect-error graph is a document, not JSON text (that is `value`)
export const vueBadGraph: VueEditor['$props'] = { graph: '{}' };
export const vueElement: V2uEditor = {} as VueEditor;

export function vueEmits(emit: VueEditor['$emit'], change: HTMLElementEventMap['v2u-change']): void {
  emit('v2u-change', change);
  // @ts-expect-error a v2u-change carries a CustomEvent with its detail
  emit('v2u-change', new Event('v2u-change'));
  // @ts-expect-error no such event
  emit('v2u-nope', change);
}

type ReactEditor = JSX.IntrinsicElements['v2u-editor'];
export const reactProps: ReactEditor = {
  graph,
  manifests: undefined,
  readonly: false,
  'no-library': true,
  className: 'flow',
  ref: (el: V2uEditor | null) => void el?.fitView(),
  'onv2u-change': (event) => void event.detail.graph.nodes.length,
  'onv2u-select': (event) => void event.detail.nodes.at(0),
  'onv2u-error': (event) => void event.detail.code,
};
// @ts-expect-error theme is light or dark
export const reactBadTheme: ReactEditor = { theme: 'blue' };
// @ts-expect-error the change detail has no `nodes`; it has `graph`
export const reactBadDetail: ReactEditor = { 'onv2u-change': (event) => event.detail.nodes };
