import type { GraphDocument, GraphEdge, GraphNode, GraphStore, ManifestSource, Point } from '../../core/index.js';
import type { RunOptions, RunSummary } from '../../core/engine/types.js';
import type { NodeRegistry } from '../../registry/node-registry.js';
import type { EditorAction } from './keyboard.js';
import type { PointerHost } from './pointer-controller.js';

/**
 * What the editing code (kit, actions, popovers, toolbar, autosave) needs from the editor.
 * It depends on this, never on the element class, so nothing imports back up into
 * `editor.component.ts` and each piece can be tested with a small host of its own.
 */
export interface EditorHost extends PointerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Whether the first render has happened. */
  readonly hasUpdated: boolean;
  readonly store: GraphStore;
  readonly manifests: ManifestSource;
  readonly registry: NodeRegistry;
  /** The graph as an object; what autosave compares its drafts with. */
  readonly graph: GraphDocument;
  /** The node that has keyboard focus, if any. */
  focusedNode: string | undefined;
  readonly canvasSize: { width: number; height: number };
  /** The pannable canvas, once rendered (measured directly where the observer may lag). */
  readonly canvas: HTMLElement | null;
  readonly running: boolean;
  /** Toolbar toggles: auto-run, box select and snap to grid. */
  noAutoRun: boolean;
  boxMode: boolean;
  snapToGrid: boolean;
  readonly poolSize?: number;
  readonly workerUrl?: string;
  readonly allowedOrigins?: string;
  /** Where drafts and the inspector panel's size are remembered. */
  readonly storageKey?: string;
  focusNode(id: string): Promise<void>;
  perform(action: EditorAction): void;
  reportError(error: unknown, source: string): void;
  describeEdge(edge: GraphEdge): string;
  visibleNodes(): GraphNode[];
  pointerOrCenter(): Point;
  centerPoint(): Point;
  importGraph(input: GraphDocument | string): void;
  undo(): boolean;
  redo(): boolean;
  fitView(): void;
  zoomBy(factor: number): void;
  run(options?: RunOptions): Promise<RunSummary>;
  /** Why the node library could not be loaded, if it could not; `retryLibrary()` tries again. */
  readonly libraryFailure: string | undefined;
  retryLibrary(): void;
  /** Resolves when the graph and its types are known (runs wait for it). */
  graphReady(): Promise<void>;
  cancel(): void;
}
