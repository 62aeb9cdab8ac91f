import type { GraphDocument, GraphEdge, GraphNode } from '../document.js';
import { topologicalOrder } from '../graph-algorithms.js';
import type { NodeManifest } from '../manifest.js';
import { stableHash } from './stable-hash.js';

/** A read-only snapshot of a document shaped for scheduling: edges by node, a topological order. */
export class FlowGraph {
  readonly nodes = new Map<string, GraphNode>();
  readonly incoming = new Map<string, GraphEdge[]>();
  readonly outgoing = new Map<string, string[]>();
  /** Node id → place in topological order; nodes on a cycle are missing. */
  readonly rank = new Map<string, number>();
  private _configHashes = new Map<string, string>();

  constructor(readonly doc: GraphDocument) {
    for (const node of doc.nodes) this.nodes.set(node.id, node);
    for (const edge of doc.edges) {
      push(this.incoming, edge.to.node, edge);
      push(this.outgoing, edge.from.node, edge.to.node);
    }
    topologicalOrder(this.nodes.keys(), doc.edges).order.forEach((id, i) => this.rank.set(id, i));
  }

  /** The given nodes and everything downstream of them. */
  downstream(ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const stack = [...ids].filter((id) => this.nodes.has(id));
    while (stack.length) {
      const id = stack.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(...(this.outgoing.get(id) ?? []));
    }
    return out;
  }

  /** The upstream node ids of a node (each once). */
  upstream(id: string): string[] {
    return [...new Set((this.incoming.get(id) ?? []).map((e) => e.from.node))];
  }

  /** Hash of a node's type and config; what an edit of the node changes. */
  nodeHash(id: string): string {
    let hash = this._configHashes.get(id);
    if (hash === undefined) {
      const node = this.nodes.get(id)!;
      this._configHashes.set(id, (hash = stableHash([node.type, node.config])));
    }
    return hash;
  }

  /** Nodes of `next` that are new, edited, or whose incoming edges changed since `prev`. */
  static changed(prev: FlowGraph | undefined, next: FlowGraph): Set<string> {
    const changed = new Set<string>();
    for (const [id, node] of next.nodes) {
      const before = prev?.nodes.get(id);
      // The store replaces config objects on edit, so a move (same config object) skips hashing.
      if (before && before.type === node.type && before.config === node.config) next._configHashes.set(id, prev!.nodeHash(id));
      if (!before || prev!.nodeHash(id) !== next.nodeHash(id) || edgeKey(prev!, id) !== edgeKey(next, id)) changed.add(id);
    }
    return changed;
  }
}

function edgeKey(graph: FlowGraph, id: string): string {
  return (graph.incoming.get(id) ?? []).map((e) => `${e.from.node}.${e.from.port}>${e.to.port}`).join('|');
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
  for (const edge of graph.incoming.get(id) ?? []) {
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
