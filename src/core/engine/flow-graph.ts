import type { GraphDocument, GraphEdge, GraphNode } from '../document.js';
import type { NodeManifest } from '../manifest.js';
import { stableHash } from './stable-hash.js';

/**
 * A read-only snapshot of a document shaped for scheduling: edges by node, a topological
 * order. The engine keeps one between edits (to find what an edit changed), so it is
 * compact: each node has a dense index, and edges by node and ranks are typed arrays
 * indexed by it (one `Map` of ids in all, no array or map entry per node).
 */
export class FlowGraph {
  private _index?: Map<string, number>;
  /** The document's nodes by index. */
  readonly nodeList: readonly GraphNode[];
  /** Edges into node `i` (in document order): `incomingEdges[inStart[i] .. inStart[i + 1]]`. */
  private readonly _inStart: Int32Array;
  private readonly _inEdges: GraphEdge[];
  /** Edges out of node `i` (between nodes of the graph): targets, and each edge's place in `_inEdges`. */
  private readonly _outStart: Int32Array;
  private readonly _outTo: Int32Array;
  private readonly _outAt: Int32Array;
  /** Place in topological order; -1 for nodes on a cycle or below one. */
  private readonly _rank: Int32Array;
  private _configHashes = new Map<string, string>();

  constructor(readonly doc: GraphDocument) {
    const n = doc.nodes.length;
    this.nodeList = doc.nodes;
    const to = doc.edges.map((e) => this.index.get(e.to.node) ?? -1);
    const from = doc.edges.map((e, k) => (to[k] < 0 ? -1 : (this.index.get(e.from.node) ?? -1)));
    this._inStart = offsets(n, to);
    this._inEdges = new Array<GraphEdge>(this._inStart[n]);
    const inAt = new Int32Array(doc.edges.length);
    const inFill = this._inStart.slice(0, n);
    doc.edges.forEach((edge, k) => {
      if (to[k] < 0) return;
      inAt[k] = inFill[to[k]]++;
      this._inEdges[inAt[k]] = edge;
    });
    this._outStart = offsets(n, from);
    this._outTo = new Int32Array(this._outStart[n]);
    this._outAt = new Int32Array(this._outStart[n]);
    const outFill = this._outStart.slice(0, n);
    from.forEach((f, k) => {
      if (f < 0) return;
      const at = outFill[f]++;
      this._outTo[at] = to[k];
      this._outAt[at] = inAt[k];
    });
    this._rank = this.topologicalRanks();
  }

  /**
   * Node id → dense index (document order). Built on first use and again after `release()`:
   * the engine lets it go between runs, when nothing reads it until the next edit.
   */
  get index(): Map<string, number> {
    if (!this._index) {
      this._index = new Map();
      this.nodeList.forEach((node, i) => this._index!.set(node.id, i));
    }
    return this._index;
  }

  /** Lets the id index go (a Map entry per node); it is built again when next needed. */
  release(): void {
    this._index = undefined;
  }

  get size(): number {
    return this.nodeList.length;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  node(id: string): GraphNode | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.nodeList[i];
  }

  /** The edges into a node, in document order (those from missing nodes too). */
  incoming(id: string): GraphEdge[] {
    const i = this.index.get(id);
    return i === undefined ? [] : this._inEdges.slice(this._inStart[i], this._inStart[i + 1]);
  }

  /** Edges into node `i`: positions `inStart(i)` to `inStart(i + 1)` (see `outgoingAt`). */
  inStart(i: number): number {
    return this._inStart[i];
  }

  /** The edge at a position of the incoming lists. */
  incomingEdge(at: number): GraphEdge {
    return this._inEdges[at];
  }

  /** Number of places in the incoming lists. */
  get incomingCount(): number {
    return this._inEdges.length;
  }

  /** Calls `fn(target index, position of the edge in the incoming lists)` for each edge out of node `i`. */
  outgoingAt(i: number, fn: (target: number, at: number) => void): void {
    for (let k = this._outStart[i]; k < this._outStart[i + 1]; k++) fn(this._outTo[k], this._outAt[k]);
  }

  /** Place in topological order; undefined for nodes on a cycle (or below one) and unknown ids. */
  rank(id: string): number | undefined {
    const i = this.index.get(id);
    const rank = i === undefined ? -1 : this._rank[i];
    return rank < 0 ? undefined : rank;
  }

