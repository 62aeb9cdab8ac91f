import type { NodeRunState, NodeStatus, RunSummary } from '../../core/engine/types.js';

/** `v2u-run-start`: a run began; `nodes` are the ones it will run or answer from the cache. */
export interface V2uRunStartDetail {
  runId: number;
  nodes: string[];
}

/** `v2u-node-status`: a node moved to another status (queued, running, done, error, cancelled). */
export interface V2uNodeStatusDetail {
  runId: number;
  nodeId: string;
  status: NodeStatus;
  state: NodeRunState;
}

/** `v2u-node-progress`: a node reported progress (0..1), in the order the node reported it. */
export interface V2uNodeProgressDetail {
  runId: number;
  nodeId: string;
  progress: number;
  message?: string;
}

/** `v2u-run-end`: a run finished; the summary lists executed, cached, failed, cancelled and skipped nodes. */
export interface V2uRunEndDetail {
  summary: RunSummary;
}

declare module '../shared/events.js' {
  interface V2uEventMap {
    'v2u-run-start': CustomEvent<V2uRunStartDetail>;
    'v2u-node-status': CustomEvent<V2uNodeStatusDetail>;
    'v2u-node-progress': CustomEvent<V2uNodeProgressDetail>;
    'v2u-run-end': CustomEvent<V2uRunEndDetail>;
  }
  interface V2uErrorDetail {
    /** The node that failed, for errors of a run. */
    nodeId?: string;
  }
}
