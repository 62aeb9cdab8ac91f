import { ErrorCodes, V2uError, type NodeDefinition } from '../core/index.js';
import type { NodeEntry } from './bundles.js';
import { LruCache, type LruOptions } from './lru-cache.js';
import { Samples } from './metrics.js';

const defaultImport = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** What a `DefinitionLoader` borrows from its `NodeRegistry`. */
export interface DefinitionLoaderHost {
  /** L1 cache size, time to live and clock (`NodeRegistryOptions`). */
  l1: LruOptions;
  /** Imports a module by URL (default: native dynamic import). */
  importModule?: (url: string) => Promise<unknown>;
  /** High-resolution timer for durations. */
  now: () => number;
  /** Records a timed operation in the registry's samples and slow-operation warnings. */
  timed: (operation: string, start: number, samples?: Samples) => void;
}

/**
 * The part of `NodeRegistry` that only runs once node code is needed: the L1 LRU cache of
 * resolved definitions, shared in-flight imports, and load timings. A chunk of
 * its own, which the registry imports on its first `load()`, so it stays out of the first paint.
 */
export class DefinitionLoader {
  hits = 0;
  misses = 0;
  readonly loads = new Samples();
  private _l1: LruCache<NodeDefinition>;
  private _inflight = new Map<string, Promise<NodeDefinition>>();
  private _import: (url: string) => Promise<unknown>;

  constructor(private readonly _host: DefinitionLoaderHost) {
    this._l1 = new LruCache(_host.l1);
    this._import = _host.importModule ?? defaultImport;
  }

  get evictions(): number {
    return this._l1.evictions;
  }

  get cached(): number {
    return this._l1.size;
  }

  /**
   * The definition of `type`: from the L1 cache, or by importing the module of `entry`
   * (what the registry knew of `type` when asked; none rejects with `unknown-node-type`).
   */
  load(type: string, entry: NodeEntry | undefined): Promise<NodeDefinition> {
    const cached = this._l1.get(type);
    if (cached) {
      this.hits++;
      return Promise.resolve(cached);
    }
    this.misses++;
    let pending = this._inflight.get(type);
    if (!pending) {
      pending = this._loadModule(type, entry).finally(() => this._inflight.delete(type));
      this._inflight.set(type, pending);
    }
    return pending;
  }

  /** Forgets the cached definition of `type` (its module or version changed). */
  drop(type: string): void {
    this._l1.delete(type);
  }

  private async _loadModule(type: string, entry: NodeEntry | undefined): Promise<NodeDefinition> {
    if (!entry) throw new V2uError(ErrorCodes.unknownNodeType, `no node type "${type}" is registered`, type);
    const start = this._host.now();
    let definition: NodeDefinition;
    try {
      definition = ((await this._import(entry.module)) as { default: NodeDefinition }).default;
    } catch (error) {
      throw new V2uError(ErrorCodes.loadFailed, `Unable to load node "${type}" from ${entry.module}: ${(error as Error).message}`, entry.module);
    }
    if (definition?.type !== type || typeof definition.processLogic !== 'function')
      throw new V2uError(ErrorCodes.loadFailed, `${entry.module} does not export the definition of "${type}" as its default`, entry.module);
    this._l1.set(type, definition);
    this._host.timed(`load ${type}`, start, this.loads);
    return definition;
  }
}
