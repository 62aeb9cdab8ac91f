import type { GraphStore, Point, Rect, Viewport } from '../../../core/index.js';
import type { Selection } from '../selection.js';
import type { GraphViewModel, PortHit } from '../view-model.js';
import type { ZoomLimits } from '../viewport.js';

/** The live state of a connection being dragged, for the canvas to draw. */
export interface ConnectPreview {
  from: PortHit;
  /** Pointer in graph coordinates. */
  pointer: Point;
  /** `node\0port` of each input checked → true, or the reason it is refused. */
  verdicts: Map<string, true | string>;
  /** The port under the pointer, if any. */
  hover?: string;
}

/**
 * What gestures may read and do on the editor. Gestures get it through this interface,
 * so they stay small functions with no knowledge of Lit or the template.
 */
export interface CanvasHost {
  readonly store: GraphStore;
  readonly view: GraphViewModel;
  readonly selection: Selection;
  readonly editable: boolean;
  /** Grid step for snapping while dragging; 0 when snapping is off. */
  readonly snapStep: number;
  readonly zoomLimits: ZoomLimits;
  /** The viewport as shown right now (live during a gesture). */
  readonly liveViewport: Viewport;
  /** Shows a viewport without recording it; `commitViewport` saves it to the document. */
  showViewport(viewport: Viewport): void;
  commitViewport(): void;
  /** Pointer position relative to the canvas, in screen pixels. */
  canvasPoint(event: { clientX: number; clientY: number }): Point;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  setConnectPreview(preview: ConnectPreview | undefined): void;
  setSelectionBox(rect: Rect | undefined): void;
  announce(message: string): void;
}

/** One pointer interaction in progress. */
export interface Gesture {
  update(event: PointerEvent): void;
  end(event: PointerEvent): void;
  /** Ends without committing anything further (pointer cancelled, element disconnected). */
  destroy(): void;
}

export const portKey = (node: string, port: string) => `${node}\0${port}`;
