import type { Change } from './changes.js';
import { canConnect } from './connect.js';
import { LIMITS, createDocument, outOfRange, zoomOutOfRange, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode, type Point, type PortRef, type Viewport } from './document.js';
import { ErrorCodes, V2uError, quote } from './errors.js';
import { GraphState } from './graph-state.js';
import { History } from './history.js';
import { noPorts, type PortResolver } from './manifest.js';
import { copyJson } from './json-value.js';
import { parseDocument } from './parse.js';

/** Where a set of changes came from, so listeners can tell edits from undo and loads. */
export type ChangeOrigin = 'edit' | 'undo' | 'redo' | 'load';

export interface StoreEvent {
  changes: readonly Change[];
  origin: ChangeOrigin;
  /**
   * False while a batch (a drag, a transaction) is still open; the batch's end sends one
   * more event, with no changes and `settled` true. Hosts that report edits to the outside
   * world wait for it, so a drag is one report, not one per frame.
   */
  settled: boolean;
}

export type StoreListener = (event: StoreEvent) => void;

export interface GraphStoreOptions {
  resolvePorts?: PortResolver;
  /** Undo steps kept (default 200). */
  historyLimit?: number;
}

export interface NewNode {
  type: string;
  position: Point;
  config?: Record<string, unknown>;
  label?: string;
  id?: string;
}

/** Nodes and the edges between them, as copied to the clipboard. */
export interface GraphFragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The editable graph: commands that validate, apply typed changes, record undo steps and
 * notify subscribers. Elements read from it and edit only through it.
 *
 * @example
 * const store = new GraphStore();
 * const a = store.addNode({ type: 'create/value', position: { x: 0, y: 0 } });
 * store.undo();
 */
export class GraphStore {
  private _state: GraphState;
  private _history: History;
  private _listeners = new Set<StoreListener>();
  private _snapshot: GraphDocument | undefined;
  private _ids = 0;
  private _batchChanged = false;
  resolvePorts: PortResolver;

  constructor(doc: GraphDocument = createDocument(), options: GraphStoreOptions = {}) {
    this.resolvePorts = options.resolvePorts ?? noPorts;
    this._history = new History(options.historyLimit);
    this._state = new GraphState(doc);
  }

  /** Read access to the live graph (maps by id, edge index). */
  get state(): GraphState {
    return this._state;
  }

  /** The current document as plain data; the same object until the next change. */
  get document(): GraphDocument {
    return (this._snapshot ??= this._state.toDocument());
  }

  get canUndo(): boolean {
    return this._history.canUndo;
  }

  get canRedo(): boolean {
    return this._history.canRedo;
  }

  /** Calls `listener` after every applied set of changes; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /** Ids of the nodes the last load gave no position (at 0, 0 until the editor lays them out). */
  unplaced: readonly string[] = [];

  /** Replaces the whole graph (validated first) and clears history. Nodes may lack positions: see `unplaced`. */
  load(input: GraphDocument | string): void {
    const unplaced: string[] = [];
    const doc = parseDocument(input, { resolvePorts: this.resolvePorts, unplaced });
    this.unplaced = unplaced;
    this._state = new GraphState(doc);
    this._history.clear();
    this._emit([], 'load');
  }

  /**
   * Gives the nodes the last load left unplaced their laid-out positions, as part of that
   * load: no undo step, and listeners hear it as a load (origin `'load'`) whose event carries
   * the moves. (A new graph's load event carries no changes.)
   */
  place(positions: ReadonlyMap<string, Point>): void {
    const changes: Change[] = [];
    for (const [id, position] of positions) {
      const node = this._state.getNode(id);
      checkPoint(position, `place: position of ${quote(id)}`);
      if (node) changes.push({ type: 'node-move', id, from: node.position, to: { x: position.x, y: position.y } });
    }
    this.unplaced = [];
    this._replay(changes, 'load');
  }

