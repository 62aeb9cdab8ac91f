import type { ConfigField } from './manifest.js';

/** The graph document: what a person builds, saves and shares. Plain JSON data. */

/** The schema version this build writes; older documents are migrated on parse. */
export const CURRENT_VERSION = 2;

/**
 * What a document may hold. Node positions stay within ±1,000,000 graph units: at the
 * largest zoom (10) that is 10,000,000 CSS pixels, inside what browsers lay out exactly
 * (Chromium's LayoutUnit ends near 33.5 million px, Firefox's near 17.9 million), and
 * float32 (SVG paths, GPU transforms) still resolves a sixteenth of a unit there. The
 * largest demo graph spans about 26,000 units. Zoom stays within 0.01..10; the element
 * clamps further to its own `min-zoom`/`max-zoom`. The viewport offset (where the graph
 * origin sits on screen) is bounded so any allowed point can be shown at any allowed zoom.
 */
export const LIMITS = {
  coordinate: 1_000_000,
  zoomMin: 0.01,
  zoomMax: 10,
  viewportOffset: 20_000_000,
} as const;

/** Why the finite number `value` is outside ±`limit`, or undefined when it is inside. */
export function outOfRange(value: number, limit: number = LIMITS.coordinate): string | undefined {
  return Math.abs(value) > limit ? `${value} is out of range: keep it within ±${limit.toLocaleString('en')}` : undefined;
}

/** Why the finite number `zoom` is outside LIMITS, or undefined when it is inside. */
export function zoomOutOfRange(zoom: number): string | undefined {
  return zoom < LIMITS.zoomMin || zoom > LIMITS.zoomMax ? `zoom ${zoom} is out of range: keep it within ${LIMITS.zoomMin}..${LIMITS.zoomMax}` : undefined;
}

/** `p` moved to the nearest point within LIMITS: for gestures that would leave the canvas. */
export function clampPoint(p: Point): Point {
  return { x: clamp(p.x, LIMITS.coordinate), y: clamp(p.y, LIMITS.coordinate) };
}

/** `v` with its zoom and offset inside LIMITS: what a pan or zoom gesture may save. */
export function clampViewport(v: Viewport): Viewport {
  const zoom = Math.min(LIMITS.zoomMax, Math.max(LIMITS.zoomMin, Number.isFinite(v.zoom) ? v.zoom : 1));
  return { x: clamp(v.x, LIMITS.viewportOffset), y: clamp(v.y, LIMITS.viewportOffset), zoom };
}

function clamp(value: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, Number.isFinite(value) ? value : 0));
}

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

/** A labelled, coloured frame around some nodes; it does not change how the flow runs. */
export interface GraphGroup {
  id: string;
  label?: string;
  nodes: string[];
  /** A colour name from GROUP_COLORS; each theme tints it. */
  color?: string;
  /** Shown as one compact box, with edges that cross the frame attached to it. */
  collapsed?: boolean;
  /** The frame's area when sized by hand; the frame always covers its members too. */
  rect?: { x: number; y: number; width: number; height: number };
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

/** The document as JSON text: what `value`, forms and autosave carry. */
export function serializeDocument(doc: GraphDocument, space?: number): string {
  return JSON.stringify(doc, null, space);
}

/** An input of a subflow: the inner ports its value feeds. */
export interface SubflowInput {
  name: string;
  /** The port type, taken from the inner port it was made from. */
  type: string;
  targets: PortRef[];
}

/** An output of a subflow: the inner output port it shows outside. */
export interface SubflowOutput {
  name: string;
  type: string;
  from: PortRef;
}

/**
 * A reusable flow that appears as one node. Plain JSON, interpreted by the runtime: the
 * engine runs its inner nodes as part of the outer run. Inner config values written as
 * `{ "$param": "name" }` read the instance's config field `name` (or its default).
 * A builder-made node type whose logic is a flow carries one of these.
 */
export interface SubflowDefinition {
  id: string;
  /** Bumped by every edit of the inside, so caches and copies can tell versions apart. */
  version: number;
  title: string;
  inputs: SubflowInput[];
  outputs: SubflowOutput[];
  config?: Record<string, ConfigField>;
  nodes: GraphNode[];
  edges: GraphEdge[];
  [extra: string]: unknown;
}
