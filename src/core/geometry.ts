import type { Point } from './document.js';
import type { Rect } from './spatial-index.js';

/**
 * The top-left corner of a set of points ({0, 0} for none). A loop, not `Math.min(...list)`,
 * so a selection of any size cannot overflow the call stack.
 */
export function topLeftOf(points: Iterable<Point>): Point {
  let x = Infinity;
  let y = Infinity;
  for (const p of points) {
    if (p.x < x) x = p.x;
    if (p.y < y) y = p.y;
  }
  return x === Infinity ? { x: 0, y: 0 } : { x, y };
}

/** The top-left corner of a set of nodes' positions. */
export const topLeft = (nodes: Iterable<{ position: Point }>): Point => topLeftOf(positions(nodes));

function* positions(nodes: Iterable<{ position: Point }>): Iterable<Point> {
  for (const n of nodes) yield n.position;
}

/** The smallest rectangle holding both (a copy of `b` when there is no `a`). */
export function unionRect(a: Rect | undefined, b: Rect): Rect {
  if (!a) return { ...b };
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
