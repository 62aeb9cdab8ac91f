import type { Change } from '../changes.js';
import { LIMITS, clampPoint, type GraphGroup, type Point } from '../document.js';
import { ErrorCodes, V2uError, quote } from '../errors.js';
import type { GraphStore } from '../graph-store.js';
import type { Rect } from '../spatial-index.js';

/**
 * The colours a group frame may take. They are names, not CSS: each theme maps a name to
 * its own tint (`--v2u-group-<name>`), so a document looks right in light and dark themes.
 */
export const GROUP_COLORS = ['gray', 'blue', 'green', 'amber', 'red', 'purple'] as const;
/** A group frame's colour name; each maps to a theme-aware `--v2u-group-<name>-color`. */
export type GroupColor = (typeof GROUP_COLORS)[number];

/** What a person may change on a group in place: its label, colour, size and whether it is folded. */
export interface GroupPatch {
  /** `''` or `null` removes the label. */
  label?: string | null;
  color?: GroupColor;
  collapsed?: boolean;
  /** The frame's area in graph units; `null` goes back to fitting the members. */
  rect?: Rect | null;
}

/**
 * Changes one group's label, colour, size or folding as one undoable edit.
 *
 * @example
 * updateGroup(store, 'g1', { label: 'Inputs', color: 'blue', collapsed: true });
 */
export function updateGroup(store: GraphStore, id: string, patch: GroupPatch): GraphGroup {
  const before = requireGroup(store, id, 'updateGroup');
  const after: GraphGroup = { ...before };
  for (const key of ['label', 'color', 'collapsed', 'rect'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value === null || value === '' || value === false || value === undefined) delete after[key];
    else (after as Record<string, unknown>)[key] = key === 'rect' ? checkRect(value as Rect, id) : value;
  }
  if (patch.color !== undefined && !GROUP_COLORS.includes(patch.color))
    throw new V2uError(ErrorCodes.badValue, `updateGroup: colour ${quote(String(patch.color))} of group ${quote(id)} is not one of ${GROUP_COLORS.join(', ')}`);
  if (JSON.stringify(after) === JSON.stringify(before)) return before;
  store.apply(patch.rect !== undefined ? 'Resize group' : patch.collapsed !== undefined ? (patch.collapsed ? 'Collapse group' : 'Expand group') : 'Edit group', [
    { type: 'group-update', id, before, after },
  ]);
  return after;
}

/**
 * Moves a group's members (and its frame, when sized by hand) by `delta` from where they
 * were at `from`. A drag calls it on every frame inside one batch, so it is one undo step.
 */
export function moveGroup(store: GraphStore, id: string, from: GroupSnapshot, delta: Point): void {
  const group = requireGroup(store, id, 'moveGroup');
  const moves = [...from.positions].filter(([n]) => store.state.getNode(n)).map(([n, p]) => ({ id: n, position: clampPoint({ x: p.x + delta.x, y: p.y + delta.y }) }));
  store.moveNodes(moves);
  if (from.rect) {
    const rect = { ...from.rect, x: from.rect.x + delta.x, y: from.rect.y + delta.y };
    const changes: Change[] = [{ type: 'group-update', id, before: group, after: { ...group, rect: checkRect(rect, id) } }];
    store.apply('Move group', changes);
  }
}

/** Where a group's members and frame are when a move starts. */
export interface GroupSnapshot {
  positions: Map<string, Point>;
  rect?: Rect;
}

/** A group's frame and members as they are now, so a gesture can move or restore them as one batch. */
export function snapshotGroup(store: GraphStore, id: string): GroupSnapshot {
  const group = requireGroup(store, id, 'snapshotGroup');
  const positions = new Map(group.nodes.map((n) => [n, store.state.requireNode(n).position] as const));
  return { positions, rect: group.rect as Rect | undefined };
}

/** Removes every group whose members all lie in `nodeIds`, as one undo step; returns how many. */
export function ungroupCovering(store: GraphStore, nodeIds: ReadonlySet<string>): number {
  const doomed = [...store.state.groups()].filter((g) => g.nodes.length > 0 && g.nodes.every((n) => nodeIds.has(n)));
  store.transaction('Ungroup', () => doomed.forEach((g) => store.ungroup(g.id)));
  return doomed.length;
}

/** The ids of nodes hidden inside collapsed groups, mapped to their group. */
export function collapsedMembers(groups: Iterable<GraphGroup>): Map<string, GraphGroup> {
  const hidden = new Map<string, GraphGroup>();
  for (const group of groups) if (group.collapsed) for (const n of group.nodes) hidden.set(n, group);
  return hidden;
}

function requireGroup(store: GraphStore, id: string, where: string): GraphGroup {
  const group = store.state.getGroup(id);
  if (!group) throw new V2uError(ErrorCodes.missingGroup, `${where}: no group with id ${quote(id)}`);
  return group;
}

function checkRect(rect: Rect, id: string): Rect {
  const ok = [rect.x, rect.y, rect.width, rect.height].every((v) => Number.isFinite(v) && Math.abs(v) <= LIMITS.coordinate) && rect.width > 0 && rect.height > 0;
  if (!ok) throw new V2uError(ErrorCodes.outOfRange, `group ${quote(id)}: the frame needs finite x, y and a positive width and height within ±1,000,000`);
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
}
