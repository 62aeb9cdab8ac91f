import { configWithDefaults, type NodeOutputs } from '../define-node.js';
import { createDocument, type GraphDocument, type GraphNode } from '../document.js';
import { ErrorCodes, quote } from '../errors.js';
import { RunErrorCodes } from '../run-errors.js';
import { FlowGraph, gatherInputs, type Produced } from './flow-graph.js';
import { isLongArray, isOutputRef, resolveRefs, type OutputRef } from './output-ref.js';
import { RefKeeper } from './ref-keeper.js';
import { ResultCache, type CacheStrategy } from './result-cache.js';
import { toPlainError } from './plain-error.js';
import { RunQueue } from './run-queue.js';
import { RunState } from './run-state.js';
import { stableHash } from './stable-hash.js';
import { expandSubflows, type DefinitionLookup, type Expansion } from '../structure/subflow-expand.js';
import { instanceOutputs, instanceState } from './subflow-state.js';
import { BUILT_LOGIC_KEY, builtSubflow, isBuiltType } from '../built-type.js';
import type { EngineClock, EngineEvent, ItemRange, EngineListener, NodeExecutor, NodeResolver, NodeRunState, PlainError, RunOptions, RunSummary, TaskPriority } from './types.js';

export interface EngineOptions {
  resolve: NodeResolver;
  executor: NodeExecutor;
  clock: EngineClock;
  /** Run dirty nodes by themselves after an edit (default true). */
  autoRun?: boolean;
  /** Quiet time after the last edit before an auto-run starts (default 150 ms). */
  debounceMs?: number;
  /**
   * Subflow definitions beyond the document's own, by node type. Builder-made types whose
   * logic is a flow (their resolved manifest carries it) expand without it.
   */
  subflows?: DefinitionLookup;
}

const IDLE: NodeRunState = Object.freeze({ status: 'idle', progress: 0 });
/** Shared by every queued (running) node: a run of 10,000 nodes makes no state object per node for these. */
const QUEUED: NodeRunState = Object.freeze({ status: 'queued', progress: 0 });
const RUNNING: NodeRunState = Object.freeze({ status: 'running', progress: 0 });
const PRIORITY_RANK: Record<TaskPriority, number> = { high: 0, normal: 1, low: 2 };
/** Times one run may run a node again because an output of it kept in a worker was lost. */
const MAX_RERUNS = 2;
/** What a node is expected to take when no earlier run timed it: the same for all, so the longest chain of nodes goes first. */
const UNTIMED_MS = 10;

/**
 * The dataflow engine: schedules a graph's nodes on an injected executor. Ready nodes go out
 * together, highest priority first; results are cached by a hash of type, config and
 * inputs; an edit dirties the node and its downstream, cancels their stale work and (with
 * `autoRun`) re-runs just those after a debounce. An error stops only its downstream.
 *
 * @example
 * const engine = new FlowEngine({ resolve, executor, clock });
 * engine.subscribe((e) => console.log(e.type));
 * engine.setDocument(doc);
 * const summary = await engine.run();
 */
export class FlowEngine {
  autoRunDelay: number;
  private _autoRun: boolean;
  /** The document as given, before subflow expansion. */
  private _source: GraphDocument | undefined;
  private _graph?: FlowGraph;
  private _instances = new Map<string, Expansion>();
  private _states = new Map<string, NodeRunState>();
  private _produced = new Map<string, Produced>();
  private _dirty = new Set<string>();
  private _keeper: RefKeeper;
  private _cache: ResultCache;
  private _listeners = new Set<EngineListener>();
  private _run?: RunState;
  private _queue: RunQueue;
  private _runIds = 0;
  private _executions = 0;

  constructor(private readonly _options: EngineOptions) {
    this._keeper = new RefKeeper((refs) => _options.executor.release?.(refs));
    this._cache = new ResultCache(8, this._keeper);
    this._autoRun = _options.autoRun ?? true;
    this.autoRunDelay = _options.debounceMs ?? 150;
    this._queue = new RunQueue(_options.clock, () => this.execute(), () => ({
      runId: ++this._runIds, status: 'cancelled', executed: [], cached: [], failed: [], cancelled: [], skipped: [], durationMs: 0,
    }));
  }

  get autoRun(): boolean {
    return this._autoRun;
  }

