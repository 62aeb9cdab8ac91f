import { moveGroup, snapshotGroup, updateGroup, type Rect } from '../../../core/index.js';
import { snap } from './drag.js';
import type { CanvasHost, Gesture } from './host.js';

/**
 * Drags a group by its header: its members (and a hand-sized frame) follow the pointer,
 * one undo step. With `resize`, drags the frame's bottom-right corner instead.
 */
export function createGroupDrag(host: CanvasHost, start: PointerEvent, groupId: string, frame: Rect, resize: boolean): Gesture & { moved: boolean } {
  const origin = host.canvasPoint(start);
  const from = snapshotGroup(host.store, groupId);
  let open = true;
  host.store.beginBatch(resize ? 'Resize group' : 'Move group');
  const close = () => {
    if (open) host.store.endBatch();
    open = false;
  };
  const gesture = {
    moved: false,
    update(event: PointerEvent) {
      const p = host.canvasPoint(event);
      const zoom = host.liveViewport.zoom;
      const dx = snap((p.x - origin.x) / zoom, host.snapStep);
      const dy = snap((p.y - origin.y) / zoom, host.snapStep);
      if (dx === 0 && dy === 0) return;
      gesture.moved = true;
      if (resize) updateGroup(host.store, groupId, { rect: { x: frame.x, y: frame.y, width: Math.max(60, frame.width + dx), height: Math.max(40, frame.height + dy) } });
      else moveGroup(host.store, groupId, from, { x: dx, y: dy });
    },
    end: close,
    destroy: close,
  };
  return gesture;
}
