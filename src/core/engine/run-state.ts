import type { FlowGraph } from './flow-graph.js';
import type { RunSummary } from './types.js';

interface RunNode {
  /** The node's edit epoch when the run took it; a newer edit makes its result stale. */
  epoch: number;
  /** Upstream nodes of this run not settled yet. */
  waiting: Set<string>;
  settled: boolean;
  /** Times this run ran the node again because an output it had made was lost. */
  reruns: number;
  controller?: AbortController;
  startedAt?: number;
}

/** Bookkeeping of one run: which nodes it covers, what is pending, and its summary lists. */
export class RunState {
  readonly nodes = new Map<string, RunNode>();
  readonly summary: Omit<RunSummary, 'status' | 'durationMs'>;
  cancelled = false;
  private _left = 0;
  private _resolve!: (summary: RunSummary) => void;
  readonly done = new Promise<RunSummary>((resolve) => (this._resolve = resolve));

  constructor(
    readonly id: number,
    readonly graph: FlowGraph,
    readonly startedAt: number,
    targets: Set<string>,
    epochOf: (id: string) => number,
  ) {
    this.summary = { runId: id, executed: [], cached: [], failed: [], cancelled: [], skipped: [] };
    for (const nodeId of targets) {
      const waiting = new Set(graph.upstream(nodeId).filter((u) => targets.has(u)));
      this.nodes.set(nodeId, { epoch: epochOf(nodeId), waiting, settled: false, reruns: 0 });
    }
    this._left = targets.size;
  }

  /** The most nodes of this run at one depth (longest chain of run nodes above them): how many could execute at once. */
  width(): number {
    const depth = new Map<string, number>();
    const count: number[] = [];
    const order = [...this.nodes.keys()].sort((a, b) => (this.graph.rank.get(a) ?? 0) - (this.graph.rank.get(b) ?? 0));
    for (const id of order) {
      let d = 0;
      for (const u of this.nodes.get(id)!.waiting) d = Math.max(d, (depth.get(u) ?? 0) + 1);
      depth.set(id, d);
      count[d] = (count[d] ?? 0) + 1;
    }
    return Math.max(0, ...count.filter((n) => n !== undefined));
  }

  /** Nodes with nothing pending upstream. */
  initiallyReady(): string[] {
    return [...this.nodes].filter(([, n]) => n.waiting.size === 0).map(([id]) => id);
  }

  get(nodeId: string): RunNode {
    return this.nodes.get(nodeId)!;
  }

  isOpen(nodeId: string): boolean {
    const node = this.nodes.get(nodeId);
    return !!node && !node.settled;
  }

  /** Marks a node settled; returns the downstream nodes of this run that became ready. */
  settle(nodeId: string, now: number): string[] {
    const node = this.get(nodeId);
    if (node.settled) return [];
    node.settled = true;
    node.controller = undefined;
    const ready: string[] = [];
    for (const next of new Set(this.graph.outgoing.get(nodeId) ?? [])) {
      const child = this.nodes.get(next);
      if (child?.waiting.delete(nodeId) && child.waiting.size === 0 && !child.settled) ready.push(next);
    }
    if (--this._left === 0) this.finish(now);
    return ready;
  }

  /**
   * Puts an upstream node (back) into the run for a node that cannot start without it: the
   * upstream output it needs was lost. Returns whether the upstream must be started now.
   */
  require(upstream: string, nodeId: string, epoch: number): boolean {
    this.get(nodeId).waiting.add(upstream);
    const node = this.nodes.get(upstream);
    if (node && !node.settled) return false;
    if (node) Object.assign(node, { settled: false, waiting: new Set(), reruns: node.reruns + 1, epoch });
    else this.nodes.set(upstream, { epoch, waiting: new Set(), settled: false, reruns: 1 });
    this._left++;
    return true;
  }

  /** Aborts the node's task if it is in flight. */
  abort(nodeId: string): void {
    this.nodes.get(nodeId)?.controller?.abort();
  }

  abortAll(): void {
    this.cancelled = true;
    for (const node of this.nodes.values()) node.controller?.abort();
  }

  finish(now: number): void {
    const s = this.summary;
    const status = s.failed.length ? 'error' : s.cancelled.length ? 'cancelled' : 'done';
    this._resolve({ ...s, status, durationMs: now - this.startedAt });
  }
}
