import { NODE_WIDTH, collapsedMembers, intersects, type GraphGroup, type GraphNode, type GraphState, type Point, type Rect } from '../../../core/index.js';
import { unionRect } from '../../../core/geometry.js';
import type { GraphViewModel } from '../view-model.js';

/** Room around the members, and the header strip that carries the label and buttons. */
export const GROUP_PAD = 20;
export const GROUP_HEADER = 30;
/** A collapsed group's box: as wide as a node, one header and one port row high. */
export const BOX_HEIGHT = 64;

/**
 * Group geometry, computed from the members' rectangles (never measured): each frame, each
 * collapsed box, and where edges crossing a collapsed frame attach. Memoised until the
 * graph changes; the canvas asks for it once per render.
 */
export class GroupLayout {
  private _frames = new Map<string, Rect | undefined>();
  private _hidden: Map<string, GraphGroup> | undefined;

  constructor(
    private _state: () => GraphState,
    private _view: () => GraphViewModel,
  ) {}

  /** Forgets everything computed; call after every graph change. */
  invalidate(): void {
    this._frames.clear();
    this._hidden = undefined;
  }

  /** Member nodes hidden in a collapsed group, with that group. */
  get hidden(): Map<string, GraphGroup> {
    return (this._hidden ??= collapsedMembers(this._state().groups()));
  }

  /** The frame: members plus room for the header, covering `rect` when sized by hand. */
  frameOf(group: GraphGroup): Rect | undefined {
    if (this._frames.has(group.id)) return this._frames.get(group.id);
    let frame: Rect | undefined;
    for (const id of group.nodes) {
      const node = this._state().getNode(id);
      if (node) frame = unionRect(frame, pad(this._view().rectOf(node)));
    }
    if (frame && group.rect) frame = unionRect(frame, group.rect);
    this._frames.set(group.id, frame);
    return frame;
  }

  /** What the canvas shows of a group: its frame, or its compact box when collapsed. */
  shapeOf(group: GraphGroup): Rect | undefined {
    const frame = this.frameOf(group);
    return frame && group.collapsed ? { x: frame.x, y: frame.y, width: NODE_WIDTH, height: BOX_HEIGHT } : frame;
  }

  /** `GraphViewModel.redirect`: edges leaving a collapsed group attach to its box; edges inside it hide. */
  readonly redirect = (node: GraphNode, side: 'in' | 'out', other: GraphNode): Point | null | undefined => {
    const group = this.hidden.get(node.id);
    if (!group) return undefined;
    if (this.hidden.get(other.id) === group) return null;
    const box = this.shapeOf(group)!;
    return { x: box.x + (side === 'in' ? 0 : box.width), y: box.y + BOX_HEIGHT / 2 };
  };

  /** Every group's shape: its frame, or its box when collapsed. */
  shapes(): Rect[] {
    return [...this._state().groups()].map((g) => this.shapeOf(g)).filter((r): r is Rect => r !== undefined);
  }

  /** `base` (the nodes' bounds) grown to cover every group's shape, for fitting. */
  bounds(base: Rect | undefined): Rect | undefined {
    return this.shapes().reduce<Rect | undefined>((all, r) => unionRect(all, r), base);
  }

  /** Groups whose shape meets `area`, outermost (largest) first so inner frames paint on top. */
  visible(area: Rect): GraphGroup[] {
    const shown: Array<[GraphGroup, number]> = [];
    for (const group of this._state().groups()) {
      const shape = this.shapeOf(group);
      if (shape && intersects(shape, area)) shown.push([group, shape.width * shape.height]);
    }
    return shown.sort((a, b) => b[1] - a[1]).map(([g]) => g);
  }
}

function pad(r: Rect): Rect {
  return { x: r.x - GROUP_PAD, y: r.y - GROUP_PAD - GROUP_HEADER, width: r.width + 2 * GROUP_PAD, height: r.height + 2 * GROUP_PAD + GROUP_HEADER };
}
