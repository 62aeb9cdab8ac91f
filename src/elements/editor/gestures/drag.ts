import { clampPoint, type Point } from '../../../core/index.js';
import type { CanvasHost, Gesture } from './host.js';

/**
 * Moves the given nodes with the pointer as one undo step. Positions snap to the grid
 * when snapping is on; nothing is recorded when the pointer never moved.
 */
export function createNodeDrag(host: CanvasHost, start: PointerEvent, nodeIds: Iterable<string>): Gesture {
  const origin = host.canvasPoint(start);
  const starts = new Map<string, Point>();
  for (const id of nodeIds) {
    const node = host.store.state.getNode(id);
    if (node) starts.set(id, node.position);
  }
  let open = true;
  host.store.beginBatch(starts.size === 1 ? 'Move node' : `Move ${starts.size} nodes`);
  const close = () => {
    if (open) host.store.endBatch();
    open = false;
  };
  return {
    update(event) {
      const p = host.canvasPoint(event);
      const zoom = host.liveViewport.zoom;
      const dx = (p.x - origin.x) / zoom;
      const dy = (p.y - origin.y) / zoom;
      const moves = [...starts].map(([id, s]) => ({ id, position: clampPoint({ x: snap(s.x + dx, host.snapStep), y: snap(s.y + dy, host.snapStep) }) }));
      host.store.moveNodes(moves);
    },
    end: close,
    destroy: close,
  };
}

export function snap(value: number, step: number): number {
  return step > 0 ? Math.round(value / step) * step : value;
}
