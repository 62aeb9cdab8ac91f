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