  /** Switching auto-run on runs whatever is dirty; switching it off stops a pending auto-run. */
  set autoRun(on: boolean) {
    this._autoRun = on;
    if (on && this._dirty.size) this._queue.debounce(this.autoRunDelay);
    if (!on) this._queue.clear();
  }

  get running(): boolean {
    return !!this._run;
  }

  /** Nodes that will run on the next run. */
  get dirty(): ReadonlySet<string> {
    return this._dirty;
  }

  /** The node's status, progress, duration, error and output of its latest run. */
  state(nodeId: string): NodeRunState {
    const instance = this._instances.get(nodeId);
    if (instance) return instanceState(instance, (id) => this.state(id));
    return this._states.get(nodeId) ?? IDLE;
  }

  /**
   * The node's latest outputs in full, while still current (`undefined` once an edit made
   * them stale). Outputs kept in a worker (`OutputRef` handles in `state().output`) are
   * fetched, so this may copy a large value to the caller.
   */
  async output(nodeId: string): Promise<NodeOutputs | undefined> {
    const instance = this._instances.get(nodeId);
    if (instance) {
      if (this.state(nodeId).status !== 'done') return undefined;
      const outputs = new Map(await Promise.all(Object.values(instance.outputs).map(async (ref) => [ref.node, await this.output(ref.node)] as const)));
      return instanceOutputs(instance, (id) => outputs.get(id));
    }
    const produced = this._produced.get(nodeId);
    const executor = this._options.executor;
    if (!produced) return undefined;
    return resolveRefs(produced.outputs, (ref) => (executor.fetch ? executor.fetch(ref) : ref)) as Promise<NodeOutputs>;
  }

  /**
   * Items `from` to `to` of an output kept in a worker, for views that page through a large
   * table. Rejects (code `result-lost`) once the value is gone.
   */
  async read(ref: OutputRef, range: ItemRange): Promise<unknown[]> {
    const { executor } = this._options;
    if (!executor.fetch) throw Object.assign(new Error('this executor keeps no outputs'), { name: 'V2uError', code: RunErrorCodes.resultLost });
    return (await executor.fetch(ref, range)) as unknown[];
  }

  subscribe(listener: EngineListener): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  /**
   * Takes a new version of the document; changed nodes and their downstream become dirty.
   * Subflow instances are expanded into their inner nodes, which run like any other;
   * throws a V2uError (with the chain) for a subflow that contains itself.
   */
  setDocument(doc: GraphDocument): void {
    this._source = doc;
    const prev = this._graph;
    const expanded = expandSubflows(doc, this._definition);
    this._instances = expanded.instances;
    const next = new FlowGraph(expanded.doc);
    for (const id of prev?.index.keys() ?? []) if (!next.has(id)) this.forget(id);
    this._graph = next;
    const changed = FlowGraph.changed(prev, next);
    this.markDirty(changed);
    if (changed.size && this._autoRun) this._queue.debounce(this.autoRunDelay);
  }

  /**
   * Node types whose module or manifest changed (the registry loaded or updated them): their
   * nodes and everything downstream become dirty and, with auto-run, run again.
   */
  typesChanged(types: Iterable<string>): void {
    const wanted = new Set(types);
    // A type that expands (a builder-made flow type) may have a new inside, or have just become
    // known as one: expand the document again (unchanged inner nodes stay as they were).
    if (this._source?.nodes.some((n) => wanted.has(n.type))) this.setDocument(this._source);
    const ids = [...(this._graph?.index.keys() ?? [])].filter((id) => wanted.has(this._graph!.node(id)!.type));
    for (const id of ids) this._cache.forget(id);
    this.markDirty(ids);
    if (ids.length && this._autoRun) this._queue.debounce(this.autoRunDelay);
  }

  /** Marks nodes and their downstream dirty and aborts their stale work in a running run. */
  markDirty(ids: Iterable<string>): void {
    for (const id of this._graph?.downstream(ids) ?? []) {
      this._dirty.add(id);
      this.setProduced(id, undefined);
      this._run?.invalidate(id);
    }
  }

