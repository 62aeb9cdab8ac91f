import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { readSubflows } from '../../src/core/index.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { $, $$, centerOf, chord, dblclick, mountRunnable, nodeHeader, warmUp } from './editor-helpers.js';

/** a (2) → one instance of "Scale" (value → sc, a transform/scale, → value), whose config `sf1Config` is. */
const flow = (sf1Config?: object, scConfig: object = {}) => ({
  version: 2,
  nodes: [
    { id: 'a', type: 'create/number', position: { x: 0, y: 0 }, config: { value: 2 } },
    { id: 'inst', type: 'subflow/sf1', position: { x: 300, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'a', port: 'value' }, to: { node: 'inst', port: 'value' } }],
  subflows: [
    {
      id: 'sf1', version: 1, title: 'Scale', ...(sf1Config ? { config: sf1Config } : {}),
      inputs: [{ name: 'value', type: 'number', targets: [{ node: 'sc', port: 'value' }] }],
      outputs: [{ name: 'value', type: 'number', from: { node: 'sc', port: 'value' } }],
      nodes: [{ id: 'sc', type: 'transform/scale', position: { x: 200, y: 100 }, config: scConfig }],
      edges: [],
    },
  ],
});

const types = ['create/number', 'transform/scale'];
const definition = (el: V2uEditor) => readSubflows(el.graph)[0];

async function openInstance(el: V2uEditor) {
  await dblclick(...centerOf(nodeHeader(el, 'inst')));
  await waitUntil(() => $(el, '.crumbs'), 'the breadcrumb bar appears');
  await el.updateComplete;
}

/** Opens the settings panel with the keyboard: focus on its toggle, Enter. */
async function openSettings(el: V2uEditor) {
  const toggle = $(el, '.crumbs .sf-toggle')!;
  toggle.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
  expect(toggle.getAttribute('aria-expanded'), 'the toggle says the panel is open').to.equal('true');
}

async function typeInto(input: Element, text: string) {
  await sendMouse({ type: 'click', position: centerOf(input) });
  await chord(['Control'], 'a');
  await sendKeys({ type: text });
  await sendKeys({ press: 'Tab' });
}

const inspectorOf = (el: V2uEditor) => $(el, 'v2u-inspector')!.shadowRoot!;

