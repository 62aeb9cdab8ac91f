import {
  NODE_WIDTH,
  SpatialIndex,
  edgePath,
  nodeHeight,
  portAnchor,
  portLists,
  touchedNodeIds,
  type GraphEdge,
  type GraphNode,
  type GraphStore,
  type ManifestSource,
  type NodeManifest,
  type Point,
  type PortLists,
  type Rect,
  type StoreEvent,
} from '../../core/index.js';

const byType = new WeakMap<object, PortLists>();
/** One pair of port lists per manifest, shared by its nodes (not two arrays per node). */
const typePorts = (m: Parameters<typeof portLists>[0]) => byType.get(m) ?? byType.set(m, portLists(m)).get(m)!;

/** A port under the pointer or with focus. */
export interface PortHit {
  node: string;
  port: string;
  side: 'in' | 'out';
}

/**
 * What the canvas needs beyond the document: each node's ports and rectangle, edge paths,
 * and spatial indexes of nodes and edges for culling and hit tests. Kept up to date
 * incrementally from store events, so a drag touches only the moved nodes and their edges.
 */
export class GraphViewModel {
  private readonly _nodeIndex = new SpatialIndex<string>();
  private readonly _edgeIndex = new SpatialIndex<string>();
  /** A load or new types: the indexes are built again on their next use (one build per render, not one per change). */
  private _stale = true;
  /** Ports of nodes whose type is unknown, read from their edges; a known type's are shared per manifest. */
  private _ports = new Map<string, PortLists>();
  private _paths = new Map<string, { from: GraphNode; to: GraphNode; d: string | undefined }>();
  private _known?: Map<string, NodeManifest | undefined>;
  /**
   * Set by the lazy groups code: where an edge end attaches instead of its port (the box
   * of a collapsed group), or null when the edge is hidden inside one.
   */
  redirect?: (node: GraphNode, side: 'in' | 'out', other: GraphNode) => Point | null | undefined;

  constructor(
    private _store: GraphStore,
    private _manifests: ManifestSource,
  ) {}

  setSources(store: GraphStore, manifests: ManifestSource): void {
    this._store = store;
    this._manifests = manifests;
    this.rebuild();
  }

  /** Ports as shown: the manifest's, or for unknown types the ports their edges use. */
  portsOf(node: GraphNode): PortLists {
    const manifest = this._manifest(node.type);
    if (manifest) return typePorts(manifest);
    let ports = this._ports.get(node.id);
    if (!ports) this._ports.set(node.id, (ports = this._portsFromEdges(node.id)));
    return ports;
  }

  rectOf(node: GraphNode): Rect {
    return { x: node.position.x, y: node.position.y, width: NODE_WIDTH, height: nodeHeight(this.portsOf(node), this.hasBody(node.type)) };
  }

  /** While the indexes are built, each type is looked up once: a registry counts and reorders every lookup. */
  private _manifest(type: string) {
    const known = this._known;
    return known ? (known.has(type) ? known.get(type) : known.set(type, this._manifests.get(type)).get(type)) : this._manifests.get(type);
  }

  /** Whether the type has its own element, for which the shell reserves a body area. */
  hasBody(type: string): boolean {
    return !!this._manifests.elementUrl?.(type);
  }

  /** SVG path data of an edge, memoised on the identity of its two end nodes. */
  pathOf(edge: GraphEdge): string | undefined {
    const state = this._store.state;
    const from = state.getNode(edge.from.node);
    const to = state.getNode(edge.to.node);
    if (!from || !to) return undefined;
    const cached = this._paths.get(edge.id);
    if (cached && cached.from === from && cached.to === to) return cached.d;
    const ends = this._endsOf(edge, from, to);
    const d = ends && edgePath(...ends);
    this._paths.set(edge.id, { from, to, d });
    return d;
  }

