/** `requestIdleCallback` with a deadline, or a timer where it is missing (Safari); `cancelIdle` undoes it. */
export function onIdle(fn: () => void, timeout: number): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : -(setTimeout(fn, 100) as unknown as number);
}

export function cancelIdle(handle: number | undefined): void {
  if (handle === undefined) return;
  if (handle < 0) clearTimeout(-handle);
  else cancelIdleCallback(handle);
}
