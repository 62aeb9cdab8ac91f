import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

// The toolbar in a narrow host (a framework demo's half-width editor): every button shows,
// on a second row if need be, none clipped or scrolled out of sight.
describe('the toolbar in a narrow editor', () => {
  it('wraps: every button lies inside the editor, none hidden', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor style="width: 420px; height: 400px"></v2u-editor>`);
    await el.whenEditable();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="toolbar"] button'), 'the toolbar is drawn');
    await el.updateComplete;
    const host = el.getBoundingClientRect();
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toolbar"] button')];
    const outside = buttons
      .filter((b) => {
        const box = b.getBoundingClientRect();
        return box.left < host.left - 0.5 || box.right > host.right + 0.5 || box.width === 0;
      })
      .map((b) => b.dataset.action ?? b.title);
    expect(buttons.length, 'the toolbar has its buttons').to.be.greaterThan(10);
    expect(outside, 'buttons outside the editor').to.deep.equal([]);
  });
});

// Between a form's width and a full page: one row. The labels give way to icons where they
// would wrap, and every button keeps its name.
describe('the toolbar from a form to a full page', () => {
  const draw = async (width: number) => {
    const el = await fixture<V2uEditor>(html`<v2u-editor style=${`width: ${width}px; height: 400px`}></v2u-editor>`);
    await el.whenEditable();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="toolbar"] button'), 'the toolbar is drawn');
    await el.updateComplete;
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="toolbar"] button')];
    const rows = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    const labels = buttons.flatMap((b) => [...b.querySelectorAll('.tb-text')]);
    return { buttons, rows, labels };
  };

  for (const width of [640, 800, 964, 999, 1000, 1280]) {
    it(`keeps to one row at ${width} px`, async () => {
      const { buttons, rows } = await draw(width);
      expect(buttons.length).to.be.greaterThan(10);
      expect(rows.size, `rows of buttons at ${width} px`).to.equal(1);
    });
  }

  const shown = (labels: Element[]) => labels.filter((s) => s.getBoundingClientRect().width > 0).map((s) => s.closest('button')!.dataset.action);

  it('shows the labels on a full page, then Run\'s alone, then icons alone, every button named', async () => {
    const wide = await draw(1280);
    expect(wide.labels.length, 'labelled buttons').to.be.greaterThan(5);
    expect(shown(wide.labels), 'labels shown at 1,280 px').to.have.length(wide.labels.length);
    const narrow = await draw(800);
    expect(shown(narrow.labels), 'labels shown at 800 px').to.deep.equal(['run']);
    const unnamed = narrow.buttons.filter((b) => !b.getAttribute('aria-label')?.trim()).map((b) => b.dataset.action);
    expect(unnamed, 'buttons without a name').to.deep.equal([]);
    expect(shown((await draw(640)).labels), 'labels shown at 640 px').to.deep.equal([]);
  });
});
