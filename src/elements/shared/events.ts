import type { ChangeOrigin, ErrorCode, GraphDocument, Viewport } from '../../core/index.js';
import type { V2uWarningDetail } from '../../registry/metrics.js';

export type { V2uWarningDetail };

/** `v2u-error`: bad input or a failure; the graph and saved data are left as they were. */
export interface V2uErrorDetail {
  code: ErrorCode | string;
  message: string;
  /** JSON path of the offending spot, when the error is about a document. */
  path?: string;
  /** What the editor was doing: `value`, `graph`, `importGraph`, `connect`, … */
  source: string;
}

/** `v2u-change`: a person (or undo/redo) changed the graph. */
export interface V2uChangeDetail {
  origin: ChangeOrigin;
  /** The change types in this step, e.g. `node-move`. */
  types: string[];
  /** The document after the change. */
  graph: GraphDocument;
}

/**
 * `v2u-viewport-change`: the person panned or zoomed. Not an edit: no `v2u-change`, the form
 * value and the autosaved draft are not touched (the viewport goes with the next edit).
 */
export interface V2uViewportChangeDetail {
  viewport: Viewport;
}

/** `v2u-select`: the selection changed. */
export interface V2uSelectDetail {
  nodes: string[];
  edges: string[];
}

/** `v2u-draft-found` and `v2u-draft-conflict`: a saved draft (cancel the event to handle it yourself). */
export interface V2uDraftDetail {
  graph: GraphDocument;
  savedAt: number;
}

/** `v2u-output`: an Emit node produced a result; how a CMS or app takes a flow's output. */
export interface V2uOutputDetail {
  nodeId: string;
  name: string;
  value: unknown;
}

/** `v2u-inspector-toggle`: the inspector panel opened or collapsed (the canvas beside it changed size). */
export interface V2uInspectorToggleDetail {
  collapsed: boolean;
}

/**
 * `v2u-ready`: the loaded graph is drawn with its types: every node whose type the editor
 * knows shows its real title and ports. Types no manifest source knows once the library is
 * in stay placeholders (`unknownTypes`). Fires once per loaded graph.
 */
export interface V2uReadyDetail {
  /** Nodes in the graph. */
  nodes: number;
  /** Types of the graph that no manifest source knows: drawn as placeholders. */
  unknownTypes: string[];
}

export interface V2uEventMap {
  'v2u-ready': CustomEvent<V2uReadyDetail>;
  'v2u-output': CustomEvent<V2uOutputDetail>;
  'v2u-warning': CustomEvent<V2uWarningDetail>;
  'v2u-draft-found': CustomEvent<V2uDraftDetail>;
  'v2u-draft-conflict': CustomEvent<V2uDraftDetail>;
  'v2u-error': CustomEvent<V2uErrorDetail>;
  'v2u-change': CustomEvent<V2uChangeDetail>;
  'v2u-select': CustomEvent<V2uSelectDetail>;
  'v2u-viewport-change': CustomEvent<V2uViewportChangeDetail>;
  'v2u-inspector-toggle': CustomEvent<V2uInspectorToggleDetail>;
}

/** Dispatches a `v2u-` event the way every V2U element does: bubbling and composed. */
export function emit<K extends keyof V2uEventMap>(
  target: EventTarget,
  name: K,
  detail: V2uEventMap[K]['detail'],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, ...options }));
}

declare global {
  interface HTMLElementEventMap extends V2uEventMap {}
}
