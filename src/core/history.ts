import { appendCoalesced, invertChanges, type Change } from './changes.js';

export interface HistoryEntry {
  label: string;
  changes: Change[];
}

/**
 * Bounded undo/redo of change lists. A batch groups everything recorded between
 * `begin` and `end` into one step (a drag, a paste); nested batches join the outer one.
 */
export class History {
  private _undo: HistoryEntry[] = [];
  private _redo: HistoryEntry[] = [];
  private _open: HistoryEntry | undefined;
  private _depth = 0;

  constructor(readonly limit = 200) {}

  get canUndo(): boolean {
    return this._undo.length > 0;
  }

  get canRedo(): boolean {
    return this._redo.length > 0;
  }

  /** Labels of the undo stack, oldest first (for a history panel). */
  get labels(): string[] {
    return this._undo.map((e) => e.label);
  }

  /** True inside a batch: changes are being grouped into one step. */
  get batching(): boolean {
    return this._depth > 0;
  }

  begin(label: string): void {
    if (this._depth++ === 0) this._open = { label, changes: [] };
  }

  end(): void {
    if (this._depth === 0) throw new Error('History.end() called without a matching begin()');
    if (--this._depth > 0) return;
    const entry = this._open!;
    this._open = undefined;
    this._push(entry);
  }

  record(label: string, changes: readonly Change[]): void {
    const recordable = changes.filter((c) => c.type !== 'viewport');
    if (recordable.length === 0) return;
    if (this._open) recordable.forEach((c) => appendCoalesced(this._open!.changes, c));
    else this._push({ label, changes: [...recordable] });
  }

  /** Pops the last step and returns the changes that undo it. */
  takeUndo(): Change[] | undefined {
    const entry = this._undo.pop();
    if (!entry) return undefined;
    this._redo.push(entry);
    return invertChanges(entry.changes);
  }

  /** Pops the last undone step and returns its changes to apply again. */
  takeRedo(): Change[] | undefined {
    const entry = this._redo.pop();
    if (!entry) return undefined;
    this._undo.push(entry);
    return entry.changes;
  }

  clear(): void {
    this._undo = [];
    this._redo = [];
  }

  private _push(entry: HistoryEntry) {
    if (entry.changes.length === 0) return;
    this._undo.push(entry);
    if (this._undo.length > this.limit) this._undo.splice(0, this._undo.length - this.limit);
    this._redo = [];
  }
}
