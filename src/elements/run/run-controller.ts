import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HostPolicy, NodeOutputs } from '../../core/define-node.js';
import type { GraphDocument } from '../../core/document.js';
import { previewOutput, type OutputPreview } from '../../core/engine/preview.js';
import type { OutputRef } from '../../core/engine/output-ref.js';
import type { EngineEvent, ItemRange, NodeExecutor, NodeResolver, NodeRunState, RunOptions, RunSummary } from '../../core/engine/types.js';
import type { PoolMetrics, PoolOptions } from '../../runtime/pool/pool.js';
import { emit } from '../shared/events.js';
import type { RunKit } from './run-kit.js';
import './run-events.js';

export interface RunControllerOptions {
  /** Node type → manifest and logic module URL (the registry answers this). */
  resolve: NodeResolver;
  /** The graph to run, read on the first run and on `documentChanged()`. */
  document: () => GraphDocument;
  /** Run dirty nodes by themselves after an edit (default true). */
  autoRun?: boolean;
  debounceMs?: number;
  /** Options of the shared pool (`workerUrl`, `size`, timeouts…), read when the engine loads (first run). */
  pool?: PoolOptions | (() => PoolOptions);
  /** Runs node logic elsewhere than the shared pool (tests, custom hosts). */
  executor?: NodeExecutor;
  /** The host's policy (allowed origins) for nodes that reach outside, read per task. */
  host?: () => HostPolicy;
  /**
   * Resolves when the graph and its node types are known. The engine gets the graph (and
   * auto-runs it) only then, so nothing runs against types still on their way.
   */
  ready?: () => Promise<void>;
}

/** A node's run state plus a text preview of its output, ready to render. */
export interface NodeView extends NodeRunState {
  preview?: OutputPreview;
}

const IDLE: NodeView = Object.freeze({ status: 'idle', progress: 0 });
/** Least time between two drawings of a run's progress (see `draw`). */
const RUN_DRAW_MS = 100;

/**
 * Runs its host's graph: a Lit `ReactiveController` that loads the engine and the shared
 * worker pool on first use, mirrors per-node state for rendering, re-renders the host on
 * every change and dispatches `v2u-run-start`, `v2u-node-status`, `v2u-node-progress`,
 * `v2u-run-end`, `v2u-error` and `v2u-warning` on it. Disconnecting cancels and releases all.
 *
 * @example
 * class MyEditor extends LitElement {
 *   private _runner = new RunController(this, { resolve, document: () => this.store.document });
 *   // after each store change: this._runner.documentChanged();
 * }
 */
