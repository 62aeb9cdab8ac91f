import type { Point } from '../../../core/index.js';
import { clampZoom } from '../viewport.js';
import type { CanvasHost, Gesture } from './host.js';

/** Drag on the background: the graph follows the pointer. */
export function createPan(host: CanvasHost, start: PointerEvent): Gesture & { moved: boolean } {
  const origin = host.canvasPoint(start);
  const from = host.liveViewport;
  const gesture = {
    moved: false,
    update(event: PointerEvent) {
      const p = host.canvasPoint(event);
      if (Math.abs(p.x - origin.x) + Math.abs(p.y - origin.y) > 2) gesture.moved = true;
      host.showViewport({ ...from, x: from.x + p.x - origin.x, y: from.y + p.y - origin.y });
    },
    end() {
      if (gesture.moved) host.commitViewport();
    },
    destroy() {
      host.commitViewport();
    },
  };
  return gesture;
}

/** Two fingers: zoom by their spread and pan by their midpoint. */
export function createPinch(host: CanvasHost, a: PointerEvent, b: PointerEvent): Gesture {
  const points = new Map<number, Point>([
    [a.pointerId, host.canvasPoint(a)],
    [b.pointerId, host.canvasPoint(b)],
  ]);
  const from = host.liveViewport;
  const [startMid, startSpread] = midAndSpread([...points.values()]);
  return {
    update(event) {
      if (!points.has(event.pointerId)) return;
      points.set(event.pointerId, host.canvasPoint(event));
      const [mid, spread] = midAndSpread([...points.values()]);
      const zoom = clampZoom((from.zoom * spread) / Math.max(startSpread, 1), host.zoomLimits);
      const anchor = { x: (startMid.x - from.x) / from.zoom, y: (startMid.y - from.y) / from.zoom };
      host.showViewport({ zoom, x: mid.x - anchor.x * zoom, y: mid.y - anchor.y * zoom });
    },
    end() {
      host.commitViewport();
    },
    destroy() {
      host.commitViewport();
    },
  };
}

function midAndSpread([p, q]: Point[]): [Point, number] {
  return [{ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 }, Math.hypot(p.x - q.x, p.y - q.y)];
}
