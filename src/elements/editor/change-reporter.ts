import type { Change, GraphDocument, StoreEvent } from '../../core/index.js';
import { emit } from '../shared/events.js';

/** Pan and zoom: saved with the graph, but not edits. */
export const isViewChange = (change: Change): change is Extract<Change, { type: 'viewport' }> => change.type === 'viewport';

/**
 * Turns the store's events into the editor's: one `v2u-change` per edit (a drag, however
 * many moves, is one, reported when it ends), and `v2u-viewport-change` for pan and zoom,
 * which are not edits.
 */
export class ChangeReporter {
  /** Change types of an open batch (a drag), reported once when it ends. */
  private _pending = new Set<string>();

  constructor(
    private readonly _target: EventTarget,
    private readonly _document: () => GraphDocument,
  ) {}

  /** The document last reported, while only pans and zooms (not reported) have followed it. */
  private _reported: GraphDocument | undefined;

  report(event: StoreEvent): void {
    if (event.origin === 'load') return void (this._reported = undefined);
    for (const change of event.changes) {
      if (isViewChange(change)) emit(this._target, 'v2u-viewport-change', { viewport: { ...change.to } });
      else this._pending.add(change.type);
    }
    if (this._pending.size > 0) this._reported = undefined;
    if (!event.settled || this._pending.size === 0) return;
    const types = [...this._pending];
    this._pending.clear();
    this._reported = this._document();
    emit(this._target, 'v2u-change', { origin: event.origin, types, graph: this._reported });
  }

  /** Whether `doc` is the graph as it is: the current document, or the one last reported with only view changes since. */
  isCurrent(doc: GraphDocument): boolean {
    return doc === this._document() || doc === this._reported;
  }
}
