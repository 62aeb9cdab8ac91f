import type { NodeOutputs } from '../define-node.js';
import type { NodeManifest } from '../manifest.js';
import type { OutputRef } from './output-ref.js';

/** What the engine needs to know of a node type: its manifest and where its logic module lives. */
export interface ResolvedNode {
  manifest: NodeManifest;
  /** Absolute URL of the `defineNode` module; workers `import()` it. */
  moduleUrl: string;
}

/** Looks up a node type; `undefined` for a type without a module (it does not run). */
export type NodeResolver = (type: string) => ResolvedNode | undefined;

export type TaskPriority = 'high' | 'normal' | 'low';

/** One node execution handed to the executor. Plain data except the callbacks and the signal. */
export interface NodeTask {
  runId: number;
  nodeId: string;
  type: string;
  moduleUrl: string;
  inputs: Record<string, unknown>;
  config: Record<string, unknown>;
  priority: TaskPriority;
  signal: AbortSignal;
  /** Running it again gives the same outputs (it caches): an executor may redo it rather than copy its output. */
  repeatable?: boolean;
  /**
   * Expected work (ms) from this node to the end of the run along its heaviest path: an
   * executor running several tasks at once starts those with the most work behind them first.
   */
  pathMs?: number;
  /** Called when the task leaves the queue and starts on a worker. */
  onStart(): void;
  onProgress(fraction: number, message?: string): void;
}

/** A node's outputs, with one hash per port when the executor computed them (off the main thread). */
export interface ExecutionResult {
  outputs: NodeOutputs;
  portHashes?: Record<string, string>;
}

/**
 * Runs node logic somewhere (worker pool, main thread). Rejects with a plain
 * `{ name, message, code? }`; an aborted task rejects with name `AbortError`.
 *
 * An executor may keep large outputs where they were made and return `OutputRef` handles;
 * then it also answers whether a handle still holds (a worker that held it may have been
 * replaced), fetches the value on request, and frees it when the engine lets go.
 */
export interface NodeExecutor {
  execute(task: NodeTask): Promise<ExecutionResult>;
  /**
   * Told as a run starts how many nodes it can run at once: a pool starts the workers it will
   * use while the first nodes run, so later parallel nodes find them ready.
   */
  prepare?(plan: RunPlan): void;
  /** Whether the value behind a handle can still be read. */
  available?(ref: OutputRef): boolean;
  /** The value behind a handle (or its items `from` to `to`), copied to the caller. */
  fetch?(ref: OutputRef, range?: ItemRange): Promise<unknown>;
  /** The engine no longer needs these values. */
  release?(refs: OutputRef[]): void;
}

/** What a run is about to execute, for `NodeExecutor.prepare`. */
export interface RunPlan {
  /** The most nodes of the run that can execute at the same time (nodes at one depth of the graph). */
  width: number;
  /**
   * Logic modules the run will import, first needed first: a pool's idle workers import them
   * ahead, so a node's first run in a worker does not begin with fetching and compiling its
   * code (and the libraries it pulls in, such as the expression language).
   */
  modules?: string[];
}

/** Items `from` (included) to `to` (excluded) of a list. */
export interface ItemRange {
  from: number;
  to: number;
}

/** Timers come from outside: the core has none of its own. */
export interface EngineClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type NodeStatus = 'idle' | 'queued' | 'running' | 'done' | 'error' | 'cancelled';

/** A plain error that crossed a worker: branch on `name` or `code`, never `instanceof`. */
export interface PlainError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** Everything the editor shows on a node about its last run. */
export interface NodeRunState {
  status: NodeStatus;
  /** 0..1 while running; 1 when done. */
  progress: number;
  message?: string;
  durationMs?: number;
  error?: PlainError;
  output?: NodeOutputs;
  /** The output came from the cache; the node did not execute. */
  cached?: boolean;
  /** Set when the node did not run because this upstream node failed. */
  blockedBy?: string;
}

/** How a run picks its nodes. */
export interface RunOptions {
  /** Run every node again, ignoring cached results (an explicit Run), not only the dirty ones. */
  all?: boolean;
}

export interface RunSummary {
  runId: number;
  status: 'done' | 'error' | 'cancelled';
  /** Nodes whose logic executed in this run. */
  executed: string[];
  /** Nodes answered from the cache. */
  cached: string[];
  failed: string[];
  cancelled: string[];
  /** Nodes not run because an upstream node failed. */
  skipped: string[];
  durationMs: number;
}

export type EngineEvent =
  | { type: 'run-start'; runId: number; nodes: string[] }
  | { type: 'node-status'; runId: number; nodeId: string; state: NodeRunState }
  | { type: 'node-progress'; runId: number; nodeId: string; progress: number; message?: string }
  | { type: 'run-end'; summary: RunSummary }
  | { type: 'error'; runId: number; nodeId: string; error: PlainError };

export type EngineListener = (event: EngineEvent) => void;
