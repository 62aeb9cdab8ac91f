import type { FlowGraph } from './flow-graph.js';
import type { NodeRunState, RunSummary } from './types.js';

/**
 * Bookkeeping of one run: which nodes it covers, what is pending, and its summary lists.
 * Kept in typed arrays indexed by the graph's node index (a run of 10,000 nodes holds no
 * object or Set per node): a node waits while any edge into it from an open node of the
 * run is still marked in `_edgeWaits`.
 */
export class RunState {
  /** The node ids of this run, in the order they joined it. */
  readonly ids: string[] = [];
  readonly summary: Omit<RunSummary, 'status' | 'durationMs'>;
  cancelled = false;
  private _left = 0;
  /** Per node index: 1 while in this run. */
  private readonly _in: Uint8Array;
  private readonly _settled: Uint8Array;
  /** An edit (or removal) made the node's result in this run stale. */
  private readonly _stale: Uint8Array;
  /** Times this run ran the node again because an output it had made was lost. */
  private readonly _reruns: Uint8Array;
  /** Marked incoming edges per node, and the marks by place in the graph's incoming lists. */
  private readonly _waiting: Int32Array;
  private readonly _edgeWaits: Uint8Array;
  private readonly _startedAt: Float64Array;
  private _pathMs?: Float64Array;
  private readonly _controllers = new Map<number, AbortController>();
  private readonly _skipStates = new Map<string, NodeRunState>();
  private _resolve!: (summary: RunSummary) => void;
  readonly done = new Promise<RunSummary>((resolve) => (this._resolve = resolve));

  constructor(
    readonly id: number,
    readonly graph: FlowGraph,
    readonly startedAt: number,
    targets: Iterable<string>,
  ) {
    const n = graph.size;
    [this._in, this._settled, this._stale, this._reruns] = [0, 0, 0, 0].map(() => new Uint8Array(n));
    this._waiting = new Int32Array(n);
    this._edgeWaits = new Uint8Array(graph.incomingCount);
    this._startedAt = new Float64Array(n).fill(NaN);
    this.summary = { runId: id, executed: [], cached: [], failed: [], cancelled: [], skipped: [] };
    for (const nodeId of targets) {
      const i = graph.index.get(nodeId);
      if (i === undefined || this._in[i]) continue;
      this._in[i] = 1;
      this.ids.push(nodeId);
    }
    for (const nodeId of this.ids) {
      graph.outgoingAt(graph.index.get(nodeId)!, (target, at) => {
        if (!this._in[target]) return;
        this._edgeWaits[at] = 1;
        this._waiting[target]++;
      });
    }
    this._left = this.ids.length;
  }

  get size(): number {
    return this.ids.length;
  }

  has(nodeId: string): boolean {
    const i = this.graph.index.get(nodeId);
    return i !== undefined && this._in[i] === 1;
  }

  /** The most nodes of this run at one depth (longest chain of run nodes above them): how many could execute at once. */
  width(): number {
    const { graph } = this;
    const depth = new Int32Array(graph.size);
    const count: number[] = [];
    // In rank order, a node's depth is final before its edges pass it on.
    for (const id of [...this.ids].sort((a, b) => (graph.rank(a) ?? 0) - (graph.rank(b) ?? 0))) {
      const i = graph.index.get(id)!;
      count[depth[i]] = (count[depth[i]] ?? 0) + 1;
      graph.outgoingAt(i, (target) => {
        if (this._in[target]) depth[target] = Math.max(depth[target], depth[i] + 1);
      });
    }
    return count.reduce((most, n) => Math.max(most, n ?? 0), 0);
  }

  /**
   * Sets how long each node of this run is expected to take (ms), from which `pathMs` gives
   * the work still behind a node: the heaviest path from it to the end of the run.
   */
  expect(expectedMs: (nodeId: string) => number): void {
    const { graph } = this;
    this._pathMs = graph.pathWeights((i) => (this._in[i] ? expectedMs(graph.nodeList[i].id) : 0));
  }

  /** Expected work from this node to the end of the run along its heaviest path (see `expect`). */
  pathMs(nodeId: string): number {
    return this._pathMs?.[this.at(nodeId)] ?? 0;
  }

