import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, centerOf, drag, portDot } from './editor-helpers.js';
import { deleteBuilt, listBuilt } from '../../src/runtime/built/built-types.js';
import { builderEditor, clickIn, inBuilder, openBuilder, rowControl, typeInto } from './builder-helpers.js';

const paletteItem = (el: V2uEditor, type: string) => el.shadowRoot!.querySelector('v2u-palette')!.shadowRoot!.querySelector<HTMLElement>(`[part~="item"][data-v2u-type="${type}"]`);

/** Builds "Scale it" (a × factor) in the builder with the real mouse and keyboard. */
async function buildScaleType(el: V2uEditor, type = 'test/scale-it') {
  const builder = await openBuilder(el);
  expect(document.activeElement === el && el.shadowRoot!.activeElement?.id, 'the type id has focus').to.equal('nb-type');
  await typeInto(el, '#nb-type', type);
  await typeInto(el, '#nb-title', 'Scale it');
  // Remove input b, rename the output, write its expression.
  await clickIn(el, '.nb-remove[aria-label="Remove input b"]');
  expect(builder.value.inputs, 'input b is gone').to.have.keys('a');
  await typeInto(el, rowControl(builder, 'outputs', 0, 'name'), 'scaled');
  await clickIn(el, '[data-add="config"]');
  await typeInto(el, rowControl(builder, 'config', 0, 'name'), 'factor');
  await typeInto(el, rowControl(builder, 'config', 0, 'default'), '3');
  const expr = `#nb-expr-${builder.querySelector<HTMLElement>('#nb-outputs .nb-row')!.dataset.row}`;
  await typeInto(el, expr, 'a * $config.factor');
  return builder;
}

