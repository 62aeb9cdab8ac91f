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
  /** Called as the graph becomes ready, before `v2u-ready` fires. */
  drawn(): void;
}

interface Pending {
  promise: Promise<V2uReadyDetail>;
  resolve(detail: V2uReadyDetail): void;
}

const pending = (): Pending => {
  let resolve!: (detail: V2uReadyDetail) => void;
  return { promise: new Promise<V2uReadyDetail>((r) => (resolve = r)), resolve };
};

/**
 * The ready signal: once per loaded graph, when it is drawn with its types (every type a
 * manifest source knows, or the library is in and the rest stay placeholders), fires
 * `v2u-ready` and resolves `whenReady()`. As soon as the cache or the network knows every
 * type of the graph, it does not wait for the other. A graph replaced before it was ready
 * gets no event of its own: the one that replaced it does.
 */
export class ReadyController implements ReactiveController {
  private _pending: Pending | undefined = pending();
  private _last: Promise<V2uReadyDetail> = this._pending!.promise;
  /** Counts loaded graphs: a check begun for an older one is dropped. */
  private _loads = 0;

  constructor(private readonly _host: ReadyHost) {
    _host.addController(this);
  }

  /** The current graph's ready: pending until it is drawn with its types. */
  get ready(): Promise<V2uReadyDetail> {
    return this._pending?.promise ?? this._last;
  }

  hostConnected(): void {
    this.check();
  }

  /** A graph was loaded (value, graph, src, importGraph, reset): a new ready is due. */
  graphLoaded(): void {
    this._loads++;
    if (!this._pending) this._last = (this._pending = pending()).promise;
    this.check();
  }

  /** Call when types may have arrived: ready as soon as every type is known, or no more will come. */
  check(): void {
    const waiting = this._pending;
    if (!waiting || !this._host.isConnected) return;
    const load = this._loads;
    const known = this.unknownTypes().length === 0;
    const before = known ? this._host.documentLoaded() : this._host.graphReady();
    void before.then(() => this._host.updateComplete).then(() => this.finish(waiting, load));
  }

  private finish(waiting: Pending, load: number) {
    if (this._pending !== waiting || this._loads !== load || !this._host.isConnected) return;
    this._pending = undefined;
    const detail = { nodes: this._host.store.state.nodeCount, unknownTypes: this.unknownTypes() };
    this._host.drawn();
    waiting.resolve(detail);
    emit(this._host, 'v2u-ready', detail);
  }

  private unknownTypes(): string[] {
    const manifests = this._host.manifests;
    return [...this._host.store.state.nodeTypes()].filter((type) => !manifests.get(type));
  }
}
