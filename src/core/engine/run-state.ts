import type { FlowGraph } from './flow-graph.js';
import type { RunSummary } from './types.js';

interface RunNode {
  /** The node's edit epoch when the run took it; a newer edit makes its result stale. */
  epoch: number;
  /** Upstream nodes of this run not settled yet. */
  pending: number;
  settled: boolean;
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
      const pending = graph.upstream(nodeId).filter((u) => targets.has(u)).length;
      this.nodes.set(nodeId, { epoch: epochOf(nodeId), pending, settled: false });
    }
    this._left = targets.size;
  }

  /** Nodes with nothing pending upstream. */
  initiallyReady(): string[] {
    return [...this.nodes].filter(([, n]) => n.pending === 0).map(([id]) => id);
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
      if (child && --child.pending === 0 && !child.settled) ready.push(next);
    }
    if (--this._left === 0) this.finish(now);
    return ready;
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
