/** The graph document: what a person builds, saves and shares. Plain JSON data. */

/** The schema version this build writes; older documents are migrated on parse. */
export const CURRENT_VERSION = 2;

export interface Point {
  x: number;
  y: number;
}

/** One end of an edge: a node id and the name of one of its ports. */
export interface PortRef {
  node: string;
  port: string;
}

export interface GraphNode {
  id: string;
  /** The node type, e.g. `transform/filter`. Unknown types are kept as they are. */
  type: string;
  position: Point;
  config: Record<string, unknown>;
  label?: string;
  /** Fields this version does not know, kept so they round-trip. */
  [extra: string]: unknown;
}

export interface GraphEdge {
  id: string;
  /** An output port. */
  from: PortRef;
  /** An input port. */
  to: PortRef;
  [extra: string]: unknown;
}

export interface GraphGroup {
  id: string;
  label?: string;
  nodes: string[];
  [extra: string]: unknown;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface GraphDocument {
  version: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
  viewport: Viewport;
  metadata: Record<string, unknown>;
}

/** A new, empty document at the current version. */
export function createDocument(partial: Partial<GraphDocument> = {}): GraphDocument {
  return {
    version: CURRENT_VERSION,
    nodes: [],
    edges: [],
    groups: [],
    viewport: { x: 0, y: 0, zoom: 1 },
    metadata: {},
    ...partial,
  };
}
