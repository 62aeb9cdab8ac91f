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

  /** Where work goes while a banner waits for a decision, so the contested draft stays as it is. */
  private get asideKey() {
    return `draft:${this.key}:aside`;
  }

  /** Set while IndexedDB refuses the draft for lack of space: the person is told, and saving retries. */
  notSaved = false;
  /** The person edited since the last save: only then is there a draft to write. */
  private _edited = false;

  /** Looks for a draft left by a crash or reload and offers it back (cancelable `v2u-draft-found`). */
  async start(): Promise<void> {
    const [saved, aside] = await Promise.all([this.read(this.storageKey), this.read(this.asideKey)]);
    // Work saved aside under a banner last time is newer than the draft it was kept apart from.
    const draft = aside && (!saved || aside.savedAt > saved.savedAt) ? aside : saved;
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
    this._edited = true;
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
    const key = this.targetKey;
    const draft = this._edited ? this.draftNow() : undefined;
    if (draft && draft.json !== this._savedJson) journal.write(key, { version: VERSION, draft: draft.draft });
    return this.flush().then(() => journal.clear(key));
  }

  /** The graph as it is now, as a draft newer than any seen, and its JSON. */
  private draftNow(): { draft: Draft; json: string } {
    const graph = this._editor.graph;
    return { draft: { graph, savedAt: Math.max(Date.now(), this._seen + 1), tab: this._tab }, json: JSON.stringify(graph) };
  }

  /** The draft's key, or the aside key while a banner waits for the person. */
  private get targetKey() {
    return this.offer || this.conflict ? this.asideKey : this.storageKey;
  }

  restore(): void {
    const draft = this.offer;
    this.offer = undefined;
    if (draft) this._editor.importGraph(draft.graph);
    this.decided();
  }

  discard(): void {
    this.offer = undefined;
    void this._store.delete(this.storageKey).then(() => this.decided());
  }

  /** The banner is answered: the graph as it now is becomes the draft, and the aside copy goes. */
  private decided() {
    this._savedJson = '';
    this._edited = true;
    void this.flush().then(() => this._store.delete(this.asideKey));
    this._editor.requestUpdate();
  }

  /** Resolves a conflict: take the other tab's draft, or keep ours and save it over theirs. */
  resolve(choice: 'theirs' | 'mine'): void {
    const theirs = this.conflict;
    this.conflict = undefined;
    if (theirs) this._seen = theirs.savedAt;
    if (choice === 'theirs' && theirs) this._editor.importGraph(theirs.graph);
    this.decided();
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
    if (this.notSaved)
      return banner("Your changes are not being saved: this browser's storage is full. Free some space; saving is retried with every change.", [
        ['Retry now', () => void this.flush()],
      ]);
    return nothing;
  }

  /** Saves the graph; while a banner waits, aside, so new work is kept and the contested draft is not touched. */
  private async save() {
    // Only the person's edits make a draft: opening a flow and leaving saves nothing.
    if (!this._edited) return;
    if (this.offer || this.conflict) return this.write(this.asideKey);
    if (await this.checkForeign()) return this.write(this.asideKey);
    await this.write(this.storageKey);
  }

  private async write(key: string) {
    const { draft, json } = this.draftNow();
    if (json === this._savedJson) return;
    // Cleared before the write: an edit made while it runs marks the draft unsaved again.
    this._edited = false;
    const saved = (await this._store.set(key, VERSION, draft)) === 'saved';
    if (!saved) this._edited = true;
    if (saved !== !this.notSaved) {
      this.notSaved = !saved;
      this._editor.requestUpdate();
    }
    if (!saved) return;
    this._savedJson = json;
    if (key !== this.storageKey) return;
    this._seen = draft.savedAt;
    this._channel?.postMessage({ savedAt: draft.savedAt });
  }

  /** True when another tab saved a newer draft than we have seen: raises the conflict. */
  private async checkForeign(): Promise<boolean> {
    const current = await this.read(this.storageKey);
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

  private async read(key: string): Promise<Draft | undefined> {
    const draft = await this.takeJournal(key, await this._store.get<Draft>(key, VERSION));
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
  private async takeJournal(key: string, saved: Draft | undefined): Promise<Draft | undefined> {
    const entry = journal.read(key) as { version?: number; draft?: Draft } | undefined;
    const journaled = entry?.version === VERSION ? entry.draft : undefined;
    if (!journaled || typeof journaled.savedAt !== 'number' || (saved && saved.savedAt >= journaled.savedAt)) {
      if (entry) journal.clear(key);
      return saved;
    }
    await this._store.set(key, VERSION, journaled);
    journal.clear(key);
    return journaled;
  }
}

function banner(message: string, buttons: Array<[string, () => void]>) {
  return html`<div class="banner" part="banner" role="alertdialog" aria-label=${message}>
    <span>${message}</span>${buttons.map(([label, act]) => html`<button type="button" @click=${act}>${label}</button>`)}
  </div>`;
}
