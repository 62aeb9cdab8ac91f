/** Gives the main thread back to the browser: `scheduler.yield()` where it exists, else a MessageChannel turn. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldToEventLoop();
}

/** One full turn of the event loop (a MessageChannel message): messages queued before it, such as an abort, run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause for cooperative work: resolves at once until `sliceMs` have passed since the last
 * yield, then yields. Node logic that awaits `reportProgress` in its loops so never holds
 * the main thread much longer than a slice, and in a worker lets an abort message arrive.
 */
export function slicedYield(sliceMs = 40, yieldNow = yieldToMain): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < sliceMs) return undefined;
    return yieldNow().then(() => {
      last = performance.now();
    });
  };
}
