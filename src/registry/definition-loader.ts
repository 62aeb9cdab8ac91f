import { ErrorCodes, V2uError, type NodeDefinition } from '../core/index.js';
import { priorityOf } from './bundles.js';
import { warn } from './metrics.js';
import type { NodeRegistry } from './node-registry.js';
import { Samples } from './samples.js';
import type { NodeRecord } from './registry-types.js';

const defaultImport = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/** What a `DefinitionLoader` borrows from its `NodeRegistry`. */
export interface DefinitionLoaderHost {
  /** Imports a module by URL (default: native dynamic import). */
  importModule?: (url: string) => Promise<unknown>;
  /** High-resolution timer for durations. */
  now: () => number;
  /** Records a timed operation in the registry's samples and slow-operation warnings. */
  timed: (operation: string, start: number, samples?: Samples) => void;
}

/**
 * The part of `NodeRegistry` that only runs once node code is needed on this thread:
 * imports a type's logic module, keeps the definition on the type's L1 record, shares
 * in-flight imports and times them. A chunk of its own, which the registry imports on its
 * first `load()`, so it stays out of the first paint.
 */
export class DefinitionLoader {
  readonly loads = new Samples();
  private _inflight = new Map<string, Promise<NodeDefinition>>();
  private _import: (url: string) => Promise<unknown>;

  constructor(private readonly _host: DefinitionLoaderHost) {
    this._import = _host.importModule ?? defaultImport;
  }

  /**
   * The definition of `type`: the one on its L1 record, or by importing the record's module
   * (what the registry knew of `type` when asked; none rejects with `unknown-node-type`).
   */
  load(type: string, record: NodeRecord | undefined): Promise<NodeDefinition> {
    if (record?.definition) return Promise.resolve(record.definition);
    let pending = this._inflight.get(type);
    if (!pending) {
      pending = this._loadModule(type, record).finally(() => this._inflight.delete(type));
      this._inflight.set(type, pending);
    }
    return pending;
  }

  /** `NodeRegistry.preload()`: here, with the loading it does, so it adds nothing to the first paint. */
  async preload(registry: NodeRegistry, graphTypes: Iterable<string>, emitter: EventTarget): Promise<void> {
    const known = registry.list();
    const types = new Set([...known.filter((e) => priorityOf(e) === 'high').map((e) => e.type), ...graphTypes]);
    const listed = new Set(known.map((e) => e.type));
    const results = await Promise.allSettled([...types].filter((t) => listed.has(t)).map((t) => registry.load(t)));
    for (const r of results) if (r.status === 'rejected') warn(emitter, { code: ErrorCodes.loadFailed, message: String(r.reason?.message ?? r.reason) });
  }

  private async _loadModule(type: string, record: NodeRecord | undefined): Promise<NodeDefinition> {
    if (!record) throw new V2uError(ErrorCodes.unknownNodeType, `no node type "${type}" is registered`, type);
    const { entry } = record;
    const start = this._host.now();
    let definition: NodeDefinition;
    try {
      definition = ((await this._import(entry.module)) as { default: NodeDefinition }).default;
    } catch (error) {
      throw new V2uError(ErrorCodes.loadFailed, `Unable to load node "${type}" from ${entry.module}: ${(error as Error).message}`, entry.module);
    }
    if (definition?.type !== type || typeof definition.processLogic !== 'function')
      throw new V2uError(ErrorCodes.loadFailed, `${entry.module} does not export the definition of "${type}" as its default`, entry.module);
    record.definition = definition;
    this._host.timed(`load ${type}`, start, this.loads);
    return definition;
  }
}