  /**
   * Runs every dirty node (and nodes that never cache), or with `all` every node afresh, and
   * resolves with a summary. Waits for the stale part of a running run to stop first. Never
   * rejects: failures are on nodes.
   */
  run(options: RunOptions = {}): Promise<RunSummary> {
    const ids = [...(this._graph?.index.keys() ?? [])];
    if (options.all) for (const id of ids) this._cache.forget(id);
    this.markDirty(options.all ? ids : ids.filter((id) => this.performanceOf(id).cacheStrategy === 'none'));
    return this._queue.enqueue();
  }

  /**
   * A run is likely soon (a person is about to press Run): the executor starts what the first
   * node needs (a pool's worker), so the run does not begin by waiting for it.
   */
  warm(): void {
    if (!this._run) this._options.executor.prepare?.({ width: 1, modules: this._graph && this.modulesOf(this._graph.nodeList) });
  }

  /** Stops the running run (in-flight tasks are aborted, their nodes show `cancelled`) and any run waiting to start. */
  cancel(): void {
    this._queue.cancel();
    this._run?.abortAll();
  }

  /** Cancels everything and drops listeners and cached results. */
  dispose(): void {
    this.cancel();
    this._listeners.clear();
    this._cache.clear();
    for (const id of [...this._produced.keys()]) this.setProduced(id, undefined);
  }

  private execute(): Promise<RunSummary> {
    const graph = this._graph ?? new FlowGraph(createDocument());
    const run = new RunState(++this._runIds, graph, this.now(), this._dirty);
    this._run = run;
    this.emit({ type: 'run-start', runId: run.id, nodes: [...run.ids] });
    // Before the states are reset: a node's last execution is the best guess of its next.
    run.expect((id) => {
      const last = this._states.get(id);
      return last?.status === 'done' && !last.cached && last.durationMs ? last.durationMs : UNTIMED_MS;
    });
    for (const id of run.ids) this.setState(run, id, QUEUED);
    this.failCycles(run);
    if (run.size === 0) run.finish(this.now());
    else {
      // Ready nodes first: an idle worker takes the first of them before any imports ahead.
      this.dispatch(run, run.initiallyReady());
      this.prepare(run);
    }
    return run.done.then((summary) => {
      this._run = undefined;
      // Until the next edit or run nothing looks nodes up by id: the index can go.
      this._graph?.release();
      this.emit({ type: 'run-end', summary });
      return summary;
    });
  }

  /** Tells the executor how wide the run is and what code it runs, so a pool can start its workers (and load that code) ahead of the parallel part. */
  private prepare(run: RunState) {
    const { graph } = run;
    const ids = [...run.ids].sort((a, b) => (graph.rank(a) ?? Infinity) - (graph.rank(b) ?? Infinity));
    this._options.executor.prepare?.({ width: run.width(), modules: this.modulesOf(ids.map((id) => graph.node(id)!)) });
  }

  /** The distinct logic modules of `nodes`' types, in the order of the nodes (topological for a run: first needed first). */
  private modulesOf(nodes: Iterable<GraphNode>): string[] {
    const urls = new Set<string>();
    for (const node of nodes) {
      const url = this._options.resolve(node.type)?.moduleUrl;
      if (url) urls.add(url);
    }
    return [...urls];
  }

  private dispatch(run: RunState, ready: string[]) {
    const { graph } = run;
    const priority = (id: string) => PRIORITY_RANK[this.performanceOf(id).priority ?? 'normal'];
    ready.sort((a, b) => priority(a) - priority(b) || run.pathMs(b) - run.pathMs(a) || (graph.rank(a) ?? 0) - (graph.rank(b) ?? 0));
    for (const id of ready) if (run.isOpen(id)) this.start(run, id);
  }

