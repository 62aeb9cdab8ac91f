import { html, nothing } from 'lit';
import { isV2uError, parseDocument, type GraphDocument } from '../../core/index.js';
import { journal } from '../../runtime/journal.js';
import type { Persistence } from '../../runtime/persistence.js';
import { adoptStyles } from '../shared/adopt-styles.js';
import { emit } from '../shared/events.js';
import { bannerStyles } from './banner.styles.js';
import type { EditorHost } from './editor-host.js';

/** A saved draft: the graph, when and by which tab it was saved. */
export interface Draft {
  graph: GraphDocument;
  savedAt: number;
  tab: string;
}

const VERSION = 1;
const DELAY = 400;

/**
 * Autosave for an editor with a `storage-key`: every change is saved (debounced) to
 * IndexedDB, and at once when the page is hidden or closed. On load, a draft that differs
 * from the graph is offered back. A draft another tab saved since this one last looked is
 * never overwritten silently: the person chooses. Lives in its own chunk, loaded only
 * when a storage key is set.
 */
export class Autosave {
  /** A draft waiting for the person to restore or discard it. */
  offer: Draft | undefined;
  /** Another tab's newer draft, which our next save would overwrite. */
  conflict: Draft | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _seen = 0;
  private _savedJson = '';
  private _tab = Math.random().toString(36).slice(2);
  private _channel: BroadcastChannel | undefined;
  private _pending: Promise<void> = Promise.resolve();
  /** The newest save another tab announced on the channel. */
  private _foreign = 0;
  private _onHide = (event: Event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') void this.saveNow();
  };

  constructor(
    private _editor: EditorHost,
    private _store: Persistence,
    readonly key: string,
  ) {
    adoptStyles(_editor.renderRoot, bannerStyles);
    addEventListener('pagehide', this._onHide);
    document.addEventListener('visibilitychange', this._onHide);
    if (typeof BroadcastChannel !== 'undefined') {
      this._channel = new BroadcastChannel(`v2u-draft:${key}`);
      this._channel.onmessage = (event: MessageEvent<{ savedAt?: number }>) => {
        this._foreign = Math.max(this._foreign, Number(event.data?.savedAt) || 0);
        void this.checkForeign();
      };
    }
  }

  private get storageKey() {
    return `draft:${this.key}`;
  }

  /** Looks for a draft left by a crash or reload and offers it back (cancelable `v2u-draft-found`). */
  async start(): Promise<void> {
    const draft = await this.read();
    // Edits made while this chunk loaded are saved like any other.
    if (!draft) return void (this._editor.store.canUndo && this.schedule());
    this._seen = draft.savedAt;
    if (JSON.stringify(draft.graph) === JSON.stringify(this._editor.graph)) return;
    if (!emit(this._editor, 'v2u-draft-found', { graph: draft.graph, savedAt: draft.savedAt }, { cancelable: true })) return;
    this.offer = draft;
    this._editor.requestUpdate();
  }

