import { yieldToEventLoop, yieldToMain } from '../../core/event-loop.js';

export { yieldToEventLoop, yieldToMain };

/**
 * A pause for cooperative work: resolves at once until `sliceMs` have passed since the last
 * yield, then yields. Node logic that awaits `reportProgress` in its loops so never holds
 * the main thread much longer than a slice, and in a worker lets an abort message arrive.
 * A MessageChannel turn, not `scheduler.yield()`: Chromium runs yield continuations ahead of
 * rendering, so a loop that yields that way still gets no frame drawn for 100 ms.
 */
export function slicedYield(sliceMs = 8, yieldNow = yieldToEventLoop): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < sliceMs) return undefined;
    return yieldNow().then(() => {
      last = performance.now();
    });
  };
}