  private start(run: RunState, id: string) {
    if (run.cancelled || run.isStale(id)) return this.cancelled(run, id);
    const node = run.graph.node(id)!;
    const resolved = this._options.resolve(node.type);
    if (!resolved) return this.fail(run, id, { name: 'V2uError', code: RunErrorCodes.unknownNodeType, message: `unknown node type ${quote(node.type)}` });
    const { manifest, moduleUrl } = resolved;
    const gathered = gatherInputs(run.graph, id, manifest, (u) => this._produced.get(u));
    if (!gathered) return this.skip(run, id, run.graph.upstream(id).find((u) => !this._produced.has(u)) ?? id);
    const lost = this.lostUpstream(run, id);
    if (lost.length) return this.rerunUpstream(run, id, lost);
    const config = configWithDefaults(manifest, node.config);
    // A builder-made type's expressions reach its interpreter module as data, and key the cache.
    if (isBuiltType(manifest)) config[BUILT_LOGIC_KEY] = manifest.logic;
    const key = stableHash([node.type, manifest.version, config, gathered.hashes]);
    const strategy = manifest.performance?.cacheStrategy ?? 'normal';
    const hit = strategy === 'none' ? undefined : this._cache.get(id, key);
    if (hit) return this.succeed(run, id, hit, key, strategy, true);
    const controller = run.control(id);
    const priority = manifest.performance?.priority ?? 'normal';
    this._options.executor
      .execute({
        runId: run.id, nodeId: id, type: node.type, moduleUrl, inputs: gathered.inputs, config, priority, signal: controller.signal, repeatable: strategy !== 'none', pathMs: run.pathMs(id),
        onStart: () => this.started(run, id),
        onProgress: (progress, message) => this.progressed(run, id, progress, message),
      })
      .then(
        ({ outputs, portHashes }) => this.succeed(run, id, { outputs, portHashes: portHashesOf(outputs, portHashes, key, strategy, ++this._executions) }, key, strategy, false),
        (error: unknown) => {
          const plain = toPlainError(error);
          const lost = plain.code === RunErrorCodes.resultLost ? this.lostUpstream(run, id) : [];
          if (controller.signal.aborted) this.cancelled(run, id);
          else if (lost.length) this.rerunUpstream(run, id, lost);
          else this.fail(run, id, plain);
        },
      );
  }

  /** Upstream nodes whose outputs this node reads were kept in a worker that is gone. */
  private lostUpstream(run: RunState, id: string): string[] {
    const executor = this._options.executor;
    if (!executor.available) return [];
    const lost = run.graph.incoming(id).filter((edge) => {
      const value = this._produced.get(edge.from.node)?.outputs[edge.from.port];
      return isOutputRef(value) && !executor.available!(value);
    });
    return [...new Set(lost.map((edge) => edge.from.node))];
  }

  /** Runs lost upstream nodes again (their cached results are gone too); this node waits for them. */
  private rerunUpstream(run: RunState, id: string, lost: string[]) {
    const exhausted = lost.find((u) => run.reruns(u) >= MAX_RERUNS);
    if (exhausted)
      return this.fail(run, id, { name: 'V2uError', code: RunErrorCodes.resultLost, message: `the output of node ${quote(exhausted)} that node ${quote(id)} needs was lost ${MAX_RERUNS} times (its worker was replaced)` });
    const start: string[] = [];
    for (const u of lost) {
      this._cache.forget(u);
      this.setProduced(u, undefined);
      if (run.require(u, id)) start.push(u);
      this.setState(run, u, QUEUED);
    }
    this.setState(run, id, QUEUED);
    this.dispatch(run, start);
  }

  private started(run: RunState, id: string) {
    if (!run.isOpen(id)) return;
    run.started(id, this.now());
    this.setState(run, id, RUNNING);
  }

  private progressed(run: RunState, id: string, fraction: number, message?: string) {
    if (!run.isOpen(id) || run.isStale(id)) return;
    const progress = Math.min(1, Math.max(0, Number(fraction) || 0));
    this._states.set(id, { ...this.state(id), progress, message });
    this.emit({ type: 'node-progress', runId: run.id, nodeId: id, progress, message });
  }

  private succeed(run: RunState, id: string, produced: Produced, key: string, strategy: CacheStrategy, cached: boolean) {
    if (!run.isOpen(id)) return;
    if (run.isStale(id)) return this.cancelled(run, id);
    this._cache.set(id, key, produced, strategy);
    this.setProduced(id, produced);
    this._dirty.delete(id);
    (cached ? run.summary.cached : run.summary.executed).push(id);
    this.setState(run, id, { status: 'done', progress: 1, durationMs: this.elapsed(run, id), output: produced.outputs as NodeOutputs, cached });
    this.dispatch(run, run.settle(id, this.now()));
  }

  private fail(run: RunState, id: string, error: PlainError) {
    if (!run.isOpen(id)) return;
    this.markFailed(run, id, error);
    this.settleDownstream(run, id, () => run.settle(id, this.now()), id);
  }

