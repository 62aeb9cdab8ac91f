/**
 * One turn of the event loop, for long loops that must let other work in: the node library's
 * row loops (in a worker, in Node, or on the main thread as the fallback) and the pool's
 * runner. Not a timer: nothing here waits for a time to pass.
 */

/** Gives the main thread back to the browser: `scheduler.yield()` where it exists, else a MessageChannel turn. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldToEventLoop();
}

/**
 * One full turn of the event loop (a MessageChannel message): messages queued before it, such
 * as an abort, run first, and the page may paint. Unlike `setTimeout(0)`, it is not clamped
 * to 4 ms when called again and again.
 */
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
