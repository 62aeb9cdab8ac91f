// Shared by the controller tests: each file defines its own small host element (a LitElement
// implementing the controller's host interface) under a fresh tag name, and renders it with
// `fixture`, so every controller runs against real DOM, real events and real browser APIs.
import { fixture, html, unsafeStatic } from '@open-wc/testing';
import type { TemplateResult } from 'lit';

/** Defines `element` under a fresh tag name starting with `prefix`; returns the tag. */
export function defineHost(prefix: string, element: CustomElementConstructor): string {
  const tag = `${prefix}-${Math.random().toString(36).slice(2)}`;
  customElements.define(tag, element);
  return tag;
}

/** Renders `<tag …attributes>children</tag>` with `fixture`. */
export function renderHost<T extends Element>(tag: string, attributes = '', children: TemplateResult | string = ''): Promise<T> {
  return fixture<T>(html`<${unsafeStatic(tag)} ${unsafeStatic(attributes)}>${children}</${unsafeStatic(tag)}>`);
}

/** A graph with nodes of these ids as JSON text, to tell graphs apart by their node ids. */
export function graphJson(...ids: string[]): string {
  return JSON.stringify({ version: 2, nodes: ids.map((id, i) => ({ id, type: 'create/number', position: { x: 100 * i, y: 0 }, config: {} })), edges: [] });
}

/** Ids of the nodes a store holds, in order. */
export const nodeIds = (store: { state: { nodes(): Iterable<{ id: string }> } }): string[] => [...store.state.nodes()].map((n) => n.id);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for two rendering frames: what ResizeObserver and idle callbacks need to run. */
export const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
