import type { Rect } from '../../../core/index.js';
import { toGraph } from '../viewport.js';
import type { CanvasHost, Gesture } from './host.js';

/** Drag a rectangle on the background; nodes it touches join the selection. */
export function createBoxSelect(host: CanvasHost, start: PointerEvent, additive: boolean): Gesture {
  const origin = host.canvasPoint(start);
  const base = additive ? [...host.selection.nodes] : [];
  return {
    update(event) {
      const p = host.canvasPoint(event);
      const screen: Rect = { x: Math.min(p.x, origin.x), y: Math.min(p.y, origin.y), width: Math.abs(p.x - origin.x), height: Math.abs(p.y - origin.y) };
      host.setSelectionBox(screen);
      const topLeft = toGraph(host.liveViewport, screen);
      const zoom = host.liveViewport.zoom;
      const hits = host.view.nodeIndex.query({ ...topLeft, width: screen.width / zoom, height: screen.height / zoom });
      host.select([...base, ...hits]);
    },
    end() {
      host.setSelectionBox(undefined);
      const count = host.selection.nodes.size;
      host.announce(`${count} node${count === 1 ? '' : 's'} selected`);
    },
    destroy() {
      host.setSelectionBox(undefined);
    },
  };
}
