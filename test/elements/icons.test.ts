import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import '../../src/elements/palette/palette.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uPalette } from '../../src/elements/palette/palette.component.js';
import { NODE_ICONS } from '../../src/elements/icons/node-icons.js';
import { V2uError, validateManifest, type NodeManifest } from '../../src/core/index.js';

const BUILT_INS = 29;
/** Any emoji, or a character no font here draws (it would show as an empty box). */
const GLYPH = /[\p{Extended_Pictographic}\u{FE0F}\u{20E3}\u{2190}-\u{2BFF}]/u;

const shadow = (el: Element) => el.shadowRoot!;
const items = (palette: Element) => [...shadow(palette).querySelectorAll<HTMLElement>('[part~="item"]')];

/** Width × height of what an icon actually draws, in its own 24×24 units. */
const drawnArea = (svg: SVGSVGElement) => {
  const box = svg.getBBox();
  return box.width * box.height;
};

const hostileIcon = [
  ['script', { d: 'M0 0' }],
  ['foreignObject', { width: 24, height: 24 }],
  ['image', { href: 'javascript:globalThis.__iconPwned=1', width: 24, height: 24 }],
  ['path', { d: '"/><img src=x onerror="globalThis.__iconPwned=1">', onload: 'globalThis.__iconPwned=1', style: 'fill:red' }],
  ['circle', { cx: 12, cy: 12, r: 9, onclick: 'globalThis.__iconPwned=1' }],
] as unknown as NodeManifest['icon'];

const manifest = (type: string, icon: unknown): NodeManifest =>
  ({ type, version: 1, category: 'utility', title: type, inputs: {}, outputs: {}, icon }) as NodeManifest;

describe('node and toolbar icons', () => {
  it('the editor palette shows an SVG icon that draws something for every built-in node, and no emoji or glyph text', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run style="width: 900px; height: 1200px"></v2u-editor>`);
    await waitUntil(() => (el.shadowRoot!.querySelector('v2u-palette') && items(el.shadowRoot!.querySelector('v2u-palette')!).length >= BUILT_INS), 'the palette lists the library', { timeout: 10000 });
    const palette = el.shadowRoot!.querySelector('v2u-palette')!;
    for (const item of items(palette)) {
      const type = item.dataset.v2uType!;
      const svg = item.querySelector<SVGSVGElement>('[part="item-icon"] svg');
      expect(svg, `${type} has an SVG icon`).to.exist;
      expect(drawnArea(svg!), `${type}'s icon draws something`).to.be.greaterThan(20);
      expect(item.textContent, `${type} shows no emoji or glyph`).not.to.match(GLYPH);
      expect(Object.hasOwn(NODE_ICONS, el.registry.get(type)!.icon as string), `${type} names an icon of the set`).to.equal(true);
    }
  });

  it('every toolbar button shows an SVG icon, no glyph text', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library style="width: 900px; height: 500px"></v2u-editor>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.toolbar [data-action="snap"]'), 'the toolbar is drawn');
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')];
    expect(buttons.length).to.be.greaterThan(8);
    for (const button of buttons) {
      expect(drawnArea(button.querySelector('svg')!), `${button.dataset.action} icon`).to.be.greaterThan(20);
      expect(button.textContent, `${button.dataset.action} text`).not.to.match(GLYPH);
      expect(button.getAttribute('aria-label') ?? button.textContent!.trim(), `${button.dataset.action} has a name`).to.not.equal('');
    }
  });

  it('draws a pack’s own geometry, and falls back to a default icon for an unknown name', async () => {
    const own = manifest('acme/own', [['circle', { cx: 12, cy: 12, r: 9 }], ['path', { d: 'M8 12h8' }]]);
    const unknown = manifest('acme/unknown', 'no-such-icon');
    const source = { get: (t: string) => [own, unknown].find((m) => m.type === t), list: () => [own, unknown] };
    const palette = await fixture<V2uPalette>(html`<v2u-palette .source=${source}></v2u-palette>`);
    const [a, b] = items(palette).map((i) => i.querySelector<SVGSVGElement>('svg')!);
    expect([...a!.children].map((c) => c.tagName)).to.deep.equal(['circle', 'path']);
    expect(drawnArea(a!)).to.be.closeTo(18 * 18, 1);
    expect(drawnArea(b!), 'the fallback draws').to.be.greaterThan(20);
  });

  it('hostile icon data from a pack draws only geometry: no elements, handlers or styles injected', async () => {
    const evil = manifest('acme/evil', hostileIcon);
    const named = manifest('acme/named', '<img src=x onerror="globalThis.__iconPwned=1">');
    const source = { get: (t: string) => [evil, named].find((m) => m.type === t), list: () => [evil, named] };
    const palette = await fixture<V2uPalette>(html`<v2u-palette .source=${source}></v2u-palette>`);
    await new Promise((r) => setTimeout(r, 50));
    const root = shadow(palette);
    expect(root.querySelectorAll('script, foreignObject, image, img, iframe').length, 'no injected elements').to.equal(0);
    const svg = root.querySelector('[data-v2u-type="acme/evil"] svg')!;
    expect([...svg.children].map((c) => c.tagName), 'only the allowed shapes').to.deep.equal(['path', 'circle']);
    const attributes = [...svg.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
    expect(attributes.filter((n) => n.startsWith('on') || n === 'style' || n === 'href'), 'no handlers, styles or links').to.deep.equal([]);
    expect(svg.querySelector('path')!.getAttribute('d'), 'markup in data stays an attribute value').to.contain('<img');
    expect((globalThis as { __iconPwned?: number }).__iconPwned).to.equal(undefined);
  });

  it('validateManifest refuses hostile or malformed icons and names the field', () => {
    const cases: unknown[] = [hostileIcon, '<img src=x>', 'Funnel', '', [], [['path', { d: 'M0 0" onload="x' }]], [['path', 'M0 0']], 42];
    for (const icon of cases) {
      let error: unknown;
      try {
        validateManifest(manifest('acme/bad', icon));
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(icon)).to.be.instanceOf(V2uError);
      expect((error as V2uError).message, JSON.stringify(icon)).to.match(/acme\/bad.*icon/);
    }
    for (const icon of ['funnel', 'arrow-up-down', [['rect', { x: 3, y: 3, width: 18, height: 18, rx: 2 }], ['polyline', { points: '4 12 8 8' }]]])
      expect(() => validateManifest(manifest('acme/good', icon)), JSON.stringify(icon)).not.to.throw();
  });
});
