import type { GraphEdge, GraphNode, Point } from '../document.js';
import { topLeftOf } from '../geometry.js';
import { portAnchor, type PortLists } from '../layout.js';

/** A node as a layout engine sees it: its box and its ports, in the order the node shows them. */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  inputs: string[];
  outputs: string[];
}

/** An edge between two ports of laid-out nodes. */
export interface LayoutEdge {
  from: { node: string; port: string };
  to: { node: string; port: string };
}

/** Plain structured-clone data: what crosses to the worker that lays the graph out. */
export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/** Top-left corners by node id: what a layout engine returns. */
export type LayoutPositions = Record<string, Point>;

export interface LayoutSource {
  /** The node's box (computed geometry, so no DOM reads). */
  size(node: GraphNode): { width: number; height: number };
  /** The node's ports in display order (its manifest's order). */
  ports(node: GraphNode): PortLists;
}

/**
 * The layout input for `nodes` and the edges between them. Edges that leave the set are
 * dropped (the rest of the graph stays where it is), and so are edges naming a port the
 * node does not show (an unknown type), so the engine never sees a dangling port.
 */
export function layoutInput(nodes: readonly GraphNode[], edges: Iterable<GraphEdge>, source: LayoutSource): LayoutInput {
  const byId = new Map<string, LayoutNode>();
  for (const node of nodes) {
    const { width, height } = source.size(node);
    const { inputs, outputs } = source.ports(node);
    byId.set(node.id, { id: node.id, width, height, inputs: [...inputs], outputs: [...outputs] });
  }
  const kept: LayoutEdge[] = [];
  for (const edge of edges) {
    const from = byId.get(edge.from.node);
    const to = byId.get(edge.to.node);
    if (from?.outputs.includes(edge.from.port) && to?.inputs.includes(edge.to.port))
      kept.push({ from: { ...edge.from }, to: { ...edge.to } });
  }
  return { nodes: [...byId.values()], edges: kept };
}

/** Where a port attaches, relative to its node's top-left (the editor's fixed geometry). */
export function portOffset(node: LayoutNode, side: 'in' | 'out', port: string): Point {
  const index = (side === 'in' ? node.inputs : node.outputs).indexOf(port);
  const anchor = portAnchor({ position: { x: 0, y: 0 } }, side, index);
  return { x: side === 'in' ? 0 : node.width, y: anchor.y };
}

/**
 * Moves a layout so its bounding box starts where `anchor` is (the laid-out nodes' old
 * top-left), so tidying a flow or a selection keeps it in place on the canvas.
 */
export function placeAt(positions: LayoutPositions, anchor: Point): LayoutPositions {
  const points = Object.values(positions);
  if (points.length === 0) return {};
  const { x: minX, y: minY } = topLeftOf(points);
  const out: LayoutPositions = {};
  for (const [id, p] of Object.entries(positions)) out[id] = { x: Math.round(p.x - minX + anchor.x), y: Math.round(p.y - minY + anchor.y) };
  return out;
}
