import { expect, fixture, html } from '@open-wc/testing';
import { V2uNote } from '../../../src/nodes/utility/note.element.js';

customElements.define('test-note', V2uNote);

describe('v2u-node-utility-note element', () => {
  it('shows the note text as written, never as markup', async () => {
    const text = 'Line 1\n<img src=x onerror=alert(1)>';
    const el = await fixture<V2uNote>(html`<test-note .config=${{ text }}></test-note>`);
    const p = el.shadowRoot!.querySelector('[part=text]')!;
    expect(p.textContent).to.equal(text);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
