// The four measured interactions, each with the ways to try in order and a check that it
// really moved something: a node (or a selection) dragged by its title, the viewport panned
// by a background drag or wheel scrolling, zoomed by wheel or ctrl+wheel.
import { dragCircle, wheelCircle, wheelSweep } from './gestures.mjs';

const BACKGROUND = { x: 160, y: 420 }; // the generator leaves the left 320 px empty
const CENTER = { x: 640, y: 400 };
const MOVED_PX = 50;
export const SELECTION = 50;

/** The `count` nodes nearest to `point`, nearest first. */
export function nearest(nodes, point, count) {
  const d = (n) => (n.x - point.x) ** 2 + (n.y - point.y) ** 2;
  return [...nodes].sort((a, b) => d(a) - d(b)).slice(0, count);
}

/**
 * `{ drag, dragSelection, pan, zoom }`; each has `methods` ({ name, run(ms, check?) }, where
 * `run` resolves to whether the check passed) and may have `prepare` (false: unsupported).
 * `ev` evaluates in the page with a time limit; `ids` are the 50 nodes, the dragged one first.
 */
export function gestureKinds(page, ev, ids) {
  const [id] = ids;
  let modifier; // some editors drag a selection with a key held (LiteGraph: shift)
  const positions = (list) => ev((l) => window.benchEditor.positions(l), list);
  const nodeDrag = (list, need) => ({
    name: 'mouse drag on the node title',
    run: async (ms, check) => {
      const handle = await ev((i) => window.benchEditor.handle(i), id);
      if (!handle) throw new Error(`node ${id} is not on screen`);
      const before = check && (await positions(list));
      const verify = check && (async () => countMoved(before, await positions(list)) >= need);
      if (modifier) await page.keyboard.down(modifier);
      try {
        return await dragCircle(page, handle, { ms, check: verify });
      } finally {
        if (modifier) await page.keyboard.up(modifier);
      }
    },
  });
  const { pan, zoom } = viewportMethods(page, ev);
  return {
    drag: { methods: [nodeDrag([id], 1)] },
    dragSelection: {
      prepare: async () => {
        const answer = await ev((l) => window.benchEditor.select(l), ids);
        modifier = answer?.modifier;
        return Boolean(answer);
      },
      unsupported: 'no multi-selection API',
      methods: [nodeDrag(ids, Math.round(SELECTION * 0.9))],
    },
    pan: { methods: pan },
    zoom: { methods: zoom },
  };
}

/**
 * The same pan and zoom at far zoom, where V2U paints its canvas layer (below 0.35): first
 * zoomed out as a person does on a large graph, by real ctrl+wheel steps at the canvas centre
 * (each step zooms V2U by 0.82, LiteGraph by 1/1.1), until the zoom is at most `FAR_ZOOM`.
 */
export function farGestureKinds(page, ev) {
  const { pan, zoom } = viewportMethods(page, ev);
  const prepare = () => zoomOut(page, ev);
  return { farPan: { prepare, methods: pan }, farZoom: { prepare, methods: zoom } };
}

export const FAR_ZOOM = 0.3;

/** Ctrl+wheel steps out until the zoom is at most `FAR_ZOOM`; false if it does not go down. */
async function zoomOut(page, ev) {
  const zoomNow = async () => (await ev(() => window.benchEditor.viewport())).zoom;
  await page.mouse.move(CENTER.x, CENTER.y);
  await page.keyboard.down('Control');
  try {
    for (let step = 0, zoom = await zoomNow(); zoom > FAR_ZOOM; step++) {
      if (step >= 40) return false;
      await page.mouse.wheel({ deltaY: 100 });
      const next = await zoomNow();
      if (next >= zoom) return false;
      zoom = next;
    }
    return true;
  } finally {
    await page.keyboard.up('Control');
  }
}

/** `{ pan, zoom }`: the ways to try, in order, with checks that the viewport really moved. */
function viewportMethods(page, ev) {
  const viewport = () => ev(() => window.benchEditor.viewport());
  const watching = (changed, gesture) => async (ms, check) => {
    if (!check) return gesture(ms);
    const before = await viewport();
    return gesture(ms, async () => changed(before, await viewport()));
  };
  const panned = (a, b) => Math.hypot(b.x - a.x, b.y - a.y) > MOVED_PX;
  const zoomed = (a, b) => Math.abs(b.zoom / a.zoom - 1) > 0.05;
  const sweep = (key) => (ms, check) => wheelSweep(page, CENTER, { ms, ticks: 4, modifier: key, check });
  return {
    pan: [
      { name: 'mouse drag on the background', run: watching(panned, (ms, check) => dragCircle(page, BACKGROUND, { ms, check })) },
      { name: 'wheel scroll', run: watching(panned, (ms, check) => wheelCircle(page, BACKGROUND, { ms, check })) },
    ],
    zoom: [
      { name: 'wheel', run: watching(zoomed, sweep(undefined)) },
      { name: 'ctrl+wheel', run: watching(zoomed, sweep('Control')) },
    ],
  };
}

function countMoved(before, after) {
  return after.filter((p, i) => p && before[i] && Math.hypot(p.x - before[i].x, p.y - before[i].y) > MOVED_PX).length;
}