  /** Nodes with nothing pending upstream. */
  initiallyReady(): string[] {
    return this.ids.filter((id) => this._waiting[this.graph.index.get(id)!] === 0);
  }

  isOpen(nodeId: string): boolean {
    const i = this.graph.index.get(nodeId);
    return i !== undefined && this._in[i] === 1 && !this._settled[i];
  }

  /** An edit (or removal) since the run took the node: its work is stale. */
  isStale(nodeId: string): boolean {
    return this._stale[this.at(nodeId)] === 1;
  }

  /** Marks the node's work in this run stale and aborts its task if it is in flight. */
  invalidate(nodeId: string): void {
    const i = this.graph.index.get(nodeId);
    if (i === undefined || !this._in[i]) return;
    this._stale[i] = 1;
    this._controllers.get(i)?.abort();
  }

  reruns(nodeId: string): number {
    const i = this.graph.index.get(nodeId);
    return i === undefined || !this._in[i] ? 0 : this._reruns[i];
  }

  /** A new abort controller for the node's task. */
  control(nodeId: string): AbortController {
    const controller = new AbortController();
    this._controllers.set(this.at(nodeId), controller);
    return controller;
  }

  started(nodeId: string, now: number): void {
    this._startedAt[this.at(nodeId)] = now;
  }

  /** Time since the node's task started, 0 when it never did. */
  elapsed(nodeId: string, now: number): number {
    const startedAt = this._startedAt[this.at(nodeId)];
    return Number.isNaN(startedAt) ? 0 : now - startedAt;
  }

  /** Marks a node settled; returns the downstream nodes of this run that became ready. */
  settle(nodeId: string, now: number): string[] {
    const i = this.at(nodeId);
    if (this._settled[i]) return [];
    this._settled[i] = 1;
    this._controllers.delete(i);
    const ready: string[] = [];
    this.graph.outgoingAt(i, (target, at) => {
      if (!this._edgeWaits[at]) return;
      this._edgeWaits[at] = 0;
      if (--this._waiting[target] === 0 && !this._settled[target]) ready.push(this.graph.nodeList[target].id);
    });
    if (--this._left === 0) this.finish(now);
    return ready;
  }

  /**
   * Puts an upstream node (back) into the run for a node that cannot start without it: the
   * upstream output it needs was lost. Returns whether the upstream must be started now.
   */
  require(upstream: string, nodeId: string): boolean {
    const i = this.at(nodeId);
    const u = this.at(upstream);
    for (let at = this.graph.inStart(i); at < this.graph.inStart(i + 1); at++) {
      if (this._edgeWaits[at] || this.graph.incomingEdge(at).from.node !== upstream) continue;
      this._edgeWaits[at] = 1;
      this._waiting[i]++;
    }
    if (this._in[u] && !this._settled[u]) return false;
    if (this._in[u]) {
      // Its own inputs are there: it waits for nothing.
      for (let at = this.graph.inStart(u); at < this.graph.inStart(u + 1); at++) this._edgeWaits[at] = 0;
      this._waiting[u] = 0;
    } else {
      this._in[u] = 1;
      this.ids.push(upstream);
    }
    this._settled[u] = 0;
    this._stale[u] = 0;
    this._reruns[u]++;
    this._left++;
    return true;
  }

  /**
   * The state of a node skipped because `blockedBy` failed or was skipped: one frozen object
   * per blocking node, shared by every node it blocks (a failed source may block thousands).
   */
  skipState(blockedBy: string): NodeRunState {
    let state = this._skipStates.get(blockedBy);
    if (!state) this._skipStates.set(blockedBy, (state = Object.freeze({ status: 'cancelled', progress: 0, blockedBy })));
    return state;
  }

  abortAll(): void {
    this.cancelled = true;
    for (const controller of this._controllers.values()) controller.abort();
  }

  finish(now: number): void {
    const s = this.summary;
    const status = s.failed.length ? 'error' : s.cancelled.length ? 'cancelled' : 'done';
    this._resolve({ ...s, status, durationMs: now - this.startedAt });
  }

  private at(nodeId: string): number {
    return this.graph.index.get(nodeId)!;
  }
}
