import type { Change, GraphEdge, PortRef, Rect } from '../../../core/index.js';
import type { PortHit } from '../view-model.js';
import { toGraph } from '../viewport.js';
import { portKey, type CanvasHost, type ConnectPreview, type Gesture } from './host.js';
import { hitTest } from './hit-test.js';

/**
 * Drag from an output port to an input port. While dragging, the inputs in view are marked
 * valid or refused (with the reason). Started from a connected input, it picks up that
 * edge: dropping elsewhere reconnects it, dropping on the background deletes it.
 */
export function createConnect(host: CanvasHost, from: PortHit, visibleArea: Rect, detached?: GraphEdge): Gesture {
  const pending: Change[] = detached ? [{ type: 'edge-remove', edge: detached, seq: host.store.state.seqOf('edge', detached.id) }] : [];
  const preview: ConnectPreview = { from, pointer: host.view.anchorOf(host.store.state.requireNode(from.node), 'out', from.port), verdicts: new Map() };
  const verdict = (to: PortRef) => {
    const key = portKey(to.node, to.port);
    let v = preview.verdicts.get(key);
    if (v === undefined) {
      const check = host.store.check(from, to, pending);
      v = check.ok ? true : check.reason;
      preview.verdicts.set(key, v);
    }
    return v;
  };
  for (const id of host.view.nodeIndex.query(visibleArea)) {
    const node = host.store.state.getNode(id)!;
    for (const port of host.view.portsOf(node).inputs) verdict({ node: id, port });
  }
  host.setConnectPreview(preview);

  const target = (event: PointerEvent): PortRef | undefined => {
    const hit = hitTest(host, toGraph(host.liveViewport, host.canvasPoint(event)));
    if (!hit) return undefined;
    if (hit.port?.side === 'in') return hit.port;
    // Dropped on a node but not on a port: its first input that accepts the edge.
    const inputs = host.view.portsOf(hit.node).inputs.map((port) => ({ node: hit.node.id, port }));
    return inputs.find((to) => verdict(to) === true) ?? inputs[0];
  };

  return {
    update(event) {
      preview.pointer = toGraph(host.liveViewport, host.canvasPoint(event));
      const to = target(event);
      preview.hover = to && portKey(to.node, to.port);
      if (to) verdict(to);
      host.setConnectPreview({ ...preview });
    },
    end(event) {
      host.setConnectPreview(undefined);
      const to = target(event);
      if (detached && to && to.node === detached.to.node && to.port === detached.to.port) return;
      if (!to) return detached ? remove(host, detached) : undefined;
      const v = verdict(to);
      if (v !== true) return host.announce(`Cannot connect: ${v}`);
      host.store.transaction(detached ? 'Reconnect' : 'Connect', () => {
        if (detached) host.store.disconnect([detached.id]);
        host.store.connect(from, to);
      });
      host.announce(`Connected ${from.node}.${from.port} to ${to.node}.${to.port}`);
    },
    destroy() {
      host.setConnectPreview(undefined);
    },
  };
}

function remove(host: CanvasHost, edge: GraphEdge) {
  host.store.disconnect([edge.id]);
  host.announce(`Removed the connection ${edge.from.node}.${edge.from.port} → ${edge.to.node}.${edge.to.port}`);
}