  private markFailed(run: RunState, id: string, error: PlainError) {
    run.summary.failed.push(id);
    this.setState(run, id, { status: 'error', progress: 0, durationMs: this.elapsed(run, id), error });
    this.emit({ type: 'error', runId: run.id, nodeId: id, error });
  }

  /**
   * Nodes on a cycle would wait for each other forever (parseDocument refuses cycles, but a
   * host may hand over any document): each fails, and what lies below them is skipped.
   */
  private failCycles(run: RunState) {
    const { graph } = run;
    const unranked = run.ids.filter((id) => graph.rank(id) === undefined);
    const onCycle = unranked.filter((id) => graph.downstream(graph.successors(id)).has(id));
    for (const id of onCycle) {
      this.markFailed(run, id, { name: 'V2uError', code: ErrorCodes.cycle, message: `node ${quote(id)} is on a cycle` });
      run.settle(id, this.now());
    }
    for (const id of onCycle) this.settleDownstream(run, id, () => undefined, id);
  }

  private skip(run: RunState, id: string, blockedBy: string) {
    run.summary.skipped.push(id);
    this.setState(run, id, run.skipState(blockedBy));
    run.settle(id, this.now());
  }

  private cancelled(run: RunState, id: string) {
    if (!run.isOpen(id)) return;
    run.summary.cancelled.push(id);
    this.setState(run, id, { status: 'cancelled', progress: 0, durationMs: this.elapsed(run, id) });
    this.settleDownstream(run, id, () => run.settle(id, this.now()));
  }

  /** Settles a node, then every open node downstream of it as skipped (error) or cancelled. */
  private settleDownstream(run: RunState, id: string, settleSelf: () => void, blockedBy?: string) {
    const below = [...run.graph.downstream([id])].filter((d) => d !== id && run.isOpen(d));
    settleSelf();
    for (const d of below.sort((a, b) => (run.graph.rank(a) ?? 0) - (run.graph.rank(b) ?? 0))) {
      if (blockedBy) this.skip(run, d, blockedBy);
      else this.cancelled(run, d);
    }
  }

  private setState(run: RunState, nodeId: string, state: NodeRunState) {
    this._states.set(nodeId, state);
    this.emit({ type: 'node-status', runId: run.id, nodeId, state });
  }

  private emit(event: EngineEvent) {
    for (const listener of [...this._listeners]) listener(event);
  }

  private forget(id: string) {
    this._run?.invalidate(id);
    this._states.delete(id);
    this.setProduced(id, undefined);
    this._dirty.delete(id);
    this._cache.forget(id);
  }

  /** The node's current output; results kept in a worker are released once nothing keeps them. */
  private setProduced(id: string, produced: Produced | undefined) {
    const old = this._produced.get(id);
    if (produced) {
      this._keeper.hold(produced);
      this._produced.set(id, produced);
    } else this._produced.delete(id);
    if (old) this._keeper.drop(old);
  }

  /** The flow a node type runs as: the host's lookup, else a builder-made type's own (`builtSubflow`). */
  private _definition = (type: string) => {
    const manifest = this._options.resolve(type)?.manifest;
    return this._options.subflows?.(type) ?? (isBuiltType(manifest) ? builtSubflow(manifest) : undefined);
  };

  private performanceOf(id: string) {
    const type = this._graph?.node(id)?.type ?? this._run?.graph.node(id)?.type;
    return (type && this._options.resolve(type)?.manifest.performance) || {};
  }

  private elapsed(run: RunState, id: string): number {
    return run.elapsed(id, this.now());
  }

  private now(): number {
    return this._options.clock.now();
  }
}

/**
 * One hash per output port: the executor's, else computed here. A large value (kept in a
 * worker, or a long array) is not hashed item by item (a million rows take seconds): it is
 * named by the node's cache key and port (the same type, config and inputs give the same
 * value), or, for a node that never caches (random, clock, I/O), by its execution.
 */
function portHashesOf(outputs: Record<string, unknown>, given: Record<string, string> | undefined, key: string, strategy: CacheStrategy, execution: number): Record<string, string> {
  const hashes: Record<string, string> = { ...given };
  for (const [port, value] of Object.entries(outputs)) {
    if (hashes[port] !== undefined) continue;
    const large = isOutputRef(value) || isLongArray(value);
    hashes[port] = !large ? stableHash(value) : stableHash([key, port, strategy === 'none' ? execution : 0]);
  }
  return hashes;
}
