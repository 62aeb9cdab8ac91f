import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { inlineStyle } from '../../src/elements/shared/inline-style.js';

/** Renders `<div style=${inlineStyle(text)}>` into one container, again on each call, and returns the div. */
async function styled() {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const show = (text: string) => {
    render(html`<div style=${inlineStyle(text)}></div>`, container);
    return container.firstElementChild as HTMLDivElement;
  };
  return show;
}

describe('inlineStyle', () => {
  it('sets only the declarations whose values changed, leaving declarations set by others alone', async () => {
    const show = await styled();
    const el = show('transform: translate(10px, 20px); width: 180px; height: 98px');
    expect([el.style.transform, el.style.width, el.style.height]).to.deep.equal(['translate(10px, 20px)', '180px', '98px']);
    // Someone else (a host's script, an animation helper) styles the same element.
    el.style.opacity = '0.5';
    show('transform: translate(30px, 40px); width: 180px; height: 98px');
    expect(el.style.transform, 'the changed declaration applies').to.equal('translate(30px, 40px)');
    expect([el.style.width, el.style.height]).to.deep.equal(['180px', '98px']);
    expect(el.style.opacity, 'a declaration it does not own stays').to.equal('0.5');
    show('transform: translate(30px, 40px); width: 200px; height: 98px');
    expect([el.style.transform, el.style.width], 'another value').to.deep.equal(['translate(30px, 40px)', '200px']);
  });

  it('replaces the whole inline style when the declarations themselves change', async () => {
    const show = await styled();
    const el = show('left: 1px; top: 2px');
    show('left: 3px; width: 4px');
    expect([el.style.left, el.style.top, el.style.width], 'top is gone, width is set').to.deep.equal(['3px', '', '4px']);
    show('left: 5px');
    expect([el.style.left, el.style.width], 'fewer declarations').to.deep.equal(['5px', '']);
    show('--_columns: 10px 20px; max-height: 30px');
    expect([el.style.getPropertyValue('--_columns').trim(), el.style.maxHeight, el.style.left]).to.deep.equal(['10px 20px', '30px', '']);
    show('--_columns: 40px; max-height: 50px');
    expect([el.style.getPropertyValue('--_columns').trim(), el.style.maxHeight], 'custom properties update by name too').to.deep.equal(['40px', '50px']);
  });
});