  /** Groups every change made inside `fn` into one undo step. */
  transaction<T>(label: string, fn: () => T): T {
    this.beginBatch(label);
    try {
      return fn();
    } finally {
      this.endBatch();
    }
  }

  /** Opens a batch for interactions spread over many events, such as a drag. */
  beginBatch(label: string): void {
    this._history.begin(label);
  }

  endBatch(): void {
    this._history.end();
    if (!this._history.batching && this._batchChanged) {
      this._batchChanged = false;
      this._emit([], 'edit');
    }
  }

  undo(): boolean {
    return this._replay(this._history.takeUndo(), 'undo');
  }

  redo(): boolean {
    return this._replay(this._history.takeRedo(), 'redo');
  }

  /** Applies raw changes as one undoable edit. Most callers want the commands below. */
  apply(label: string, changes: Change[]): void {
    if (changes.length === 0) return;
    for (const change of changes) this._state.applyChange(change);
    this._history.record(label, changes);
    this._emit(changes, 'edit');
  }

  addNode(input: NewNode): GraphNode {
    const node = this._makeNode(input);
    this.apply('Add node', [{ type: 'node-add', node, seq: this._state.nextSeq() }]);
    return node;
  }

  /** Removes nodes with their edges and group memberships. */
  removeNodes(ids: Iterable<string>): void {
    const doomed = new Set([...ids].filter((id) => this._state.getNode(id)));
    if (doomed.size === 0) return;
    const changes: Change[] = [];
    const edges = new Set<GraphEdge>();
    for (const id of doomed) for (const edge of this._state.edgesOf(id)) edges.add(edge);
    for (const edge of edges) changes.push(this._edgeRemoval(edge));
    for (const group of this._state.groups()) {
      const left = group.nodes.filter((n) => !doomed.has(n));
      if (left.length !== group.nodes.length)
        changes.push({ type: 'group-update', id: group.id, before: group, after: { ...group, nodes: left } });
    }
    for (const id of doomed)
      changes.push({ type: 'node-remove', node: this._state.getNode(id)!, seq: this._state.seqOf('node', id) });
    this.apply(doomed.size === 1 ? 'Delete node' : `Delete ${doomed.size} nodes`, changes);
  }

  /** Moves nodes; inside a batch, repeated moves of a node fold into one undo step. */
  moveNodes(moves: Iterable<{ id: string; position: Point }>): void {
    const changes: Change[] = [];
    for (const { id, position } of moves) {
      const node = this._requireNode(id);
      checkPoint(position, `moveNodes: position of ${quote(id)}`);
      if (node.position.x !== position.x || node.position.y !== position.y)
        changes.push({ type: 'node-move', id, from: node.position, to: { x: position.x, y: position.y } });
    }
    this.apply('Move', changes);
  }

