import { fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uNodeBuilder } from '../../src/elements/builder/builder.component.js';
import { $, centerOf, chord } from './editor-helpers.js';

/** The test fixtures' node library (bundled like the built-in one): `create/fixture-number` is a runnable source. */
export const FIXTURE_LIBRARY = new URL('../fixtures/bundled/bundles/index.json', import.meta.url).href;

/** An editor with a palette over the fixture library (restored from IndexedDB as the built-in one is), measured and editable. */
export async function builderEditor(graph: unknown = { version: 2, nodes: [], edges: [] }, storageKey = `builder-${Math.random()}`): Promise<V2uEditor> {
  await resetMouse();
  const el = await fixture<V2uEditor>(
    html`<v2u-editor library=${FIXTURE_LIBRARY} no-auto-run storage-key=${storageKey} .graph=${graph} style="position: fixed; left: 0; top: 0; width: 1100px; height: 640px"></v2u-editor>`,
  );
  await el.whenReady();
  await waitUntil(() => el.canvasSize.width > 0, 'the canvas gets measured');
  await el.whenEditable();
  await el.updateComplete;
  return el;
}

/** Opens the builder with a real click on the toolbar's New type button; resolves with the builder once its dialog is open. */
export async function openBuilder(el: V2uEditor): Promise<V2uNodeBuilder> {
  await sendMouse({ type: 'click', position: centerOf($(el, 'button[data-action="new-node-type"]')!) });
  await waitUntil(() => $(el, 'v2u-node-builder dialog[open]'), 'the builder opens', { timeout: 10000 });
  const builder = $<V2uNodeBuilder>(el, 'v2u-node-builder')!;
  await builder.updateComplete;
  return builder;
}

export const inBuilder = <T extends HTMLElement = HTMLElement>(el: V2uEditor, selector: string): T => {
  const found = $<T>(el, `v2u-node-builder ${selector}`);
  if (!found) throw new Error(`no ${selector} in the builder`);
  return found;
};

/** Clicks a control (real mouse) and replaces its text by typing (real keyboard). */
export async function typeInto(el: V2uEditor, selector: string, text: string): Promise<void> {
  const control = inBuilder(el, selector);
  control.scrollIntoView({ block: 'center' });
  await sendMouse({ type: 'click', position: centerOf(control) });
  await chord(['Control'], 'a');
  await sendKeys({ press: 'Delete' });
  if (text) await sendKeys({ type: text });
  await (el.shadowRoot!.querySelector('v2u-node-builder') as V2uNodeBuilder).updateComplete;
}

/** Clicks a control in the builder with the real mouse. */
export async function clickIn(el: V2uEditor, selector: string): Promise<void> {
  const control = inBuilder(el, selector);
  control.scrollIntoView({ block: 'center' });
  await sendMouse({ type: 'click', position: centerOf(control) });
  // A click that closes the panel (a confirmed delete) may have removed the builder already.
  await (el.shadowRoot!.querySelector('v2u-node-builder') as V2uNodeBuilder | null)?.updateComplete;
}

/** The id of a port row's control: `rowControl(builder, 'outputs', 0, 'name')` → `#nb-outputs-7-name`. */
export function rowControl(builder: V2uNodeBuilder, side: 'inputs' | 'outputs' | 'config', index: number, part: string): string {
  const row = builder.querySelectorAll<HTMLElement>(`#nb-${side} .nb-row`)[index];
  if (!row) throw new Error(`no ${side} row ${index}`);
  return `#nb-${side}-${row.dataset.row}-${part}`;
}
