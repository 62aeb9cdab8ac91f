import { NODE_HEADER, NODE_WIDTH, PORT_ROW, portAnchor, type GraphNode, type Point } from '../../../core/index.js';
import type { PortHit } from '../view-model.js';
import type { CanvasHost } from './host.js';

/** How near a port's anchor a press starts a connection, in graph units (the dot's hit area at zoom 1). */
export const PORT_REACH = 12;

/** A node under a point, and the port aimed at, if any. */
export interface NodeHit {
  node: GraphNode;
  port?: PortHit;
}

type Host = Pick<CanvasHost, 'store' | 'view'>;

/**
 * The topmost node at a graph point, from the spatial index rather than the DOM, so it
 * answers the same whether the node is a DOM shell or drawn on the canvas layer. Topmost is
 * the one drawn last (document order). Members of a collapsed group are not in the index.
 */
export function nodeAt(host: Host, point: Point, reach = 0): GraphNode | undefined {
  return topmost(host, { x: point.x - reach, y: point.y - reach, width: 2 * reach, height: 2 * reach })[0];
}

/** Nodes meeting `area`, topmost first. */
function topmost(host: Host, area: { x: number; y: number; width: number; height: number }): GraphNode[] {
  const state = host.store.state;
  return [...host.view.nodeIndex.query(area)]
    .sort((a, b) => state.seqOf('node', b) - state.seqOf('node', a))
    .map((id) => state.getNode(id)!)
    .filter(Boolean);
}

/** The node at a point and the port of the row under it (a generous target, for dropping a connection). */
export function hitTest(host: Host, point: Point): NodeHit | undefined {
  const node = nodeAt(host, point);
  if (!node) return undefined;
  const row = Math.floor((point.y - node.position.y - NODE_HEADER) / PORT_ROW);
  const side = point.x < node.position.x + NODE_WIDTH / 2 ? 'in' : 'out';
  const ports = host.view.portsOf(node);
  const port = (side === 'in' ? ports.inputs : ports.outputs)[row];
  return { node, port: port === undefined ? undefined : { node: node.id, port, side } };
}

/** What a press at a point aims at: a port within `PORT_REACH` of its anchor, else the topmost node. */
export function pressTarget(host: Host, point: Point): NodeHit | undefined {
  const reach = { x: point.x - PORT_REACH, y: point.y - PORT_REACH, width: 2 * PORT_REACH, height: 2 * PORT_REACH };
  // Anchors sit on the node's border, so a press just outside it still reaches the port.
  for (const node of topmost(host, reach)) {
    const port = portNear(host, node, point);
    if (port) return { node, port };
  }
  const node = nodeAt(host, point);
  return node && { node };
}

function portNear(host: Host, node: GraphNode, point: Point): PortHit | undefined {
  const ports = host.view.portsOf(node);
  for (const side of ['in', 'out'] as const) {
    const list = side === 'in' ? ports.inputs : ports.outputs;
    const i = list.findIndex((_, index) => {
      const a = portAnchor(node, side, index);
      return Math.hypot(a.x - point.x, a.y - point.y) <= PORT_REACH;
    });
    if (i >= 0) return { node: node.id, port: list[i], side };
  }
  return undefined;
}