  /** An edge's two anchors, or undefined while it is hidden inside a collapsed group. */
  private _endsOf(edge: GraphEdge, from: GraphNode, to: GraphNode): [Point, Point] | undefined {
    const a = this.redirect?.(from, 'out', to);
    const b = this.redirect?.(to, 'in', from);
    if (a === null || b === null) return undefined;
    return [a ?? this.anchorOf(from, 'out', edge.from.port), b ?? this.anchorOf(to, 'in', edge.to.port)];
  }

  anchorOf(node: GraphNode, side: 'in' | 'out', port: string): Point {
    const ports = this.portsOf(node);
    return portAnchor(node, side, (side === 'in' ? ports.inputs : ports.outputs).indexOf(port));
  }

  /** Nodes by rectangle, for culling, hit tests and fitting. */
  get nodeIndex(): SpatialIndex<string> {
    this._sync();
    return this._nodeIndex;
  }

  /** Edges by the box around their curve, for culling. */
  get edgeIndex(): SpatialIndex<string> {
    this._sync();
    return this._edgeIndex;
  }

  /** Applies a store event to the indexes: only what the changes touched. */
  update(event: StoreEvent): void {
    if (event.origin === 'load' || this._stale) return this.rebuild();
    const nodes = new Set<string>();
    for (const change of event.changes) {
      if (change.type === 'edge-remove') this._forgetEdge(change.edge.id);
      for (const id of touchedNodeIds(change)) nodes.add(id);
    }
    const state = this._store.state;
    for (const id of nodes) {
      const node = state.getNode(id);
      if (!node) {
        this._nodeIndex.delete(id);
        this._ports.delete(id);
        continue;
      }
      this._ports.delete(id);
      this._indexNode(node);
      for (const edge of state.edgesOf(id)) this._indexEdge(edge);
    }
  }

  /**
   * Recomputes everything (after a load, new types, or groups folding: edge ends move without
   * their nodes) when the indexes are next used. A graph loaded before its types arrive is thus
   * indexed once, with them, when it is first drawn.
   */
  rebuild(): void {
    this._ports.clear();
    this._paths.clear();
    this._stale = true;
  }

  private _sync(): void {
    if (!this._stale) return;
    this._stale = false;
    this._nodeIndex.clear();
    this._edgeIndex.clear();
    const state = this._store.state;
    this._known = new Map();
    for (const node of state.nodes()) this._indexNode(node, true);
    for (const edge of state.edges()) this._indexEdge(edge, true);
    this._known = undefined;
  }

  /**
   * A member folded into a collapsed group stays out of the index: nothing hits, selects,
   * culls in or fits it. `load`: one of many in a row (see `SpatialIndex.set`).
   */
  private _indexNode(node: GraphNode, load?: boolean) {
    if (this.redirect?.(node, 'in', node) === null) this._nodeIndex.delete(node.id);
    else this._nodeIndex.set(node.id, this.rectOf(node), load);
  }

  private _indexEdge(edge: GraphEdge, load?: boolean) {
    const state = this._store.state;
    const from = state.getNode(edge.from.node);
    const to = state.getNode(edge.to.node);
    const ends = from && to && this._endsOf(edge, from, to);
    if (!ends) return this._forgetEdge(edge.id);
    const [a, b] = ends;
    // The curve bulges sideways by its bend; pad the box so culling never clips it.
    const pad = Math.max(40, Math.abs(b.x - a.x) / 2);
    const x = Math.min(a.x, b.x) - pad;
    const y = Math.min(a.y, b.y);
    this._edgeIndex.set(edge.id, { x, y, width: Math.abs(b.x - a.x) + 2 * pad, height: Math.abs(b.y - a.y) }, load);
  }

  private _forgetEdge(id: string) {
    this._edgeIndex.delete(id);
    this._paths.delete(id);
  }

  private _portsFromEdges(nodeId: string): PortLists {
    const inputs = new Set<string>();
    const outputs = new Set<string>();
    for (const edge of this._store.state.edgesOf(nodeId)) {
      if (edge.to.node === nodeId) inputs.add(edge.to.port);
      if (edge.from.node === nodeId) outputs.add(edge.from.port);
    }
    return { inputs: [...inputs], outputs: [...outputs] };
  }
}
