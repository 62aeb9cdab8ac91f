import type { GraphStore, Point } from '../../core/index.js';

/** How long Tidy up glides nodes to their new places. */
export const MOVE_MS = 250;

const ease = (t: number) => 1 - (1 - t) ** 3;

/** Whether the person asked for less motion (then nodes jump to their places). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Moves nodes to `targets` as ONE undo step, gliding over `ms` with requestAnimationFrame.
 * The frames run inside one store batch, the way a drag does: history folds every frame's
 * moves into one step from the old positions to the final ones, and `v2u-change` fires
 * once, when the batch ends. Nodes removed meanwhile are skipped.
 */
export async function animateMoves(store: GraphStore, label: string, targets: Map<string, Point>, ms = prefersReducedMotion() ? 0 : MOVE_MS): Promise<void> {
  const starts = new Map<string, Point>();
  for (const [id, to] of targets) {
    const node = store.state.getNode(id);
    if (node && (node.position.x !== to.x || node.position.y !== to.y)) starts.set(id, node.position);
  }
  if (starts.size === 0) return;
  const frame = (t: number) => {
    const k = ease(t);
    const moves = [...starts].filter(([id]) => store.state.getNode(id)).map(([id, from]) => {
      const to = targets.get(id)!;
      return { id, position: t >= 1 ? to : { x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k } };
    });
    store.moveNodes(moves);
  };
  store.beginBatch(label);
  try {
    const begin = performance.now();
    for (let t = 0; ms > 0 && t < 1; ) {
      await new Promise(requestAnimationFrame);
      t = Math.min(1, (performance.now() - begin) / ms);
      if (t < 1) frame(t);
    }
    frame(1);
  } finally {
    store.endBatch();
  }
}