export class RunController implements ReactiveController {
  private _kit?: RunKit;
  private _loading?: Promise<RunKit>;
  private _connected = false;
  private _autoRun: boolean;
  private _previews = new WeakMap<NodeRunState, OutputPreview>();
  private _cleanups: (() => void)[] = [];
  private _drawTimer?: ReturnType<typeof setTimeout>;
  private _drawnAt = -Infinity;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _options: RunControllerOptions,
  ) {
    this._autoRun = _options.autoRun ?? true;
    _host.addController(this);
  }

  hostConnected(): void {
    this._connected = true;
    if (this._autoRun) void this.load();
  }

  hostDisconnected(): void {
    this._connected = false;
    clearTimeout(this._drawTimer);
    this._drawTimer = undefined;
    for (const cleanup of this._cleanups.splice(0)) cleanup();
    this._kit?.destroy();
    this._kit = this._loading = undefined;
  }

  /** Auto-run: after an edit, dirty nodes run by themselves after a short debounce. */
  get autoRun(): boolean {
    return this._autoRun;
  }

  set autoRun(on: boolean) {
    this._autoRun = on;
    if (this._kit) this._kit.engine.autoRun = on;
    else if (on && this._connected) void this.load();
    this._host.requestUpdate();
  }

  get running(): boolean {
    return !!this._kit?.engine.running;
  }

  /** Nodes whose shown result is out of date: they run on the next run. */
  get dirty(): ReadonlySet<string> {
    return this._kit?.engine.dirty ?? new Set();
  }

  /** Per-worker counters of the pool behind this host (`editor.metrics.pool`). */
  get metrics(): { pool?: PoolMetrics } {
    return { pool: this._kit?.pool?.metrics() };
  }

  /**
   * Where node logic runs changed (pool size, worker URL): the engine and pool are let go and
   * loaded again with the new options; results so far are dropped and run again.
   */
  reconfigure(): void {
    if (!this._loading) return;
    this.hostDisconnected();
    this._connected = true;
    if (this._autoRun) void this.load();
    this._host.requestUpdate();
  }

  /** Tell the controller the graph changed; edited nodes and their downstream become dirty. */
  documentChanged(): void {
    if (this._kit) this.setDocument(this._kit);
  }

  /** Tell the controller node types became known or changed; their nodes run again. */
  typesChanged(types: Iterable<string>): void {
    this._kit?.engine.typesChanged(types);
  }

  /** Runs every dirty node (every node with `all`); resolves with the summary (also sent as `v2u-run-end`). */
  async run(options: RunOptions = {}): Promise<RunSummary> {
    const kit = await this.load();
    return kit.engine.run(options);
  }

  /** A run is likely soon: loads the run code and has the pool start a worker (see `FlowEngine.warm`). */
  warm(): void {
    if (this._connected) this.load().then((kit) => kit.engine.warm(), () => {});
  }

  /** Cancels the running run: in-flight tasks are aborted and show `cancelled`. */
  cancel(): void {
    this._kit?.engine.cancel();
  }

  /** The node's status, progress, duration, error and output preview. */
  nodeState(nodeId: string): NodeView {
    const state = this._kit?.engine.state(nodeId);
    if (!state) return IDLE;
    if (!state.output) return state;
    let preview = this._previews.get(state);
    if (!preview) this._previews.set(state, (preview = previewOutput(state.output)));
    return { ...state, preview };
  }

  /** The node's latest outputs in full (values kept in a worker are fetched); `undefined` when stale or not run. */
  async output(nodeId: string): Promise<NodeOutputs | undefined> {
    return this._kit?.engine.output(nodeId);
  }

  /** Items of an output kept in a worker (a page of a large table). */
  async read(ref: OutputRef, range: ItemRange): Promise<unknown[]> {
    const kit = await this.load();
    return kit.engine.read(ref, range);
  }

  /** The run code and engine, loaded once; a load that failed (the code did not arrive) is tried again by the next call. */
  private load(): Promise<RunKit> {
    if (this._loading) return this._loading;
    const ready = this._options.ready?.() ?? Promise.resolve();
    const loading: Promise<RunKit> = (this._loading = Promise.all([import('./run-kit.js'), ready]).then(([m]) => {
      const { resolve, executor, debounceMs, host } = this._options;
      const pool = typeof this._options.pool === 'function' ? this._options.pool() : this._options.pool;
      const kit = m.createRunKit({ resolve, executor, pool, debounceMs, host, autoRun: this._autoRun });
      // Disconnected, or reconfigured while loading (a newer load takes over): not this one.
      if (!this._connected || this._loading !== loading) kit.destroy();
      else this.attach(kit);
      return kit;
    }));
    // Handled here, so the loads nobody awaits (auto-run, Run intent) leave no unhandled rejection; callers that await still see it.
    loading.catch(() => this._loading === loading && (this._loading = undefined));
    return loading;
  }

  private attach(kit: RunKit) {
    this._kit = kit;
    this._cleanups.push(kit.engine.subscribe((event) => this.handleEngineEvent(event)));
    if (kit.pool) {
      for (const warning of kit.pool.warnings) this.warn(warning);
      this._cleanups.push(kit.pool.onWarning((warning) => this.warn(warning)));
    }
    this.setDocument(kit);
  }

  /**
   * Hands the graph to the engine. A document the engine cannot run (a bad subflow
   * definition) is reported as `v2u-error`, not thrown: this runs inside the store's
   * listener, and a throw there would skip every later listener (form value, autosave).
   */
  private setDocument(kit: RunKit) {
    try {
      kit.engine.setDocument(this._options.document());
    } catch (error) {
      const { code, name, message, path } = error as { code?: string; name?: string; message?: string; path?: string };
      emit(this._host, 'v2u-error', { code: code ?? name ?? 'error', message: message ?? String(error), source: 'run', ...(path ? { path } : {}) });
    }
  }

  private warn(warning: { code: string; message: string }) {
    emit(this._host, 'v2u-warning', { code: warning.code, message: warning.message, source: 'pool' });
  }

  /**
   * A run's statuses and progress are drawn at most every 100 ms, its start and end at once:
   * each drawing costs the page a style, layout and paint, which at 60 a second took a heavy
   * run about a third of a core that its workers needed.
   */
  private draw(now: boolean) {
    if (now) {
      clearTimeout(this._drawTimer);
      this._drawTimer = undefined;
      this._drawnAt = performance.now();
      return this._host.requestUpdate();
    }
    this._drawTimer ??= setTimeout(() => this.draw(true), Math.max(0, this._drawnAt + RUN_DRAW_MS - performance.now()));
  }

  private handleEngineEvent(event: EngineEvent) {
    this.draw(event.type === 'run-start' || event.type === 'run-end');
    switch (event.type) {
      case 'run-start':
        return emit(this._host, 'v2u-run-start', { runId: event.runId, nodes: event.nodes });
      case 'node-status':
        return emit(this._host, 'v2u-node-status', { runId: event.runId, nodeId: event.nodeId, status: event.state.status, state: event.state });
      case 'node-progress':
        return emit(this._host, 'v2u-node-progress', { runId: event.runId, nodeId: event.nodeId, progress: event.progress, message: event.message });
      case 'run-end':
        return emit(this._host, 'v2u-run-end', { summary: event.summary });
      case 'error':
        return emit(this._host, 'v2u-error', { code: event.error.code ?? event.error.name, message: event.error.message, source: 'run', nodeId: event.nodeId });
    }
  }
}
