/** Selected nodes and edges. Changes go through `set`, which reports whether anything changed. */
export class Selection {
  nodes = new Set<string>();
  edges = new Set<string>();

  get isEmpty(): boolean {
    return this.nodes.size === 0 && this.edges.size === 0;
  }

  /** Replaces the selection; returns true when it differs from before. */
  set(nodes: Iterable<string>, edges: Iterable<string> = []): boolean {
    const n = new Set(nodes);
    const e = new Set(edges);
    // Kept when unchanged: the sets' identity says whether the selection changed.
    if (sameSet(n, this.nodes) && sameSet(e, this.edges)) return false;
    this.nodes = n;
    this.edges = e;
    return true;
  }

  /** Adds or removes one node (shift/ctrl-click). */
  toggleNode(id: string): boolean {
    const nodes = new Set(this.nodes);
    if (!nodes.delete(id)) nodes.add(id);
    return this.set(nodes, this.edges);
  }

  /** Drops ids that no longer exist. */
  prune(hasNode: (id: string) => boolean, hasEdge: (id: string) => boolean): boolean {
    return this.set([...this.nodes].filter(hasNode), [...this.edges].filter(hasEdge));
  }
}

function sameSet<T>(a: Set<T>, b: Set<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
