import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { NodeManifest } from '../../src/core/index.js';
import { ManifestMap } from '../../src/registry/manifest-map.js';
import { resolveFixture } from '../fixtures/engine/index.js';

const m = (type: string, category: NodeManifest['category'], title: string, inputs: NodeManifest['inputs'], outputs: NodeManifest['outputs'], extra: Partial<NodeManifest> = {}): NodeManifest => ({
  type,
  version: 1,
  category,
  title,
  inputs,
  outputs,
  ...extra,
});

/** Node types the interaction tests use. */
export const testManifests = new ManifestMap([
  m('create/number', 'create', 'Number', {}, { value: { type: 'number' } }, {
    keywords: ['constant'],
    config: { value: { type: 'number', default: 1 }, unit: { type: 'enum', options: ['kg', 'lb'], default: 'kg' } },
  }),
  m('create/text', 'create', 'Text', {}, { value: { type: 'string' } }, { config: { text: { type: 'text' }, meta: { type: 'json', default: {} } } }),
  m('transform/add', 'transform', 'Add', { a: { type: 'number' }, b: { type: 'number' } }, { sum: { type: 'number' } }),
  m('output/log', 'output', 'Log', { value: { type: 'any', multiple: true } }, {}),
]);

export const smallGraph = {
  version: 2,
  nodes: [
    { id: 'num', type: 'create/number', position: { x: 40, y: 40 }, config: { value: 2 } },
    { id: 'txt', type: 'create/text', position: { x: 40, y: 200 }, config: {} },
    { id: 'add', type: 'transform/add', position: { x: 360, y: 60 }, config: {} },
    { id: 'log', type: 'output/log', position: { x: 640, y: 120 }, config: {} },
  ],
  edges: [] as unknown[],
};

/** Mounts an editor at the top-left of the page, measured, with its editing code loaded, and the view at the origin. */
export async function mountEditor(graph: unknown = smallGraph, attrs: { readonly?: boolean; palette?: boolean; autoRun?: boolean } = {}): Promise<V2uEditor> {
  await resetMouse();
  const el = await fixture<V2uEditor>(
    html`<v2u-editor
      style="position: fixed; left: 0; top: 0; width: 1000px; height: 600px"
      ?readonly=${attrs.readonly ?? false}
      ?no-palette=${!attrs.palette}
      ?no-auto-run=${!attrs.autoRun}
      no-library
      .manifests=${testManifests}
      .graph=${graph}
    ></v2u-editor>`,
  );
  await waitUntil(() => el.canvasSize.width > 0, 'the canvas gets measured');
  await el.whenEditable();
  // The tests place the pointer in graph units: the origin at the canvas's corner, zoom 1,
  // rather than the fit a loaded graph gets (editor-fit.test.ts).
  el.showViewport({ x: 0, y: 0, zoom: 1 });
  await el.updateComplete;
  return el;
}

/** An editor whose registry knows the engine's fixture nodes `types` by module URL, as a node pack would register them. */
export async function mountRunnable(graph: unknown, types: string[], autoRun = false): Promise<V2uEditor> {
  const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette ?no-auto-run=${!autoRun} style="position: fixed; left: 0; top: 0; width: 1000px; height: 600px"></v2u-editor>`);
  for (const type of types) {
    const { manifest, moduleUrl } = resolveFixture(type)!;
    el.registry.register({ ...manifest, module: moduleUrl });
  }
  el.graph = graph as never;
  await el.whenEditable();
  await el.updateComplete;
  return el;
}

/** A `before` hook mounting `graph` once: a file's first mount loads the editing code's modules, which takes long on a loaded machine. */
export function warmUp(graph: unknown) {
  return async function (this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await mountEditor(graph);
  };
}

export const $ = <T extends Element = HTMLElement>(el: V2uEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: V2uEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Every pair of rendered nodes whose boxes (from the DOM) overlap. */
export function domOverlaps(el: V2uEditor): string[] {
  const boxes = $$(el, '[data-node]').map((n) => ({ id: n.dataset.node!, r: n.getBoundingClientRect() }));
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) found.push(`${a.id}/${b.id}`);
  return found;
}

/** The page point of a graph point at the live viewport. */
export function pagePoint(el: V2uEditor, x: number, y: number): [number, number] {
  const box = $(el, '.viewport')!.getBoundingClientRect();
  const v = el.liveViewport;
  return [Math.round(box.left + v.x + x * v.zoom), Math.round(box.top + v.y + y * v.zoom)];
}

export function centerOf(element: Element): [number, number] {
  const r = element.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

export function portDot(el: V2uEditor, node: string, port: string, side: 'in' | 'out'): HTMLElement {
  const dot = $(el, `[data-node="${node}"] .port-dot[data-port="${port}"][data-side="${side}"]`);
  if (!dot) throw new Error(`no ${side} port ${node}.${port} rendered`);
  return dot;
}

export function nodeHeader(el: V2uEditor, node: string): HTMLElement {
  const header = $(el, `[data-node="${node}"] .header`);
  if (!header) throw new Error(`node ${node} is not rendered`);
  return header;
}

/** A real mouse drag in steps, so the page sees pointermove events in between. */
export async function drag(from: [number, number], to: [number, number], steps = 6): Promise<void> {
  await sendMouse({ type: 'move', position: from });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= steps; i++)
    await sendMouse({ type: 'move', position: [Math.round(from[0] + ((to[0] - from[0]) * i) / steps), Math.round(from[1] + ((to[1] - from[1]) * i) / steps)] });
  await sendMouse({ type: 'up' });
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));


/** Presses `key` with modifiers held, as a person does (Control, Shift, Meta). */
export async function chord(modifiers: string[], key: string): Promise<void> {
  for (const m of modifiers) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...modifiers].reverse()) await sendKeys({ up: m });
}

/** A real wheel event at a page position (DevTools protocol). */
export const wheel = (x: number, y: number, deltaY: number, deltaX = 0) => executeServerCommand('v2u-wheel', { x, y, deltaX, deltaY });

/** A real double-click at a page position. */
export const dblclick = (x: number, y: number) => executeServerCommand('v2u-dblclick', { x, y });

/** Real touch points (DevTools protocol), for pinch and touch delays. */
export const touch = (type: 'start' | 'move' | 'end', points: Array<{ x: number; y: number; id: number }>) => executeServerCommand('v2u-touch', { type, points });

/** A real HTML drag and drop from one page point to another (DevTools protocol). */
export const dragAndDrop = (from: [number, number], to: [number, number]) => executeServerCommand('v2u-drag-drop', { from, to });

/** Mounts the small graph, connects num → add, selects both and presses Ctrl+C on a node. */
export async function mountAndCopyPair(): Promise<V2uEditor> {
  const el = await mountEditor();
  el.store.connect({ node: 'num', port: 'value' }, { node: 'add', port: 'a' });
  el.select(['num', 'add']);
  await el.updateComplete;
  await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'num')) });
  await chord(['Control'], 'c');
  return el;
}