  /**
   * For each node (by index), the heaviest path from it to the end of the graph: its own
   * `weight` plus the heaviest of its successors'. Starting the nodes with the most work
   * still behind them first keeps a parallel run's critical path short. Nodes on a cycle
   * count only their own weight.
   */
  pathWeights(weight: (i: number) => number): Float64Array {
    const n = this.size;
    const path = new Float64Array(n);
    const order = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      path[i] = weight(i);
      if (this._rank[i] >= 0) order[this._rank[i]] = i;
    }
    for (let r = n - 1; r >= 0; r--) {
      const i = order[r];
      if (i < 0) continue;
      let next = 0;
      this.outgoingAt(i, (t) => (next = Math.max(next, path[t])));
      path[i] += next;
    }
    return path;
  }

  /** The given nodes and everything downstream of them. */
  downstream(ids: Iterable<string>): Set<string> {
    const seen = new Uint8Array(this.size);
    const stack: number[] = [];
    for (const id of ids) {
      const i = this.index.get(id);
      if (i !== undefined) stack.push(i);
    }
    const out = new Set<string>();
    while (stack.length) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      out.add(this.nodeList[i].id);
      this.outgoingAt(i, (t) => seen[t] || stack.push(t));
    }
    return out;
  }

  /** The downstream node ids of a node (each once). */
  successors(id: string): string[] {
    const i = this.index.get(id);
    const out = new Set<string>();
    if (i !== undefined) this.outgoingAt(i, (t) => out.add(this.nodeList[t].id));
    return [...out];
  }

  /** The upstream node ids of a node (each once). */
  upstream(id: string): string[] {
    return [...new Set(this.incoming(id).map((e) => e.from.node))];
  }

  /** Hash of a node's type and config; what an edit of the node changes. */
  nodeHash(id: string): string {
    let hash = this._configHashes.get(id);
    if (hash === undefined) {
      const node = this.node(id)!;
      this._configHashes.set(id, (hash = stableHash([node.type, node.config])));
    }
    return hash;
  }

  /** Nodes of `next` that are new, edited, or whose incoming edges changed since `prev`. */
  static changed(prev: FlowGraph | undefined, next: FlowGraph): Set<string> {
    const changed = new Set<string>();
    for (const node of next.nodeList) {
      const id = node.id;
      const before = prev?.node(id);
      // The store replaces config objects on edit, so a move (same config object) skips hashing.
      if (before && before.type === node.type && before.config === node.config) next._configHashes.set(id, prev!.nodeHash(id));
      if (!before || prev!.nodeHash(id) !== next.nodeHash(id) || edgeKey(prev!, id) !== edgeKey(next, id)) changed.add(id);
    }
    return changed;
  }

  /** Kahn's algorithm over the indexes. */
  private topologicalRanks(): Int32Array {
    const n = this.size;
    const indegree = new Int32Array(n);
    for (let i = 0; i < n; i++) this.outgoingAt(i, (t) => indegree[t]++);
    const rank = new Int32Array(n).fill(-1);
    const ready: number[] = [];
    for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
    for (let r = 0; r < ready.length; r++) {
      rank[ready[r]] = r;
      this.outgoingAt(ready[r], (t) => --indegree[t] === 0 && ready.push(t));
    }
    return rank;
  }
}

/** Start offsets of `n` lists, from each item's list (-1: in none); `offsets[n]` is the total. */
function offsets(n: number, listOf: number[]): Int32Array {
  const start = new Int32Array(n + 1);
  for (const i of listOf) if (i >= 0) start[i + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  return start;
}

function edgeKey(graph: FlowGraph, id: string): string {
  return graph.incoming(id).map((e) => `${e.from.node}.${e.from.port}>${e.to.port}`).join('|');
}

/** An upstream node's finished output with one hash per port. */
export interface Produced {
  outputs: Record<string, unknown>;
  portHashes: Record<string, string>;
}

/**
 * A node's inputs (port → upstream value; an array for `multiple` inputs, in edge order)
 * and the matching hashes for its cache key. `undefined` when an upstream output is missing.
 */
export function gatherInputs(graph: FlowGraph, id: string, manifest: NodeManifest, producedBy: (id: string) => Produced | undefined) {
  const inputs: Record<string, unknown> = {};
  const hashes: Record<string, string | string[]> = {};
  for (const edge of graph.incoming(id)) {
    const produced = producedBy(edge.from.node);
    if (!produced) return undefined;
    const value = produced.outputs[edge.from.port];
    const hash = produced.portHashes[edge.from.port] ?? 'undefined';
    if (manifest.inputs[edge.to.port]?.multiple) {
      ((inputs[edge.to.port] ??= []) as unknown[]).push(value);
      ((hashes[edge.to.port] ??= []) as string[]).push(hash);
    } else {
      inputs[edge.to.port] = value;
      hashes[edge.to.port] = hash;
    }
  }
  return { inputs, hashes };
}