  /** Merges `patch` into a node's config (a key set to `undefined` is removed). */
  updateConfig(id: string, patch: Record<string, unknown>): void {
    const node = this._requireNode(id);
    const config = { ...node.config };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete config[key];
      else config[key] = (copyJson({ [key]: value }, { at: () => `${this._pathOf(id)}.config` }) as Record<string, unknown>)[key];
    }
    this.apply('Edit config', [{ type: 'node-update', id, before: node, after: { ...node, config } }]);
  }

  setLabel(id: string, label: string | undefined): void {
    const node = this._requireNode(id);
    const { label: _old, ...rest } = node;
    const after: GraphNode = label === undefined ? rest as GraphNode : { ...node, label };
    this.apply('Rename', [{ type: 'node-update', id, before: node, after }]);
  }

  /**
   * Connects an output to an input. Throws a V2uError with the reason (type mismatch,
   * cycle, …) when `canConnect` refuses; `replace` swaps out an occupied single input.
   */
  connect(from: PortRef, to: PortRef, options: { id?: string; replace?: boolean } = {}): GraphEdge {
    const changes: Change[] = [];
    if (options.replace)
      for (const edge of [...this._state.edgesOf(to.node)])
        if (edge.to.node === to.node && edge.to.port === to.port && (edge.from.node !== from.node || edge.from.port !== from.port))
          changes.push(this._edgeRemoval(edge));
    const check = this.check(from, to, changes);
    if (!check.ok) throw new V2uError(check.code, `cannot connect ${quote(`${from.node}.${from.port}`)} → ${quote(`${to.node}.${to.port}`)}: ${check.reason}`);
    const edge: GraphEdge = { id: this._freshId('e', options.id, 'edge'), from: { ...from }, to: { ...to } };
    this.apply('Connect', [...changes, { type: 'edge-add', edge, seq: this._state.nextSeq() }]);
    return edge;
  }

  disconnect(edgeIds: Iterable<string>): void {
    const changes = [...edgeIds].flatMap((id) => {
      const edge = this._state.getEdge(id);
      return edge ? [this._edgeRemoval(edge)] : [];
    });
    this.apply('Disconnect', changes);
  }

  /** Puts nodes in a new group and returns it. */
  group(nodeIds: string[], label?: string): GraphGroup {
    nodeIds.forEach((id) => this._requireNode(id));
    const group: GraphGroup = { id: this._freshId('g', undefined, 'group'), nodes: [...nodeIds], ...(label === undefined ? {} : { label }) };
    this.apply('Group', [{ type: 'group-add', group, seq: this._state.nextSeq() }]);
    return group;
  }

  ungroup(groupId: string): void {
    const group = this._state.getGroup(groupId);
    if (!group) throw new V2uError(ErrorCodes.missingGroup, `ungroup: no group with id ${quote(groupId)}`);
    this.apply('Ungroup', [{ type: 'group-remove', group, seq: this._state.seqOf('group', groupId) }]);
  }

  /** The nodes with the given ids and the edges between them, as plain data. */
  copy(nodeIds: Iterable<string>): GraphFragment {
    const ids = new Set(nodeIds);
    const nodes = [...ids].map((id) => this._state.getNode(id)).filter((n): n is GraphNode => !!n);
    const edges = [...this._state.edges()].filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
    return structuredClone({ nodes, edges });
  }

  /** Adds a fragment with fresh ids, shifted by `offset`, as one undo step. */
  paste(fragment: GraphFragment, offset: Point = { x: 0, y: 0 }): GraphFragment {
    const idMap = new Map<string, string>();
    const nodes = fragment.nodes.map((n) => {
      const node = this._makeNode({ ...n, id: undefined, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
      idMap.set(n.id, node.id);
      return node;
    });
    const changes: Change[] = nodes.map((node) => ({ type: 'node-add', node, seq: this._state.nextSeq() }));
    const pending = new Set(nodes.map((n) => n.id));
    const edges = fragment.edges
      .filter((e) => idMap.has(e.from.node) && idMap.has(e.to.node))
      .map((e) => ({ ...structuredClone(e), id: this._freshId('e', undefined, 'edge', pending), from: { ...e.from, node: idMap.get(e.from.node)! }, to: { ...e.to, node: idMap.get(e.to.node)! } }));
    for (const edge of edges) changes.push({ type: 'edge-add', edge, seq: this._state.nextSeq() });
    this.apply('Paste', changes);
    return { nodes, edges };
  }

  /** Viewport changes are saved with the document but are not undo steps. */
  setViewport(viewport: Viewport): void {
    checkPoint(viewport, 'setViewport', LIMITS.viewportOffset);
    if (!Number.isFinite(viewport.zoom)) throw new V2uError(ErrorCodes.wrongType, `setViewport: zoom must be a finite number, got ${viewport.zoom}`);
    const problem = zoomOutOfRange(viewport.zoom);
    if (problem) throw new V2uError(ErrorCodes.outOfRange, `setViewport: ${problem}`);
    this.apply('Viewport', [{ type: 'viewport', from: this._state.viewport, to: { ...viewport } }]);
  }

  setMetadata(metadata: Record<string, unknown>): void {
    const after = copyJson(metadata, { at: '$.metadata' }) as Record<string, unknown>;
    this.apply('Edit metadata', [{ type: 'metadata', before: this._state.metadata, after }]);
  }

  /** `canConnect` against the live graph with this store's port resolver. */
  check(from: PortRef, to: PortRef, pendingRemovals: Change[] = []) {
    const removed = new Set(pendingRemovals.map((c) => (c.type === 'edge-remove' ? c.edge.id : '')));
    const state = this._state;
    const reader = removed.size === 0 ? state : { getNode: (id: string) => state.getNode(id), edgesOf: (id: string) => [...state.edgesOf(id)].filter((e) => !removed.has(e.id)) };
    return canConnect(reader, from, to, this.resolvePorts);
  }

  private _replay(changes: Change[] | undefined, origin: ChangeOrigin): boolean {
    if (!changes) return false;
    for (const change of changes) this._state.applyChange(change);
    this._emit(changes, origin);
    return true;
  }

  private _emit(changes: readonly Change[], origin: ChangeOrigin) {
    this._snapshot = undefined;
    const settled = !this._history.batching;
    if (!settled) this._batchChanged = true;
    const event = { changes, origin, settled };
    for (const listener of this._listeners) listener(event);
  }

  private _makeNode(input: NewNode): GraphNode {
    if (typeof input.type !== 'string' || input.type === '')
      throw new V2uError(ErrorCodes.wrongType, 'addNode: expected "type", a non-empty string');
    checkPoint(input.position, `addNode: position of a ${quote(input.type)} node`);
    const { id, position, config, label, ...extra } = input;
    const at = () => `$.nodes[${this._state.nodeCount}]`;
    return {
      ...(copyJson(extra, { at }) as Record<string, unknown>),
      id: this._freshId('n', id, 'node'),
      type: input.type,
      position: { x: position.x, y: position.y },
      config: copyJson(config ?? {}, { at: () => `${at()}.config` }) as Record<string, unknown>,
      ...(label === undefined ? {} : { label }),
    };
  }

  private _edgeRemoval(edge: GraphEdge): Change {
    return { type: 'edge-remove', edge, seq: this._state.seqOf('edge', edge.id) };
  }

  /** `$.nodes[3]`: where a node sits in the document, for messages. */
  private _pathOf(id: string): string {
    return `$.nodes[${[...this._state.nodes()].findIndex((n) => n.id === id)}]`;
  }

  private _requireNode(id: string): GraphNode {
    const node = this._state.getNode(id);
    if (!node) throw new V2uError(ErrorCodes.missingNode, `no node with id ${quote(id)}`);
    return node;
  }

  private _freshId(prefix: string, wanted: string | undefined, kind: 'node' | 'edge' | 'group', pending?: Set<string>): string {
    const taken = (id: string) => this._state.seqOf(kind, id) >= 0 || !!pending?.has(id);
    if (wanted !== undefined) {
      if (taken(wanted)) throw new V2uError(ErrorCodes.duplicateId, `a ${kind} with id ${quote(wanted)} already exists`);
      return wanted;
    }
    let id: string;
    do id = `${prefix}${(++this._ids).toString(36)}`;
    while (taken(id));
    pending?.add(id);
    return id;
  }
}

/** The bounds `parseDocument` applies, so no command makes a document that would not load again. */
function checkPoint(point: { x: number; y: number } | undefined, where: string, limit: number = LIMITS.coordinate) {
  if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y))
    throw new V2uError(ErrorCodes.wrongType, `${where}: expected finite x and y, got ${point ? `x ${String(point.x).slice(0, 40)}, y ${String(point.y).slice(0, 40)}` : String(point)}`);
  const problem = outOfRange(point.x, limit) ?? outOfRange(point.y, limit);
  if (problem) throw new V2uError(ErrorCodes.outOfRange, `${where}: ${problem}`);
}
