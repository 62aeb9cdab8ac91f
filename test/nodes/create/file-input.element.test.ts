import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { V2uFileInput, type NodeConfigPatchDetail } from '../../../src/nodes/create/file-input.element.js';
import fileInput from '../../../src/nodes/create/file-input.js';
import { run } from '../run-node.js';

customElements.define('test-file-input', V2uFileInput);

const HOSTILE = '<img src=x onerror=alert(1)>';

function choose(el: V2uFileInput, file: File): void {
  const input = el.shadowRoot!.querySelector('input')!;
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

describe('v2u-node-create-file-input element', () => {
  it('reads the chosen file into a config patch the logic then parses', async () => {
    const el = await fixture<V2uFileInput>(html`<test-file-input></test-file-input>`);
    choose(el, new File(['id,name\n1,Zoë\n'], 'people.csv', { type: 'text/csv' }));
    const { detail } = (await oneEvent(el, 'v2u-node-config')) as CustomEvent<NodeConfigPatchDetail>;
    expect(detail.patch).to.deep.equal({ fileName: 'people.csv', content: 'id,name\n1,Zoë\n' });
    expect((await run(fileInput, {}, detail.patch)).outputs.rows).to.deep.equal([{ id: 1, name: 'Zoë' }]);
  });

  it('shows the file name from config as text', async () => {
    const el = await fixture<V2uFileInput>(html`<test-file-input .config=${{ fileName: HOSTILE }}></test-file-input>`);
    expect(el.shadowRoot!.querySelector('[part=file-name]')!.textContent).to.equal(HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