describe('the visual node builder', function () {
  // Saved types stay in this origin's IndexedDB, where every later editor would restore them.
  afterEach(async () => {
    const registry = document.querySelector('v2u-editor')?.registry;
    if (registry) for (const type of listBuilt(registry)) await deleteBuilt(registry, type.type);
  });
  // Each test types into many fields with the real keyboard: a few hundred protocol round trips.
  this.timeout(90000);

  it('builds a node type with mouse and keyboard, test-runs it, saves it, and the type is placed from the palette and runs on the canvas', async () => {
    const el = await builderEditor({ version: 2, nodes: [{ id: 'n', type: 'create/fixture-number', position: { x: 40, y: 60 }, config: { value: 7 } }], edges: [] });
    const builder = await buildScaleType(el);
    expect(builder.value).to.deep.include({ type: 'test/scale-it', title: 'Scale it' });
    expect(builder.value.logic).to.deep.equal({ kind: 'expression', outputs: { scaled: 'a * $config.factor' } });
    expect($$(el, 'v2u-node-builder [aria-invalid="true"]').map((c) => c.id), 'no field is in error').to.deep.equal([]);
    // The preview is the editor's own node shell.
    const shell = inBuilder(el, '.nb-shell [data-node]');
    expect(shell.querySelector('.header')!.textContent).to.equal('Scale it');
    expect([...shell.querySelectorAll<HTMLElement>('.port-dot')].map((d) => `${d.dataset.side}:${d.dataset.port}`)).to.deep.equal(['in:a', 'out:scaled']);
    // And its inspector is the real one, with the config field.
    const inspector = inBuilder(el, 'v2u-inspector');
    expect(inspector.shadowRoot!.querySelector<HTMLInputElement>('#f-factor')!.value).to.equal('3');
    // Test run on sample input.
    const sample = `#nb-sample-${builder.querySelector<HTMLElement>('#nb-inputs .nb-row')!.dataset.row}`;
    await typeInto(el, sample, '14');
    await clickIn(el, '#nb-run');
    await waitUntil(() => builder.querySelector('[data-output="scaled"]'), 'the test run shows its output', { timeout: 10000 });
    expect(inBuilder(el, '[data-output="scaled"]').textContent).to.equal('42');
    // Save with the keyboard: focus Save, press Enter.
    inBuilder(el, '#nb-save').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => paletteItem(el, 'test/scale-it'), 'the saved type is in the palette');
    await waitUntil(() => inBuilder(el, '.nb-status').textContent!.includes('Saved Scale it'), 'the builder says it is saved (and stored)');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'v2u-node-builder'), 'Escape closes the builder');
    // Use it: pick it in the palette, wire Number → Scale it with the mouse, run.
    await sendMouse({ type: 'click', position: centerOf(paletteItem(el, 'test/scale-it')!) });
    await el.updateComplete;
    const node = [...el.store.state.nodes()].find((n) => n.type === 'test/scale-it')!;
    expect(node, 'a node of the new type is on the canvas').to.exist;
    el.store.moveNodes([{ id: node.id, position: { x: 360, y: 60 } }]);
    el.showViewport({ x: 0, y: 0, zoom: 1 });
    await el.updateComplete;
    await drag(centerOf(portDot(el, 'n', 'value', 'out')), centerOf(portDot(el, node.id, 'a', 'in')));
    expect([...el.store.state.edges()], 'the mouse connected them').to.have.length(1);
    const summary = await el.run();
    expect(summary.status).to.equal('done');
    expect(el.nodeState(node.id)!.output).to.deep.equal({ scaled: 21 });
  });

  it('finds a saved type in the palette of a new editor (as after a reload: read from IndexedDB)', async () => {
    const first = await builderEditor();
    await buildScaleType(first, 'test/kept-type');
    await clickIn(first, '#nb-save');
    await waitUntil(() => paletteItem(first, 'test/kept-type'), 'saved');
    first.remove();
    const second = await builderEditor();
    await waitUntil(() => paletteItem(second, 'test/kept-type'), 'a fresh editor lists the saved type', { timeout: 5000 });
    // And it can be edited again: the palette's Edit button opens it in the builder.
    const edit = second.shadowRoot!.querySelector('v2u-palette')!.shadowRoot!.querySelector<HTMLElement>('[part="item-edit"][data-v2u-type="test/kept-type"]')!;
    await sendMouse({ type: 'click', position: centerOf(edit) });
    await waitUntil(() => $(second, 'v2u-node-builder dialog[open]'), 'Edit opens the builder');
    expect(inBuilder<HTMLInputElement>(second, '#nb-title').value).to.equal('Scale it');
    expect(inBuilder(second, '#nb-heading').textContent).to.contain('test/kept-type');
  });

  it('deletes a saved type after a confirming second press: gone from the palette and from storage', async () => {
    const first = await builderEditor();
    await buildScaleType(first, 'test/doomed-type');
    await clickIn(first, '#nb-save');
    await waitUntil(() => inBuilder(first, '.nb-status').textContent!.includes('Saved'), 'saved and stored');
    await clickIn(first, '#nb-delete');
    expect(inBuilder(first, '#nb-delete').textContent).to.contain('Confirm delete');
    expect(!!first.registry.get('test/doomed-type'), 'one press deletes nothing').to.equal(true);
    await clickIn(first, '#nb-delete');
    await waitUntil(() => !$(first, 'v2u-node-builder dialog[open]'), 'the panel closes');
    await waitUntil(() => !paletteItem(first, 'test/doomed-type'), 'gone from the palette');
    first.remove();
    const second = await builderEditor();
    await second.registry.restore();
    expect(listBuilt(second.registry).map((t) => t.type), 'not restored from IndexedDB').to.not.include('test/doomed-type');
    expect(!!paletteItem(second, 'test/doomed-type')).to.equal(false);
  });

  it('names the field at fault as you type, and only a refused save sends v2u-error', async () => {
    const el = await builderEditor();
    const builder = await openBuilder(el);
    const errors: Array<{ path?: string; source: string; message: string }> = [];
    el.addEventListener('v2u-error', (e) => errors.push(e.detail));
    await typeInto(el, '#nb-type', 'Not A Type');
    expect(inBuilder(el, '#nb-type').getAttribute('aria-invalid')).to.equal('true');
    expect(inBuilder(el, '#nb-type-error').textContent, 'the message names the field').to.contain('type');
    expect(inBuilder(el, '#nb-type').getAttribute('aria-describedby')).to.contain('nb-type-error');
    await typeInto(el, '#nb-type', 'test/ok');
    expect(inBuilder(el, '#nb-type').getAttribute('aria-invalid')).to.equal('false');
    const expr = `#nb-expr-${builder.querySelector<HTMLElement>('#nb-outputs .nb-row')!.dataset.row}`;
    await typeInto(el, expr, 'a +');
    expect(inBuilder(el, expr).getAttribute('aria-invalid')).to.equal('true');
    expect(inBuilder(el, `${expr}-error`).textContent).to.contain('$.logic.outputs.result');
    expect(errors, 'typing sends no v2u-error').to.deep.equal([]);
    await clickIn(el, '#nb-save');
    expect(errors.map((e) => `${e.source} ${e.path}`)).to.deep.equal(['builder $.logic.outputs.result']);
    expect(inBuilder(el, '.nb-alert').textContent).to.contain('Cannot save').and.contain('$.logic.outputs.result');
    expect(el.registry.get('test/ok'), 'nothing was registered').to.equal(undefined);
  });

  it('renders hostile strings typed into builder fields as text, in the form, the preview, the inspector and the palette', async () => {
    const el = await builderEditor();
    const builder = await openBuilder(el);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await typeInto(el, '#nb-title', `Evil ${hostile}`);
    await typeInto(el, '#nb-description', hostile);
    await typeInto(el, '#nb-keywords', hostile);
    await typeInto(el, rowControl(builder, 'inputs', 0, 'name'), '<b onmouseover=alert(1)>a</b>');
    await clickIn(el, '[data-add="config"]');
    await typeInto(el, rowControl(builder, 'config', 0, 'label'), hostile);
    const expr = `#nb-expr-${builder.querySelector<HTMLElement>('#nb-outputs .nb-row')!.dataset.row}`;
    await typeInto(el, expr, '"<img src=x onerror=alert(3)>"');
    await clickIn(el, '#nb-save');
    await waitUntil(() => el.registry.get('custom/my-node'), 'saved');
    await waitUntil(() => paletteItem(el, 'custom/my-node'), 'in the palette');
    await waitUntil(() => inBuilder(el, '.nb-status').textContent!.includes('Saved Evil'), 'the status names the saved type');
    const shell = inBuilder(el, '.nb-shell [data-node]');
    expect(shell.querySelector('.header')!.textContent, 'the preview shows the title as text').to.equal(`Evil ${hostile}`);
    expect(shell.querySelector('.port-label')!.textContent).to.equal('<b onmouseover=alert(1)>a</b>');
    const inspector = inBuilder(el, 'v2u-inspector').shadowRoot!;
    expect(inspector.querySelector('label[for="f-field1"]')!.textContent).to.equal(hostile);
    expect(paletteItem(el, 'custom/my-node')!.textContent).to.contain(`Evil ${hostile}`);
    const all = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? all(e.shadowRoot) : [])]);
    const made = all(el.shadowRoot!).filter((e) => ['IMG', 'SCRIPT', 'B'].includes(e.tagName) || [...e.attributes].some((a) => /^on/i.test(a.name)));
    expect(made.map((e) => e.outerHTML.slice(0, 60)), 'no element or handler came from the strings').to.deep.equal([]);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('makes a subflow type of the selection (the graph is untouched), with ports from its boundary, and test-runs it', async () => {
    const graph = {
      version: 2,
      nodes: [
        { id: 'n', type: 'create/fixture-number', position: { x: 40, y: 60 }, config: { value: 4 } },
        { id: 'd', type: 'transform/fixture-double', position: { x: 320, y: 60 }, config: {} },
        { id: 'd2', type: 'transform/fixture-double', position: { x: 600, y: 60 }, config: {} },
        { id: 'd3', type: 'transform/fixture-double', position: { x: 880, y: 60 }, config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'n', port: 'value' }, to: { node: 'd', port: 'value' } },
        { id: 'e2', from: { node: 'd', port: 'value' }, to: { node: 'd2', port: 'value' } },
        { id: 'e3', from: { node: 'd2', port: 'value' }, to: { node: 'd3', port: 'value' } },
      ],
    };
    const el = await builderEditor(graph);
    el.select(['d', 'd2']);
    const before = JSON.stringify(el.graph);
    const builder = await openBuilder(el);
    await clickIn(el, 'input[name="nb-logic"][value="subflow"]');
    expect(inBuilder<HTMLSelectElement>(el, '#nb-subflow').value).to.equal('selection');
    expect(builder.value.logic.kind).to.equal('subflow');
    expect(Object.keys(builder.value.inputs), 'an input per edge into the selection').to.deep.equal(['value']);
    expect(Object.keys(builder.value.outputs), 'an output per edge out of it').to.deep.equal(['value']);
    expect(JSON.stringify(el.graph), 'the graph is not changed').to.equal(before);
    await typeInto(el, '#nb-type', 'test/quadruple');
    expect($$(el, 'v2u-node-builder [aria-invalid="true"]').map((c) => c.id)).to.deep.equal([]);
    await typeInto(el, `#nb-sample-${builder.querySelector<HTMLElement>('#nb-inputs .nb-row')!.dataset.row}`, '5');
    await clickIn(el, '#nb-run');
    await waitUntil(() => builder.querySelector('.nb-result dl, .nb-result .nb-error'), 'the test run ends', { timeout: 10000 });
    expect(inBuilder(el, '[data-output="value"]').textContent, 'the inner nodes ran: 5 doubled twice').to.equal('20');
  });

  it('saves a saved type under a new id as a new type beside it, and says so before and after', async () => {
    const el = await builderEditor();
    await buildScaleType(el, 'test/scale-one');
    await clickIn(el, '#nb-save');
    await waitUntil(() => inBuilder(el, '.nb-status').textContent!.includes('Saved Scale it'), 'saved');
    expect(inBuilder(el, '#nb-save').textContent!.trim(), 'an unchanged id saves in place').to.equal('Save');
    await typeInto(el, '#nb-type', 'test/scale-two');
    expect(inBuilder(el, '#nb-save').textContent!.trim(), 'a new id makes a new type').to.equal('Save as new type');
    await clickIn(el, '#nb-save');
    await waitUntil(() => inBuilder(el, '.nb-status').textContent!.includes('(test/scale-two)'), 'saved under the new id');
    expect(inBuilder(el, '.nb-status').textContent).to.contain('test/scale-one stays as it was');
    expect(listBuilt(el.registry).map((t) => t.type).sort(), 'both types are kept').to.deep.equal(['test/scale-one', 'test/scale-two']);
    expect(inBuilder(el, '#nb-heading').textContent).to.equal('Edit node type test/scale-two');
  });

  it('exports a saved type as a node pack (downloads) and imports it by URL into a second editor, where it runs', async () => {
    const first = await builderEditor();
    await buildScaleType(first, 'test/shared-type');
    await clickIn(first, '#nb-save');
    await waitUntil(() => first.registry.get('test/shared-type') && inBuilder(first, '.nb-status').textContent!.includes('Saved'), 'saved');
    const downloads: Array<{ name: string; url: string }> = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) downloads.push({ name: this.download, url: this.href });
      else click.call(this);
    };
    try {
      await clickIn(first, '#nb-export');
      await waitUntil(() => inBuilder(first, '.nb-status').textContent!.includes('Exported'), 'exported', { timeout: 10000 });
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const bundle = downloads.find((d) => d.name === 'bundle.json');
    expect(bundle, `a bundle among ${downloads.map((d) => d.name)}`).to.exist;
    expect(downloads.some((d) => d.name.endsWith('.mjs')), 'and the generated ES module').to.equal(true);
    // Forget it on this origin, so the second editor can only have it from the pack.
    await deleteBuilt(first.registry, 'test/shared-type');
    first.remove();
    const second = await builderEditor({ version: 2, nodes: [{ id: 'n', type: 'create/fixture-number', position: { x: 40, y: 60 }, config: { value: 5 } }], edges: [] });
    expect(second.registry.get('test/shared-type'), 'the second editor does not know it yet').to.equal(undefined);
    await openBuilder(second);
    await typeInto(second, '#nb-import-url', bundle!.url);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => paletteItem(second, 'test/shared-type'), 'the imported type is in the palette', { timeout: 10000 });
    await waitUntil(() => inBuilder(second, '.nb-status').textContent!.includes('Imported 1 node type: test/shared-type'), 'the builder says what it imported');
    const node = second.store.addNode({ type: 'test/shared-type', position: { x: 360, y: 60 } });
    second.store.connect({ node: 'n', port: 'value' }, { node: node.id, port: 'a' });
    await second.run();
    expect(second.nodeState(node.id)!.output, 'it runs in the second editor').to.deep.equal({ scaled: 15 });
  });
});
