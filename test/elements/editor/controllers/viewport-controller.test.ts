import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { GraphStore, type StoreEvent } from '../../../../src/core/index.js';
import { ViewportController, type ViewportHost } from '../../../../src/elements/editor/viewport-controller.js';
import { defineHost, frames, renderHost } from './hosts.js';

/** A fixed 400×300 canvas at (30, 20) in the page; zoom limits 0.5..2. */
class TestViewportHost extends LitElement implements ViewportHost {
  static override styles = css`
    :host { position: fixed; left: 0; top: 0; width: 600px; height: 400px; }
    .canvas { position: absolute; left: 30px; top: 20px; width: 400px; height: 300px; }
  `;
  readonly store = new GraphStore();
  minZoom = 0.5;
  maxZoom = 2;
  updates = 0;
  /** The graph's bounds, when a test sets them; `boundsReads` counts how often the controller measured them. */
  bounds: { x: number; y: number; width: number; height: number } | undefined;
  boundsReads = 0;
  readonly viewport = new ViewportController(this);

  graphBounds() {
    this.boundsReads++;
    return this.bounds;
  }

  get canvas(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.canvas');
  }

  override render() {
    return html`<div class="canvas"></div>`;
  }

  override updated() {
    this.updates++;
  }
}
const tag = defineHost('test-viewport-host', TestViewportHost);

/** A host whose canvas has been measured by the ResizeObserver. */
async function measuredHost(): Promise<TestViewportHost> {
  const host = await renderHost<TestViewportHost>(tag);
  await waitUntil(() => host.viewport.size.width > 0, 'the ResizeObserver measures the canvas');
  return host;
}

/** Store events from now on. */
function storeEvents(store: GraphStore): StoreEvent[] {
  const events: StoreEvent[] = [];
  store.subscribe((event) => events.push(event));
  return events;
}