  /** Call on every change: saves after a short quiet period. */
  schedule(): void {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => void this.flush(), DELAY);
  }

  /** Saves now (unless another tab's newer draft is waiting for a decision). */
  flush(): Promise<void> {
    clearTimeout(this._timer);
    this._timer = undefined;
    return (this._pending = this._pending.then(() => this.save()));
  }

  /**
   * The page is being hidden or closed: the draft goes to the synchronous journal at once
   * (a closing page finishes no IndexedDB write), then to IndexedDB as usual; the journal is
   * cleared once that write lands, or moved on by the next visit.
   */
  saveNow(): Promise<void> {
    const graph = this._editor.graph;
    if (!this.offer && !this.conflict && JSON.stringify(graph) !== this._savedJson)
      journal.write(this.storageKey, { version: VERSION, draft: { graph, savedAt: Math.max(Date.now(), this._seen + 1), tab: this._tab } });
    return this.flush().then(() => journal.clear(this.storageKey));
  }

  restore(): void {
    const draft = this.offer;
    this.offer = undefined;
    if (draft) this._editor.importGraph(draft.graph);
    this._editor.requestUpdate();
  }

  discard(): void {
    this.offer = undefined;
    void this._store.delete(this.storageKey);
    this._editor.requestUpdate();
  }

  /** Resolves a conflict: take the other tab's draft, or keep ours and save it over theirs. */
  resolve(choice: 'theirs' | 'mine'): void {
    const theirs = this.conflict;
    this.conflict = undefined;
    if (theirs) this._seen = theirs.savedAt;
    if (choice === 'theirs' && theirs) this._editor.importGraph(theirs.graph);
    else void this.flush();
    this._editor.requestUpdate();
  }

  /** Saves what is pending, then lets go of listeners and the channel. */
  destroy(): Promise<void> {
    removeEventListener('pagehide', this._onHide);
    document.removeEventListener('visibilitychange', this._onHide);
    return this.flush().finally(() => this._channel?.close());
  }

  renderBanner() {
    if (this.conflict)
      return banner('This flow was changed in another tab since you opened it.', [
        ['Load theirs', () => this.resolve('theirs')],
        ['Keep mine', () => this.resolve('mine')],
      ]);
    if (this.offer)
      return banner(`Restore unsaved changes from ${new Date(this.offer.savedAt).toLocaleString()}?`, [
        ['Restore', () => this.restore()],
        ['Discard', () => this.discard()],
      ]);
    return nothing;
  }

  private async save() {
    if (this.offer || this.conflict) return;
    if (await this.checkForeign()) return;
    await this.write();
  }

  private async write() {
    const graph = this._editor.graph;
    const json = JSON.stringify(graph);
    if (json === this._savedJson) return;
    const draft: Draft = { graph, savedAt: Math.max(Date.now(), this._seen + 1), tab: this._tab };
    await this._store.set(this.storageKey, VERSION, draft);
    this._savedJson = json;
    this._seen = draft.savedAt;
    this._channel?.postMessage({ savedAt: draft.savedAt });
  }

  /** True when another tab saved a newer draft than we have seen: raises the conflict. */
  private async checkForeign(): Promise<boolean> {
    const current = await this.read();
    if (!current || current.tab === this._tab || current.savedAt <= this._seen) return false;
    if (JSON.stringify(current.graph) === JSON.stringify(this._editor.graph)) {
      this._seen = current.savedAt;
      return false;
    }
    if (emit(this._editor, 'v2u-draft-conflict', { graph: current.graph, savedAt: current.savedAt }, { cancelable: true })) {
      this.conflict = current;
      this._editor.requestUpdate();
    }
    return true;
  }

  private async read(): Promise<Draft | undefined> {
    const draft = await this.takeJournal(await this._store.get<Draft>(this.storageKey, VERSION));
    if (!draft) return undefined;
    try {
      return { ...draft, graph: parseDocument(draft.graph, { resolvePorts: (t) => this._editor.manifests.get(t) }) };
    } catch (error) {
      // A draft that no longer parses is reported, and kept, not thrown away.
      if (isV2uError(error)) this._editor.reportError(error, 'autosave');
      return undefined;
    }
  }
  /** A draft journaled by a page that closed replaces an older saved one (and is saved). */
  private async takeJournal(saved: Draft | undefined): Promise<Draft | undefined> {
    const entry = journal.read(this.storageKey) as { version?: number; draft?: Draft } | undefined;
    const journaled = entry?.version === VERSION ? entry.draft : undefined;
    if (!journaled || typeof journaled.savedAt !== 'number' || (saved && saved.savedAt >= journaled.savedAt)) {
      if (entry) journal.clear(this.storageKey);
      return saved;
    }
    await this._store.set(this.storageKey, VERSION, journaled);
    journal.clear(this.storageKey);
    return journaled;
  }
}

function banner(message: string, buttons: Array<[string, () => void]>) {
  return html`<div class="banner" part="banner" role="alertdialog" aria-label=${message}>
    <span>${message}</span>${buttons.map(([label, act]) => html`<button type="button" @click=${act}>${label}</button>`)}
  </div>`;
}
