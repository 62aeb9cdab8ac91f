/** Graph algorithms over plain node ids and edges; shared by validation, commands and the engine. */
import { addTo } from './lists.js';

export interface EdgeLike {
  from: { node: string };
  to: { node: string };
}

/** Outgoing adjacency: node id → ids of the nodes its outputs feed. */
export function successors(edges: Iterable<EdgeLike>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const edge of edges) addTo(out, edge.from.node, edge.to.node);
  return out;
}

/** Whether `target` can be reached from `start` by following `next` forward. */
export function canReach(start: string, target: string, next: (id: string) => Iterable<string>): boolean {
  if (start === target) return true;
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length) {
    for (const id of next(stack.pop()!)) {
      if (id === target) return true;
      if (!seen.has(id)) {
        seen.add(id);
        stack.push(id);
      }
    }
  }
  return false;
}

/**
 * Kahn's order of the nodes. Returns the order and, when the graph has a cycle, the nodes
 * of one cycle in order (first node repeated at the end) so an error can name it.
 */
export function topologicalOrder(
  nodeIds: Iterable<string>,
  edges: Iterable<EdgeLike>,
): { order: string[]; cycle?: string[] } {
  const adjacency = successors(edges);
  const indegree = new Map<string, number>();
  for (const id of nodeIds) indegree.set(id, 0);
  for (const targets of adjacency.values())
    for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  const ready = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i];
    order.push(id);
    for (const t of adjacency.get(id) ?? []) {
      const d = indegree.get(t)! - 1;
      indegree.set(t, d);
      if (d === 0) ready.push(t);
    }
  }
  if (order.length === indegree.size) return { order };
  const left = new Set([...indegree].filter(([, d]) => d > 0).map(([id]) => id));
  return { order, cycle: findCycleIn(left, adjacency) };
}

function findCycleIn(left: Set<string>, adjacency: Map<string, string[]>): string[] {
  // Every node Kahn left behind has a predecessor that was left behind too, so walking
  // backwards must revisit a node; the loop from there is a cycle.
  const predecessor = new Map<string, string>();
  for (const [from, targets] of adjacency)
    if (left.has(from)) for (const t of targets) if (left.has(t)) predecessor.set(t, from);
  let current = left.values().next().value as string;
  const seenAt = new Map<string, number>();
  const path: string[] = [];
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = predecessor.get(current)!;
  }
  const loop = path.slice(seenAt.get(current)).reverse();
  return [...loop, loop[0]];
}
