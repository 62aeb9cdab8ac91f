import { portOffset, type LayoutInput, type LayoutNode, type LayoutPositions } from './layout-input.js';

/** The parts of elkjs's JSON graph that V2U writes and reads (kept here so core needs no elkjs types). */
export interface ElkPort {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  layoutOptions: Record<string, string>;
}

export interface ElkChild {
  id: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
  layoutOptions?: Record<string, string>;
  ports?: ElkPort[];
}

export interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkChild[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/** Gaps between nodes in a column and between columns, in graph units. */
export const NODE_GAP = 40;
export const LAYER_GAP = 80;

/**
 * Layered, left to right: the algorithm elkjs made for dataflow diagrams. Ports sit at
 * fixed positions (the editor's own anchors), so the crossing minimiser sees the real port
 * order; considering model order keeps the flow's own node order where it is free to.
 */
const GRAPH_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': String(NODE_GAP),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.portConstraints': 'FIXED_POS',
};

/** A port's id in the ELK graph: node, side and name, joined by a character no id holds. */
export function elkPortId(node: string, side: 'in' | 'out', port: string): string {
  return `${node}\u0000${side}\u0000${port}`;
}

/** The ELK graph for a layout input: nodes with their boxes, ports at their anchors. */
export function toElkGraph(input: LayoutInput): ElkGraph {
  return {
    id: 'root',
    layoutOptions: GRAPH_OPTIONS,
    children: input.nodes.map(toElkChild),
    edges: input.edges.map((edge, i) => ({
      id: `e${i}`,
      sources: [elkPortId(edge.from.node, 'out', edge.from.port)],
      targets: [elkPortId(edge.to.node, 'in', edge.to.port)],
    })),
  };
}

function toElkChild(node: LayoutNode): ElkChild {
  const port = (side: 'in' | 'out', name: string): ElkPort => ({
    id: elkPortId(node.id, side, name),
    ...portOffset(node, side, name),
    width: 0,
    height: 0,
    layoutOptions: { 'elk.port.side': side === 'in' ? 'WEST' : 'EAST' },
  });
  return {
    id: node.id,
    width: node.width,
    height: node.height,
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    ports: [...node.inputs.map((p) => port('in', p)), ...node.outputs.map((p) => port('out', p))],
  };
}

/** The top-left corners ELK chose; throws naming the node when one has none. */
export function fromElkGraph(graph: { children?: { id: string; x?: number; y?: number }[] }): LayoutPositions {
  const out: LayoutPositions = {};
  for (const child of graph.children ?? []) {
    if (!Number.isFinite(child.x) || !Number.isFinite(child.y)) throw new Error(`layout: ELK gave node "${child.id}" no position`);
    out[child.id] = { x: child.x!, y: child.y! };
  }
  return out;
}