describe('ViewportController', () => {
  it('takes the canvas size from the ResizeObserver and follows a resize with an update', async () => {
    const host = await measuredHost();
    expect(host.viewport.size, 'first observation').to.deep.equal({ width: 400, height: 300 });

    const updatesBefore = host.updates;
    host.canvas!.style.width = '520px';
    await waitUntil(() => host.viewport.size.width === 520, 'the resize reaches the controller');
    expect(host.viewport.size).to.deep.equal({ width: 520, height: 300 });
    await host.updateComplete;
    expect(host.updates, 'the host renders again for the new size').to.be.greaterThan(updatesBefore);
  });

  it('measure() reads the canvas size right after the first render, before the ResizeObserver', async () => {
    const host = document.createElement(tag) as TestViewportHost;
    document.body.append(host);
    try {
      await host.updateComplete;
      expect(host.viewport.size, 'no observation before a frame').to.deep.equal({ width: 0, height: 0 });
      host.viewport.measure();
      expect(host.viewport.size).to.deep.equal({ width: 400, height: 300 });
    } finally {
      host.remove();
    }
  });

  it('stops observing when removed and observes again when it comes back', async () => {
    const host = await measuredHost();
    const parent = host.parentElement!;
    host.remove();
    await frames();
    expect(host.viewport.size, 'a removed canvas (0×0) does not overwrite the size').to.deep.equal({ width: 400, height: 300 });

    parent.append(host);
    await host.updateComplete;
    host.canvas!.style.height = '250px';
    await waitUntil(() => host.viewport.size.height === 250, 'the size is followed again after reconnecting');
  });

  it('fit() shows the bounds centred in the whole canvas, zoomed within the limits (never above 1), and saves it', async () => {
    const host = await measuredHost();
    // A 400×300 canvas with 24 px padding (the minimap hides while the whole graph is in view).
    expect(host.viewport.fit({ x: 0, y: 0, width: 240, height: 100 }), 'fitted').to.equal(true);
    expect(host.viewport.viewport, 'a wide graph, centred at 1').to.deep.equal({ zoom: 1, x: 200 - 120, y: 150 - 50 });

    host.viewport.fit({ x: 0, y: 0, width: 100, height: 400 });
    expect(host.viewport.viewport, 'a tall graph, its height in the 252 px').to.deep.equal({ zoom: 0.63, x: 200 - 50 * 0.63, y: 150 - 200 * 0.63 });

    host.viewport.fit({ x: 0, y: 0, width: 3200, height: 2200 });
    expect(host.viewport.viewport, 'a huge graph stops at min-zoom').to.deep.equal({ zoom: 0.5, x: 200 - 1600 * 0.5, y: 150 - 1100 * 0.5 });

    host.viewport.fit({ x: 10, y: 10, width: 10, height: 10 });
    expect(host.viewport.viewport, 'a tiny graph is not blown up past 1').to.deep.equal({ zoom: 1, x: 185, y: 135 });
    expect(host.store.state.viewport, 'the fitted viewport is saved to the document').to.deep.equal({ zoom: 1, x: 185, y: 135 });
  });

  it('a loaded graph without a viewport is fitted when the viewport is next read, once for a load and its refits', async () => {
    const host = await measuredHost();
    host.bounds = { x: 10, y: 10, width: 10, height: 10 };
    host.boundsReads = 0;
    host.viewport.loaded();
    host.viewport.refit(); // the types arrived: the geometry may have changed
    expect(host.boundsReads, 'nothing measured before a read').to.equal(0);
    expect(host.viewport.viewport, 'fitted as fit() would').to.deep.equal({ zoom: 1, x: 185, y: 135 });
    expect(host.viewport.viewport).to.deep.equal({ zoom: 1, x: 185, y: 135 });
    expect(host.boundsReads, 'one measure for the load and the refit').to.equal(1);
    expect(host.store.state.viewport, 'shown, not saved').to.deep.equal({ x: 0, y: 0, zoom: 1 });

    host.viewport.refit();
    host.viewport.hold(); // a press before the next render keeps the view the fit gives
    host.bounds = { x: 0, y: 0, width: 240, height: 100 };
    host.viewport.refit();
    expect(host.viewport.viewport, 'held: later refits leave it').to.deep.equal({ zoom: 1, x: 185, y: 135 });
    expect(host.boundsReads, 'the due fit ran at the hold, none after').to.equal(2);
  });

  it('fit() does nothing without bounds or before the canvas is measured', async () => {
    const host = await measuredHost();
    expect(host.viewport.fit(undefined), 'nothing to fit').to.equal(false);

    const unmeasured = document.createElement(tag) as TestViewportHost;
    expect(unmeasured.viewport.fit({ x: 0, y: 0, width: 100, height: 100 }), 'no canvas yet').to.equal(false);
    expect(unmeasured.store.state.viewport, 'document untouched').to.deep.equal({ x: 0, y: 0, zoom: 1 });
  });

  it('zoomBy() keeps the graph point at the canvas centre fixed and stays within the limits', async () => {
    const host = await measuredHost();
    host.viewport.show({ x: 40, y: -20, zoom: 1 });
    expect(host.viewport.center(), 'graph point at the centre (200, 150)').to.deep.equal({ x: 160, y: 170 });

    host.viewport.zoomBy(1.5);
    expect(host.viewport.viewport.zoom).to.equal(1.5);
    expect(host.viewport.center(), 'same point after zooming in').to.deep.equal({ x: 160, y: 170 });
    expect(host.store.state.viewport, 'zoom saved').to.deep.equal(host.viewport.viewport);

    host.viewport.zoomBy(10);
    expect(host.viewport.viewport.zoom, 'max-zoom').to.equal(2);
    host.viewport.zoomBy(0.01);
    expect(host.viewport.viewport.zoom, 'min-zoom').to.equal(0.5);
    expect(host.viewport.center(), 'still the same point').to.deep.equal({ x: 160, y: 170 });

    host.maxZoom = 4;
    host.viewport.zoomBy(100);
    expect(host.viewport.viewport.zoom, 'the host’s current limit').to.equal(4);
  });

  it('converts screen points: canvasPoint, center, notePointer/pointerOrCenter and visibleArea', async () => {
    const host = await measuredHost();
    host.viewport.show({ x: 100, y: 50, zoom: 2 });

    expect(host.viewport.canvasPoint({ clientX: 130, clientY: 70 }), 'relative to the canvas at (30, 20)').to.deep.equal({ x: 100, y: 50 });
    expect(host.viewport.center(), 'graph point at the centre').to.deep.equal({ x: 50, y: 50 });
    expect(host.viewport.pointerOrCenter(), 'no pointer seen yet: the centre').to.deep.equal({ x: 50, y: 50 });

    const move = new PointerEvent('pointermove', { clientX: 330, clientY: 220 });
    host.canvas!.addEventListener('pointermove', (event) => host.viewport.notePointer(event), { once: true });
    host.canvas!.dispatchEvent(move);
    expect(host.viewport.pointerOrCenter(), 'graph point under the pointer').to.deep.equal({ x: 100, y: 75 });

    // 200 px margin around 400×300 at zoom 2, origin at (100, 50) on screen.
    expect(host.viewport.visibleArea()).to.deep.equal({ x: -150, y: -125, width: 400, height: 350 });
  });

  it('show() renders without saving; commit() saves only a viewport that differs', async () => {
    const host = await measuredHost();
    const events = storeEvents(host.store);
    const updatesBefore = host.updates;

    host.viewport.show({ x: 12, y: 34, zoom: 1.25 });
    await host.updateComplete;
    expect(host.updates, 'shown at once').to.be.greaterThan(updatesBefore);
    expect(events, 'not saved while shown').to.have.length(0);

    host.viewport.commit();
    expect(host.store.state.viewport).to.deep.equal({ x: 12, y: 34, zoom: 1.25 });
    host.viewport.commit();
    host.viewport.show({ x: 12, y: 34, zoom: 1.25 });
    host.viewport.commit();
    expect(events.map((e) => e.changes.map((c) => c.type)), 'one save for one change').to.deep.equal([['viewport']]);
  });

  it('show() keeps a viewport within the document limits', async () => {
    const host = await measuredHost();
    host.viewport.show({ x: Number.NaN, y: 5, zoom: 0 });
    expect(host.viewport.viewport, 'what the document can save').to.deep.equal({ x: 0, y: 5, zoom: 0.01 });
  });
});
