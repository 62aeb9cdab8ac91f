/**
 * `requestIdleCallback` with a deadline, or a timer where it is missing (Safari, Node). One
 * helper for every idle job: form sync, element prefetch, the registry's cache sweep.
 * A timer's handle is returned negated, so `cancelIdle` knows which one to cancel.
 */
export function onIdle(fn: () => void, timeout: number): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : -(setTimeout(fn, 1) as unknown as number);
}

/** Cancels what `onIdle` scheduled. */
export function cancelIdle(handle: number | undefined): void {
  if (handle === undefined) return;
  if (handle < 0) clearTimeout(-handle);
  else cancelIdleCallback(handle);
}
