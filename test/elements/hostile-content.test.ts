import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, mountEditor, nextFrame } from './editor-helpers.js';
import type { NodeManifest } from '../../src/core/index.js';

const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=2"><script>window.__pwned=3</script></svg>',
  'javascript:window.__pwned=4',
  '"><iframe src="javascript:window.__pwned=5"></iframe>',
  '{{constructor.constructor("window.__pwned=6")()}}',
];
const hostile = payloads.join(' ');

const evilManifest: NodeManifest = {
  type: 'vendor/evil',
  version: 1,
  category: 'transform',
  title: `Evil ${payloads[0]}`,
  description: payloads[1],
  keywords: [payloads[2]],
  inputs: { [payloads[0]]: { type: 'any' } },
  outputs: { [payloads[1]]: { type: 'any' } },
  config: {
    text: { type: 'string', label: payloads[3], description: payloads[4], default: payloads[0] },
    mode: { type: 'enum', options: [payloads[0], payloads[1]], default: payloads[0] },
    blob: { type: 'json', default: { html: payloads[1] } },
  },
};

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);

/** Every element any V2U shadow root holds, through nested shadow roots. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

function expectNothingExecutable(root: ParentNode) {
  const bad = allElements(root).filter(
    (el) =>
      ['IMG', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
      [...el.attributes].some((a) => /^on/i.test(a.name) || (URL_ATTRIBUTES.has(a.name) && /^\s*javascript:/i.test(a.value))),
  );
  expect(bad.map((el) => el.outerHTML.slice(0, 80))).to.deep.equal([]);
}

describe('hostile content renders as text and runs nothing', () => {
  afterEach(() => delete (window as { __pwned?: unknown }).__pwned);

  it('in node shells, ports, the inspector, the palette, quick add and the connect list', async () => {
    const el = await mountEditor(
      {
        version: 2,
        nodes: [
          { id: 'a', type: 'vendor/evil', position: { x: 40, y: 40 }, config: { text: hostile }, label: hostile },
          { id: 'b', type: 'vendor/evil', position: { x: 400, y: 40 }, config: {} },
          { id: 'c', type: `vendor/${'x'.repeat(3)}`, position: { x: 40, y: 300 }, config: { note: hostile }, label: payloads[2] },
        ],
        edges: [],
      },
      { palette: true },
    );
    el.registry.register({ ...evilManifest, module: new URL('./evil.js', location.href) });
    el.manifests = el.registry;
    await el.updateComplete;
    await waitUntil(() => $(el, 'v2u-palette')?.shadowRoot?.querySelector('[data-v2u-type="vendor/evil"]'), 'the palette lists the type');

    el.select(['a']);
    await el.updateComplete;
    const inspector = $(el, 'v2u-inspector')!;
    await (inspector as unknown as { updateComplete: Promise<void> }).updateComplete;

    await el.focusNode('a');
    await sendKeys({ press: 'c' });
    await waitUntil(() => $(el, '.connect-list'));
    expect($(el, '.connect-list')!.textContent).to.contain(payloads[1]);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: '/' });
    await waitUntil(() => $(el, '.quick-add'));
    await sendKeys({ type: 'javascript' });
    await nextFrame();
    expect($$(el, '.quick-add [role="option"]').map((o) => o.textContent)).to.have.length(1);

    expect($(el, '[data-node="a"] .header')!.textContent).to.equal(hostile);
    expect($(el, '[data-node="a"]')!.textContent).to.contain(payloads[0]);
    expect(inspector.shadowRoot!.textContent).to.contain(payloads[3]);
    expect((inspector.shadowRoot!.querySelector('#f-text') as HTMLInputElement).value).to.equal(hostile);
    expectNothingExecutable(el.shadowRoot!);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __pwned?: unknown }).__pwned, 'no payload ran').to.equal(undefined);
  });

  it('in v2u-error messages, which carry the offending text as data only', async () => {
    const el = await mountEditor();
    let message = '';
    el.addEventListener('v2u-error', (e) => (message = e.detail.message));
    el.value = `{"version": 2, "nodes": [{"id": "x", "type": "t", "position": {"x": "${payloads[0].replace(/"/g, '\\"')}", "y": 0}}]}`;
    expect(message).to.contain('<img');
    expectNothingExecutable(el.shadowRoot!);
  });
});
