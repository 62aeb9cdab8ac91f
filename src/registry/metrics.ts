/** hits / (hits + misses), 0 before the first lookup. */
export function rate(hits: number, misses: number): number {
  const total = hits + misses;
  return total === 0 ? 0 : hits / total;
}

/** A `v2u-warning` detail: what was slow or degraded, and by how much. */
export interface V2uWarningDetail {
  code: string;
  message: string;
  /** How long the operation took, for slow-operation warnings. */
  duration?: number;
  /** What degraded: `pool`, `storage`, `registry`, … */
  source?: string;
}

/**
 * Logs a warning and dispatches it as a `v2u-warning` event on `target`. Works in Node
 * too, where EventTarget and CustomEvent are globals.
 */
export function warn(target: EventTarget | undefined, detail: V2uWarningDetail): void {
  console.warn(`v2u: ${detail.message}`);
  target?.dispatchEvent(new CustomEvent('v2u-warning', { detail, bubbles: true, composed: true }));
}
