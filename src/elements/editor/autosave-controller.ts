import { nothing, type ReactiveController } from 'lit';
import type { Persistence } from '../../runtime/persistence.js';
import type { Autosave } from './autosave.js';
import type { EditorHost } from './editor-host.js';

/** What autosave needs from its editor besides the editing host. */
export interface AutosaveHost extends EditorHost {
  readonly storageKey?: string;
  readonly persistence: Persistence;
}

/**
 * Autosave for a `storage-key`: loads the autosave chunk only when a key is set, follows
 * a changed key, saves what is pending when the editor is removed and starts again when
 * it comes back.
 */
export class AutosaveController implements ReactiveController {
  private _autosave: Autosave | undefined;
  private _ready: Promise<void> = Promise.resolve();

  constructor(private readonly _host: AutosaveHost) {
    _host.addController(this);
  }

  /** An editor moved in the page keeps autosaving (the first connection waits for the key). */
  hostConnected(): void {
    if (this._host.hasUpdated && !this._autosave) this.keyChanged();
  }

  hostDisconnected(): void {
    void this._autosave?.destroy();
    this._autosave = undefined;
  }

  /** Starts (or stops) autosave for the host's current key. */
  keyChanged(): void {
    this._ready = this._launch();
  }

  /** Saves the draft now, e.g. before the host navigates away. */
  async save(): Promise<void> {
    await this._ready;
    await this._autosave?.flush();
  }

  /** Call on every edit: saves after a short quiet period. */
  schedule(): void {
    this._autosave?.schedule();
  }

  /** The restore or conflict banner, when one is waiting. */
  renderBanner(): unknown {
    return this._autosave?.renderBanner() ?? nothing;
  }

  private async _launch() {
    void this._autosave?.destroy();
    this._autosave = undefined;
    const key = this._host.storageKey;
    if (!key) return;
    const { Autosave } = await import('./autosave.js');
    if (key !== this._host.storageKey || !this._host.isConnected) return;
    this._autosave = new Autosave(this._host, this._host.persistence, key);
    await this._autosave.start();
  }
}