describe('<v2u-editor> subflow settings and boundary', function () {
  this.timeout(60000);
  before(warmUp(flow()));

  it('adds a config field in Subflow settings, binds an inner node to it in the inspector, and the run uses it', async () => {
    const el = await mountRunnable(flow(), types);
    await openInstance(el);
    await openSettings(el);
    const steps: unknown[] = [];
    el.addEventListener('v2u-change', (e) => steps.push(e.detail));

    await sendMouse({ type: 'click', position: centerOf($(el, '.subflow-settings input[name="name"]')!) });
    await sendKeys({ type: 'factor' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => definition(el).config?.factor, 'the field is in the definition');
    expect(definition(el).config).to.deep.equal({ factor: { type: 'string' } });
    await el.updateComplete;

    const type = $<HTMLSelectElement>(el, '[data-field="factor"] select')!;
    type.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => definition(el).config!.factor.type === 'number', 'the type changes to number');
    await el.updateComplete;
    await typeInto($(el, '[data-field="factor"] .sf-default')!, '5');
    await waitUntil(() => definition(el).config!.factor.default === 5, 'the default is read as a number');
    expect(steps, 'each edit is one change of the document').to.have.length(3);

    $(el, '.viewport')!.focus();
    await chord(['Control'], 'z');
    await el.updateComplete;
    expect(definition(el).config, 'undo takes back the default only').to.deep.equal({ factor: { type: 'number' } });
    await chord(['Control', 'Shift'], 'z');
    await el.updateComplete;
    expect(definition(el).config!.factor.default).to.equal(5);

    await sendMouse({ type: 'click', position: centerOf(nodeHeader(el, 'sc')) });
    await el.updateComplete;
    const inspector = $(el, 'v2u-inspector') as HTMLElement & { updateComplete: Promise<boolean> };
    await inspector.updateComplete;
    const bind = inspectorOf(el).querySelector<HTMLSelectElement>('select.bind')!;
    expect(bind, 'the inner node can bind its field to a subflow setting').to.exist;
    bind.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => JSON.stringify(definition(el).nodes[0].config) === '{"factor":{"$param":"factor"}}', 'the inner node reads the setting');
    await inspector.updateComplete;
    expect(inspectorOf(el).querySelector('.bound')?.textContent, 'the inspector shows the binding').to.contain('factor');

    await el.run();
    await el.updateComplete;
    const status = $(el, '[data-node="sc"] [part~="node-status"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(status, '2 × the default 5').to.match(/^done .* 10$/);
  });

  it('renaming a field updates the inner references; removing one still read is refused, naming it; undo restores the name', async () => {
    const el = await mountRunnable(flow({ factor: { type: 'number', default: 3 } }, { factor: { $param: 'factor' } }), types);
    const errors: Array<{ source: string; message: string }> = [];
    el.addEventListener('v2u-error', (e) => errors.push(e.detail));
    await openInstance(el);
    await openSettings(el);

    await typeInto($(el, '[data-field="factor"] .sf-name')!, 'k');
    await waitUntil(() => definition(el).config?.k, 'the field is renamed');
    expect(definition(el).config).to.deep.equal({ k: { type: 'number', default: 3 } });
    expect(definition(el).nodes[0].config, 'the reference follows').to.deep.equal({ factor: { $param: 'k' } });
    await el.updateComplete;

    await sendMouse({ type: 'click', position: centerOf($(el, '[data-field="k"] .sf-remove')!) });
    await el.updateComplete;
    expect(errors.map((e) => e.source)).to.deep.equal(['subflow']);
    expect(errors[0].message).to.contain('"k"').and.contain('"sc"');
    expect(definition(el).config, 'the field stays').to.deep.equal({ k: { type: 'number', default: 3 } });

    await typeInto($(el, '[data-field="k"] .sf-default')!, 'abc');
    await el.updateComplete;
    expect(errors[1]?.message, 'a default that is no number is refused, naming the field').to.contain('"k"').and.contain('number');
    expect(definition(el).config).to.deep.equal({ k: { type: 'number', default: 3 } });
    expect($<HTMLInputElement>(el, '[data-field="k"] .sf-default')!.value, 'the box shows the default kept').to.equal('3');

    $(el, '.viewport')!.focus();
    await chord(['Control'], 'z');
    await el.updateComplete;
    expect(definition(el).config, 'undo renames it back').to.deep.equal({ factor: { type: 'number', default: 3 } });
    expect(definition(el).nodes[0].config).to.deep.equal({ factor: { $param: 'factor' } });
    expect($<HTMLInputElement>(el, '[data-field="factor"] .sf-name')!.value, 'the panel shows the name again').to.equal('factor');
  });

  it('draws the boundary: an input marker left of the inner graph, an output marker right of it, each linked to its port', async () => {
    const el = await mountRunnable(flow(), types);
    expect($(el, '.boundary'), 'no boundary on the flow itself').to.equal(null);
    await openInstance(el);
    const markers = $$(el, '.boundary-port').map((m) => `${m.dataset.boundary}:${m.dataset.name}:${m.textContent!.trim()}`);
    expect(markers).to.deep.equal(['in:value:in · value', 'out:value:out · value']);
    const node = $(el, '[data-node="sc"]')!.getBoundingClientRect();
    const input = $(el, '.boundary-port.in')!.getBoundingClientRect();
    const output = $(el, '.boundary-port.out')!.getBoundingClientRect();
    expect(input.right, 'the input stands left of the inner node').to.be.below(node.left);
    expect(output.left, 'the output stands right of it').to.be.above(node.right);
    expect($$(el, '.boundary path'), 'a line per inner port linked').to.have.length(2);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '.boundary'), 'gone once back out').to.equal(null);
  });
});
