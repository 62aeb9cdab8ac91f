import { expect, fixture, html } from '@open-wc/testing';
import { withPath } from '../../src/elements/editor/replay.js';

describe('withPath', () => {
  it('keeps an event’s path and fields for a replay after its dispatch', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    let kept: PointerEvent | undefined;
    let raw: PointerEvent | undefined;
    let seen: EventTarget | null = null;
    // Listening inside the shadow root, as the editor's canvas does.
    inner.parentNode!.addEventListener('pointerdown', (event) => ((raw = event as PointerEvent), (seen = event.target), (kept = withPath(event as PointerEvent))));
    inner.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: 12, pointerId: 3 }));
    expect(raw!.composedPath(), 'a plain event forgets its path').to.deep.equal([]);
    expect(kept!.composedPath()[0]).to.equal(inner);
    expect(raw!.target === inner, 'nor its target inside a shadow root').to.equal(false);
    expect(seen === inner && kept!.target === inner, 'the target as the listener saw it').to.equal(true);
    expect([kept!.clientX, kept!.pointerId, kept!.type, kept!.currentTarget]).to.deep.equal([12, 3, 'pointerdown', null]);
    expect(kept instanceof PointerEvent).to.equal(true);
  });
});
