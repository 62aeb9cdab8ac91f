import { fixture, html } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { resolveFixture } from '../fixtures/engine/index.js';
import type { V2uWarningDetail } from '../../src/registry/metrics.js';

export const ENGINE_TYPES = ['create/number', 'transform/add', 'utility/spin', 'utility/fail', 'utility/crash', 'utility/hog', 'create/counter'];

/**
 * An editor that knows the engine fixture nodes by module URL, auto-run off unless asked.
 * `onWarning` listens from the first render, before the editor does any asynchronous work.
 */
export async function runnable(graph: unknown, options: { autoRun?: boolean; storageKey?: string; onWarning?: (event: CustomEvent<V2uWarningDetail>) => void } = {}): Promise<V2uEditor> {
  const el = await fixture<V2uEditor>(
    html`<v2u-editor no-library no-palette ?no-auto-run=${!options.autoRun} storage-key=${options.storageKey ?? ''} @v2u-warning=${options.onWarning} style="width: 900px; height: 400px"></v2u-editor>`,
  );
  for (const type of ENGINE_TYPES) {
    const { manifest, moduleUrl } = resolveFixture(type)!;
    el.registry.register({ ...manifest, module: moduleUrl });
  }
  el.graph = graph as never;
  await el.whenEditable();
  return el;
}

export const node = (id: string, type: string, config: Record<string, unknown> = {}, x = 0) => ({ id, type, position: { x, y: 0 }, config });
export const wire = (from: string, fromPort: string, to: string, toPort: string) => ({ id: `${from}-${to}-${toPort}`, from: { node: from, port: fromPort }, to: { node: to, port: toPort } });
