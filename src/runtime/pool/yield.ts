/** Gives the main thread back to the browser: `scheduler.yield()` where it exists, else a MessageChannel turn. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
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
 * the main thread much longer than a slice.
 */
export function slicedYield(sliceMs = 40): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < sliceMs) return undefined;
    return yieldToMain().then(() => {
      last = performance.now();
    });
  };
}
