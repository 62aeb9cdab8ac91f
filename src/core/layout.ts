import type { GraphNode, Point } from './document.js';
import type { NodePorts } from './manifest.js';

/**
 * Node geometry is computed, never measured: every node shell has a fixed width and rows
 * of fixed height, so edges, culling and hit tests need no layout reads from the DOM.
 */
export const NODE_WIDTH = 180;
export const NODE_HEADER = 32;
export const PORT_ROW = 22;
export const NODE_PADDING = 10;
/** Height of the body area reserved for a node type's own element (previews, charts). */
export const NODE_BODY = 140;
/** Height of the status area under the ports: status, progress, duration, output preview. */
export const NODE_STATUS = 34;

export interface PortLists {
  inputs: string[];
  outputs: string[];
}

export function portLists(ports: NodePorts): PortLists {
  return { inputs: Object.keys(ports.inputs), outputs: Object.keys(ports.outputs) };
}

export function nodeHeight(ports: PortLists, hasBody = false): number {
  return portsBottom(ports) + NODE_STATUS + (hasBody ? NODE_BODY : 0);
}

/** Where the port rows end, measured from the node's top. */
export function portsBottom(ports: PortLists): number {
  return NODE_HEADER + Math.max(1, ports.inputs.length, ports.outputs.length) * PORT_ROW + NODE_PADDING;
}

/** Where an edge attaches: left edge for inputs, right edge for outputs. */
export function portAnchor(node: Pick<GraphNode, 'position'>, side: 'in' | 'out', index: number): Point {
  return {
    x: node.position.x + (side === 'in' ? 0 : NODE_WIDTH),
    y: node.position.y + NODE_HEADER + Math.max(0, index) * PORT_ROW + PORT_ROW / 2,
  };
}

/** A horizontal cubic Bézier from an output anchor to an input anchor, as SVG path data. */
export function edgePath(a: Point, b: Point): string {
  const bend = Math.max(40, Math.abs(b.x - a.x) / 2);
  return `M${a.x},${a.y} C${a.x + bend},${a.y} ${b.x - bend},${b.y} ${b.x},${b.y}`;
}
