import { resolveRefs, type OutputRef } from '../../core/engine/output-ref.js';
import { RunErrorCodes } from '../../core/run-errors.js';
import { COPY_MS_PER_ITEM } from './placement.js';
import { buffersOf, isColumnTable, ownBuffers, rowsOf, tableUnder, type ColumnTable } from '../../core/table/column-table.js';

export { rowsAtEdge } from '../../core/table/column-table.js';

/** A kept value: a long array, or a columnar table (the heavy nodes' tables stay columns here). */
type Kept = readonly unknown[] | ColumnTable;

const isKeepable = (value: unknown): value is Kept => Array.isArray(value) || isColumnTable(value);

/** Items of a kept value that travel with its handle, for previews and first views. */
export const HEAD_ITEMS = 100;

/**
 * A worker's kept outputs. Arrays at least `keepOver` long stay here and leave as
 * `OutputRef` handles; the next node in this worker reads them in place, a node in another
 * worker gets them over a `MessagePort` the pool hands both sides, and the page fetches
 * one only on request. Kept values are frozen: several nodes may read the same one. Columnar
 * tables are kept as columns and travel worker to worker as their buffers (a memory copy,
 * not a clone of a million rows); the page gets rows, built for the range it asks for.
 */
export class ValueStore {
  private _values = new Map<string, Kept>();
  private _prefix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  private _ids = 0;
  /** Values on their way from another worker, by id: calling one gives up waiting. */
  private _waiting = new Map<string, () => void>();

  get size(): number {
    return this._values.size;
  }

  /** The outputs with every long array kept here and replaced by a handle. */
  keep(outputs: Record<string, unknown>, keepOver: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [port, value] of Object.entries(outputs)) {
      if (!isKeepable(value) || value.length < keepOver) out[port] = isColumnTable(value) ? rowsOf(value) : value;
      else {
        const id = `${this._prefix}-${++this._ids}`;
        this._values.set(id, Object.freeze(value));
        out[port] = { $v2uRef: id, length: value.length, head: itemsOf(value, 0, HEAD_ITEMS), copyMs: copyCostMs(value) } satisfies OutputRef;
      }
    }
    return out;
  }

  /** Inputs with handles replaced by their values: kept here, or received on the port given for them (and kept as a copy). */
  resolve(inputs: Record<string, unknown>, ports: Record<string, MessagePort> = {}): Promise<Record<string, unknown>> {
    return resolveRefs(inputs, async (ref) => {
      const local = this._values.get(ref.$v2uRef);
      if (local) return local;
      const port = ports[ref.$v2uRef];
      if (!port) throw lost(ref);
      const value = await this.receive(port, ref);
      this._values.set(ref.$v2uRef, Object.freeze(value));
      return value;
    });
  }

  /**
   * Sends a kept value to another worker over `port` (a copy; an error when it is gone). A
   * columnar table goes as fresh copies of its buffers, transferred: the message moves them
   * instead of cloning them on the way.
   */
  serve(id: string, port: MessagePort): void {
    const value = this._values.get(id);
    if (value && isColumnTable(value)) {
      const copy = ownBuffers(value);
      port.postMessage({ ok: true, value: copy }, buffersOf(copy));
    } else port.postMessage(value ? { ok: true, value } : { ok: false });
    port.close();
  }

  /** The worker sending these values died: tasks still waiting for them fail as `result-lost`. */
  abandon(ids: string[]): void {
    for (const id of ids) this._waiting.get(id)?.();
  }

  holds(id: string): boolean {
    return this._values.has(id);
  }

  /** Keeps a value made again from its recipe under the id it had; it must be the same length. */
  put(ref: Pick<OutputRef, '$v2uRef' | 'length'>, value: unknown): void {
    if (!isKeepable(value) || value.length !== ref.length) throw lost(ref);
    this._values.set(ref.$v2uRef, Object.isFrozen(value) ? value : Object.freeze(value));
  }

  get(id: string): Kept {
    const value = this._values.get(id);
    if (!value) throw lost({ $v2uRef: id });
    return value;
  }

  /** Items `from`..`to` of a kept value for the page: rows, built here when it is columnar. */
  items(id: string, from = 0, to?: number): readonly unknown[] {
    return itemsOf(this.get(id), from, to);
  }

  private receive(port: MessagePort, ref: OutputRef): Promise<Kept> {
    return new Promise<Kept>((resolve, reject) => {
      const id = ref.$v2uRef;
      const done = (value?: Kept) => {
        this._waiting.delete(id);
        port.close();
        if (value) resolve(value);
        else reject(lost(ref));
      };
      this._waiting.set(id, () => done());
      port.onmessage = ({ data }: MessageEvent<{ ok: boolean; value?: unknown }>) => done(data.ok && isKeepable(data.value) ? data.value : undefined);
    });
  }

  release(ids: string[]): void {
    for (const id of ids) this._values.delete(id);
  }

}

/**
 * Copying a columnar table to another worker, measured on the 2-core machine: its buffers are
 * copied once and transferred (about 1 ms per MB, with margin), its dictionary strings and
 * mixed cells are cloned one by one (under a microsecond each).
 */
const MS_PER_BYTE = 1e-6;
const MS_PER_CLONED = 0.001;

/** What `serve` will take to send this value to another worker, in ms (see `copyMs` in placement). */
export function copyCostMs(value: Kept): number {
  if (!isColumnTable(value)) return value.length * COPY_MS_PER_ITEM;
  // A deferred take is priced from the table under it (reading its columns would gather them).
  const under = tableUnder(value);
  const share = under.length ? value.length / under.length : 0;
  let ms = 0;
  for (const column of under.columns) {
    let rowBytes = column.states?.byteLength ?? 0;
    if (column.kind === 'mixed') ms += column.values.length * share * MS_PER_CLONED;
    else if (column.kind === 'string') (rowBytes += column.codes.byteLength), (ms += Array.isArray(column.dictionary) ? column.dictionary.length * MS_PER_CLONED : 0);
    else rowBytes += column.values.byteLength;
    ms += rowBytes * share * MS_PER_BYTE;
  }
  return ms;
}

function itemsOf(value: Kept, from: number, to = value.length): readonly unknown[] {
  return isColumnTable(value) ? rowsOf(value, from, to) : value.slice(from, to);
}

function lost(ref: Pick<OutputRef, '$v2uRef'>) {
  return Object.assign(new Error(`the kept output ${ref.$v2uRef} is no longer in the worker pool`), { name: 'V2uError', code: RunErrorCodes.resultLost });
}
