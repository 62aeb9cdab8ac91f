// Runs inside test/csp/builder-page.html (strict CSP): opens the node builder of the bundled
// editor (its own chunk), fills it in, runs its test run, saves the type, places a node of it
// and runs it in workers, then reports what it saw and every CSP violation to its parent.
import type { V2uNodeBuilder } from '../../src/elements/builder/builder.component.js';
import { BUILT_PREFIX } from '../../src/registry/built-cache.js';
import { bundledEditor, violations } from './page-setup.js';

const until = async (check: () => unknown, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
};

/** Sets a control's value and fires the input and change events a person's typing fires. */
function fill(builder: V2uNodeBuilder, selector: string, value: string) {
  const control = builder.querySelector<HTMLInputElement>(selector)!;
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

async function main() {
  const { editor, library } = await bundledEditor();
  await library;
  await until(() => editor.registry.get('create/fixture-number'), 'the fixture types');
  editor.perform('new-node-type');
  await until(() => editor.shadowRoot!.querySelector('v2u-node-builder dialog[open]'), 'the builder');
  const builder = editor.shadowRoot!.querySelector('v2u-node-builder')!;
  fill(builder, '#nb-type', 'csp/triple');
  fill(builder, '#nb-title', 'Triple <img src=x onerror=alert(1)>');
  await builder.updateComplete;
  const out = builder.querySelector<HTMLElement>('#nb-outputs .nb-row')!.dataset.row;
  fill(builder, `#nb-expr-${out}`, 'a * 3');
  const input = builder.querySelector<HTMLElement>('#nb-inputs .nb-row')!.dataset.row;
  fill(builder, `#nb-sample-${input}`, '5');
  await builder.updateComplete;
  builder.querySelector<HTMLButtonElement>('#nb-run')!.click();
  await until(() => builder.querySelector('[data-output], .nb-result .nb-error'), 'the test run');
  const testOutput = builder.querySelector('[data-output="result"]')?.textContent ?? builder.querySelector('.nb-result')!.textContent;
  builder.querySelector<HTMLButtonElement>('#nb-save')!.click();
  await until(() => editor.registry.get('csp/triple'), 'the saved type');
  const shellTitle = builder.querySelector('.nb-shell .header')!.textContent;
  builder.close();
  const n = editor.store.addNode({ type: 'create/fixture-number', position: { x: 20, y: 20 }, config: { value: 7 } });
  const t = editor.store.addNode({ type: 'csp/triple', position: { x: 300, y: 20 } });
  editor.store.connect({ node: n.id, port: 'value' }, { node: t.id, port: 'a' });
  const summary = await editor.run();
  // The saved type stays in this origin's IndexedDB, where later test pages' editors would restore it.
  await editor.persistence.delete(BUILT_PREFIX + 'csp/triple');
  await new Promise((r) => setTimeout(r, 50));
  parent.postMessage(
    { kind: 'v2u-csp-report', violations, status: summary.status, output: editor.nodeState(t.id)?.output, testOutput, shellTitle, images: editor.shadowRoot!.querySelectorAll('img').length },
    '*',
  );
}

main().catch((error) => parent.postMessage({ kind: 'v2u-csp-report', error: String(error), violations }, '*'));
