import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GraphStore, ManifestSource } from '../../core/index.js';
import { emit, type V2uReadyDetail } from '../shared/events.js';

/** What the ready signal needs from its editor. */
export interface ReadyHost extends ReactiveControllerHost, HTMLElement {
  readonly store: GraphStore;
  readonly manifests: ManifestSource;
  /** Resolves when the graph from `src`, if one is loading, is in. */
  documentLoaded(): Promise<void>;
  /** Resolves when the graph and the library are in (or failed): no more types will come. */
  graphReady(): Promise<void>;
  /** Resolves when the loaded graph's nodes without a position are laid out. */
  laidOut(): Promise<void>;
  /** Called as the graph becomes ready, before `v2u-ready` fires. */
  drawn(): void;
}

const deferred = () => {
  let resolve!: (detail: V2uReadyDetail) => void;
  return { promise: new Promise<V2uReadyDetail>((r) => (resolve = r)), resolve };
};

/**
 * The ready signal: once per loaded graph, when it is drawn with its types (every type a
 * manifest source knows, or the library is in and the rest stay placeholders), fires
 * `v2u-ready` and resolves `whenReady()`. As soon as the cache or the network knows every
 * type of the graph, it does not wait for the other. A graph loaded without positions is
 * ready once laid out, not as a pile at the origin. A graph replaced before it was ready
 * gets no event of its own: the one that replaced it does.
 */
export class ReadyController implements ReactiveController {
  private _ready = deferred();
  private _waiting = true;
  /** Counts loaded graphs: a check begun for an older one is dropped. */
  private _loads = 0;

  constructor(private readonly _host: ReadyHost) {
    _host.addController(this);
  }

  /** The current graph's ready: pending until it is drawn with its types. */
  get ready(): Promise<V2uReadyDetail> {
    return this._ready.promise;
  }

  hostConnected(): void {
    this.check();
  }

  /** A graph was loaded (value, graph, src, importGraph, reset): a new ready is due. */
  graphLoaded(): void {
    this._loads++;
    if (!this._waiting) this._ready = deferred();
    this._waiting = true;
    this.check();
  }

  /** Call when types may have arrived: ready as soon as every type is known, or no more will come. */
  check(): void {
    const host = this._host;
    const { _ready: ready, _loads: load } = this;
    if (!this._waiting || !host.isConnected) return;
    void (this.unknownTypes().length ? host.graphReady() : host.documentLoaded())
      .then(() => host.laidOut())
      .then(() => host.updateComplete)
      .then(() => {
        if (this._ready !== ready || this._loads !== load || !this._waiting || !host.isConnected) return;
        this._waiting = false;
        const detail = { nodes: host.store.state.nodeCount, unknownTypes: this.unknownTypes() };
        host.drawn();
        ready.resolve(detail);
        emit(host, 'v2u-ready', detail);
      });
  }

  /** Types of the graph that no manifest source knows yet. */
  unknownTypes(): string[] {
    const { manifests, store } = this._host;
    // A subflow's type is defined by the document itself; its manifest layer is lazy editing code.
    const subflows = store.state.extra.subflows;
    const defined = new Set(Array.isArray(subflows) ? subflows.map((d: { id?: unknown }) => `subflow/${d?.id}`) : []);
    return [...store.state.nodeTypes()].filter((type) => !manifests.get(type) && !defined.has(type));
  }
}
