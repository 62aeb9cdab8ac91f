import type { Change } from './changes.js';
import { CURRENT_VERSION, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode, type Viewport } from './document.js';
import { quote } from './errors.js';
import { addTo, removeFrom } from './lists.js';
import type { GraphReader } from './connect.js';

interface Slot<T> {
  item: T;
  seq: number;
}

/**
 * The live graph: maps by id plus an edge index per node, so lookups, moves and
 * connection checks cost O(degree), not O(graph). Only `applyChange` mutates it.
 */
export class GraphState implements GraphReader {
  private _nodes = new Map<string, Slot<GraphNode>>();
  private _edges = new Map<string, Slot<GraphEdge>>();
  private _groups = new Map<string, Slot<GraphGroup>>();
  /** Edge ids by node, in insertion order (exact-size arrays: a third of a Set's size at one or two edges). */
  private _edgesByNode = new Map<string, string[]>();
  private _outOfOrder = false;
  private _seq = 0;
  viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  metadata: Record<string, unknown> = {};
  /** Top-level fields of the document this version does not know; kept for round trips. */
  extra: Record<string, unknown> = {};

  constructor(doc?: GraphDocument) {
    if (!doc) return;
    const { version: _v, nodes, edges, groups, viewport, metadata, ...extra } = doc;
    for (const node of nodes) this._nodes.set(node.id, { item: node, seq: this._seq++ });
    for (const edge of edges) this._insertEdge(edge, this._seq++);
    for (const group of groups) this._groups.set(group.id, { item: group, seq: this._seq++ });
    this.viewport = viewport;
    this.metadata = metadata;
    this.extra = extra;
  }

  /** A fresh place at the end of document order. */
  nextSeq(): number {
    return this._seq++;
  }

  seqOf(kind: 'node' | 'edge' | 'group', id: string): number {
    const map = kind === 'node' ? this._nodes : kind === 'edge' ? this._edges : this._groups;
    return map.get(id)?.seq ?? -1;
  }

  getNode(id: string): GraphNode | undefined {
    return this._nodes.get(id)?.item;
  }

  getEdge(id: string): GraphEdge | undefined {
    return this._edges.get(id)?.item;
  }

  getGroup(id: string): GraphGroup | undefined {
    return this._groups.get(id)?.item;
  }

  get nodeCount(): number {
    return this._nodes.size;
  }

  get edgeCount(): number {
    return this._edges.size;
  }

  *nodes(): IterableIterator<GraphNode> {
    for (const slot of this._nodes.values()) yield slot.item;
  }

  /** The node types the graph uses, each once. */
  nodeTypes(): Set<string> {
    const types = new Set<string>();
    for (const slot of this._nodes.values()) types.add(slot.item.type);
    return types;
  }

  *edges(): IterableIterator<GraphEdge> {
    for (const slot of this._edges.values()) yield slot.item;
  }

  *groups(): IterableIterator<GraphGroup> {
    for (const slot of this._groups.values()) yield slot.item;
  }

  *edgesOf(nodeId: string): IterableIterator<GraphEdge> {
    for (const id of this._edgesByNode.get(nodeId) ?? []) yield this._edges.get(id)!.item;
  }

  applyChange(change: Change): void {
    switch (change.type) {
      case 'node-add':
        return this._insert(this._nodes, change.node, change.seq);
      case 'node-remove':
        this._nodes.delete(change.node.id);
        return;
      case 'node-move':
        return this._replaceNode({ ...this.requireNode(change.id), position: change.to });
      case 'node-update':
        return this._replaceNode(change.after);
      case 'edge-add':
        return this._insertEdge(change.edge, change.seq);
      case 'edge-remove':
        return this._deleteEdge(change.edge);
      case 'group-add':
        return this._insert(this._groups, change.group, change.seq);
      case 'group-remove':
        this._groups.delete(change.group.id);
        return;
      case 'group-update':
        this._groups.get(change.id)!.item = change.after;
        return;
      case 'viewport':
        this.viewport = change.to;
        return;
      case 'metadata':
        this.metadata = change.after;
        return;
      case 'subflow': {
        // Definitions live in `$.subflows`, kept with the other top-level fields; an empty list is dropped.
        const { subflows = [], ...rest } = this.extra as { subflows?: unknown[] };
        const list = [...subflows];
        list.splice(change.index, change.before ? 1 : 0, ...(change.after ? [change.after] : []));
        this.extra = list.length ? { ...rest, subflows: list } : rest;
        return;
      }
    }
  }

  /** The document as plain JSON data, in document order. */
  toDocument(): GraphDocument {
    if (this._outOfOrder) this._restoreOrder();
    return {
      ...this.extra,
      version: CURRENT_VERSION,
      nodes: [...this.nodes()],
      edges: [...this.edges()],
      groups: [...this.groups()],
      viewport: this.viewport,
      metadata: this.metadata,
    };
  }

  requireNode(id: string): GraphNode {
    const node = this.getNode(id);
    if (!node) throw new Error(`GraphState: no node with id ${quote(id)}`);
    return node;
  }

  private _replaceNode(node: GraphNode) {
    const slot = this._nodes.get(node.id);
    if (!slot) throw new Error(`GraphState: no node with id ${quote(node.id)} to update`);
    slot.item = node;
  }

  private _insert<T extends { id: string }>(map: Map<string, Slot<T>>, item: T, seq: number) {
    if (map.has(item.id)) throw new Error(`GraphState: id ${quote(item.id)} is already taken`);
    map.set(item.id, { item, seq });
    if (seq < this._seq - 1) this._outOfOrder = true;
    this._seq = Math.max(this._seq, seq + 1);
  }

  private _insertEdge(edge: GraphEdge, seq: number) {
    this._insert(this._edges, edge, seq);
    // A self-loop is listed once.
    for (const nodeId of new Set([edge.from.node, edge.to.node])) addTo(this._edgesByNode, nodeId, edge.id);
  }

  private _deleteEdge(edge: GraphEdge) {
    this._edges.delete(edge.id);
    for (const nodeId of [edge.from.node, edge.to.node]) removeFrom(this._edgesByNode, nodeId, edge.id);
  }

  private _restoreOrder() {
    for (const map of [this._nodes, this._edges, this._groups] as Map<string, Slot<unknown>>[]) {
      const sorted = [...map].sort((a, b) => a[1].seq - b[1].seq);
      map.clear();
      for (const [id, slot] of sorted) map.set(id, slot);
    }
    this._outOfOrder = false;
  }
}
