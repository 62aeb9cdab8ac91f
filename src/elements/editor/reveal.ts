import type { Rect, Viewport } from '../../core/index.js';

/**
 * The viewport panned just enough that graph rect `rect` lies `margin` pixels inside a canvas
 * of `size`, or the same viewport when it already does. It pans right or down (when the canvas
 * lost room on that side) only as far as the rect's left or top edge stays in view too.
 * Lives outside `viewport.ts` so the first paint does not carry it.
 */
export function panToReveal(viewport: Viewport, rect: Rect, size: { width: number; height: number }, margin = 24): Viewport {
  const { x, y, zoom } = viewport;
  const shift = (start: number, length: number, room: number) => {
    const over = start + length - (room - margin);
    return over > 0 ? Math.min(over, Math.max(0, start - margin)) : 0;
  };
  const dx = shift(rect.x * zoom + x, rect.width * zoom, size.width);
  const dy = shift(rect.y * zoom + y, rect.height * zoom, size.height);
  return dx || dy ? { zoom, x: x - dx, y: y - dy } : viewport;
}
