import type { GraphEdge, GraphGroup, GraphNode, Point, SubflowDefinition, Viewport } from './document.js';

/**
 * Every mutation of a graph is one of these plain objects. The same objects drive undo
 * (through `invertChange`), autosave, rendering and events. `seq` is the item's place in
 * document order, so undoing a removal puts the item back exactly where it was.
 */
export type Change =
  | { type: 'node-add'; node: GraphNode; seq: number }
  | { type: 'node-remove'; node: GraphNode; seq: number }
  | { type: 'node-move'; id: string; from: Point; to: Point }
  | { type: 'node-update'; id: string; before: GraphNode; after: GraphNode }
  | { type: 'edge-add'; edge: GraphEdge; seq: number }
  | { type: 'edge-remove'; edge: GraphEdge; seq: number }
  | { type: 'group-add'; group: GraphGroup; seq: number }
  | { type: 'group-remove'; group: GraphGroup; seq: number }
  | { type: 'group-update'; id: string; before: GraphGroup; after: GraphGroup }
  | { type: 'viewport'; from: Viewport; to: Viewport }
  | { type: 'metadata'; before: Record<string, unknown>; after: Record<string, unknown> }
  /** Adds (no `before`), edits or removes (no `after`) the subflow definition at `index` of `$.subflows`. */
  | { type: 'subflow'; index: number; before?: SubflowDefinition; after?: SubflowDefinition };

export type ChangeType = Change['type'];

/** The change that undoes `change`. Pure. */
export function invertChange(change: Change): Change {
  switch (change.type) {
    case 'node-add':
      return { ...change, type: 'node-remove' };
    case 'node-remove':
      return { ...change, type: 'node-add' };
    case 'edge-add':
      return { ...change, type: 'edge-remove' };
    case 'edge-remove':
      return { ...change, type: 'edge-add' };
    case 'group-add':
      return { ...change, type: 'group-remove' };
    case 'group-remove':
      return { ...change, type: 'group-add' };
    case 'node-move':
      return { ...change, from: change.to, to: change.from };
    case 'viewport':
      return { ...change, from: change.to, to: change.from };
    case 'node-update':
    case 'group-update':
    case 'metadata':
    case 'subflow':
      return { ...change, before: change.after, after: change.before } as Change;
  }
}

/** The inverse of a list of changes: each inverted, in reverse order. */
export function invertChanges(changes: readonly Change[]): Change[] {
  return changes.map(invertChange).reverse();
}

/**
 * Folds a change into a batch: successive moves or updates of the same item collapse into
 * one, so a 60-frame drag is a single step that undoes to where the drag began.
 */
export function appendCoalesced(batch: Change[], change: Change): void {
  const last = findMergeable(batch, change);
  if (!last) batch.push({ ...change });
  else if (last.type === 'node-move' && change.type === 'node-move') last.to = change.to;
  else if (last.type === 'node-update' && change.type === 'node-update') last.after = change.after;
  else if (last.type === 'viewport' && change.type === 'viewport') last.to = change.to;
  else batch.push({ ...change });
}

function findMergeable(batch: Change[], change: Change): Change | undefined {
  if (change.type !== 'node-move' && change.type !== 'node-update' && change.type !== 'viewport') return undefined;
  // Look back over the run of same-kind changes only; anything in between keeps its order.
  for (let i = batch.length - 1; i >= 0; i--) {
    const candidate = batch[i];
    if (candidate.type !== change.type) return undefined;
    if (change.type === 'viewport' || (candidate as { id: string }).id === (change as { id: string }).id) return candidate;
  }
  return undefined;
}

/** The node ids a change touches, so a view re-renders only those. */
export function touchedNodeIds(change: Change): string[] {
  switch (change.type) {
    case 'node-add':
    case 'node-remove':
      return [change.node.id];
    case 'node-move':
    case 'node-update':
      return [change.id];
    case 'edge-add':
    case 'edge-remove':
      return [change.edge.from.node, change.edge.to.node];
    default:
      return [];
  }
}

export type { Point };
