import type { ReactiveController } from 'lit';
import type { EditingKit } from './editing-kit.js';
import type { EditorHost } from './editor-host.js';
import { withPath } from './replay.js';

/**
 * Loads the editing code (gestures, actions, palette, inspector, minimap, runner: its own
 * chunk) off the first paint's path: when the browser is idle after the graph is drawn with
 * its types (`loadWhenIdle`), or at once on intent (a pointer press, a key, focus) or a call
 * that needs it. Pointer events that arrive before it are queued and replayed.
 */
export class EditingController implements ReactiveController {
  private _kit: EditingKit | undefined;
  private _load: Promise<EditingKit | undefined> | undefined;
  private _queued: PointerEvent[] = [];
  private _idle: (() => void) | undefined;

  constructor(private readonly _host: EditorHost) {
    _host.addController(this);
  }

  /** The editing code, once loaded. */
  get kit(): EditingKit | undefined {
    return this._kit;
  }

  /** Loads the kit when the browser is idle (or within a second): the editor calls it once the graph is drawn. */
  loadWhenIdle(): void {
    this._idle?.();
    this._idle = whenIdle(() => this._host.isConnected && void this.load());
  }

  /** An editor put back in the document after its graph was drawn loads the kit again when idle. */
  hostConnected(): void {
    if (this._idle) this.loadWhenIdle();
  }

  hostDisconnected(): void {
    this._idle?.();
    this._kit?.destroy();
    this._kit = undefined;
    this._load = undefined;
  }

  /** Loads the kit once; resolves undefined for an editor removed meanwhile. */
  load(): Promise<EditingKit | undefined> {
    const load: Promise<EditingKit | undefined> = (this._load ??= import('./editing-kit.js').then((m) => {
      // Removed while the code loaded: no kit for a detached editor (connecting again loads one).
      if (this._load !== load) return undefined;
      if (!this._host.isConnected) return (this._load = undefined);
      this._kit = m.createEditingKit(this._host);
      for (const event of this._queued.splice(0)) this.route(event);
      this._host.requestUpdate();
      return this._kit;
    }));
    return load;
  }

  /**
   * Pointer events that arrive before the editing code are replayed once it is in. An event
   * read after its dispatch has an empty `composedPath()` and no `currentTarget`, so the
   * queued one keeps its path (what was pressed decides the gesture).
   */
  handlePointer = (event: PointerEvent): void => {
    if (this._kit) return this.route(event);
    if (event.type === 'pointerdown') (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    this._queued.push(withPath(event, event.composedPath()));
    void this.load();
  };

  private route(event: PointerEvent) {
    const p = this._kit!.pointer;
    const handler = { pointerdown: p.handleDown, pointermove: p.handleMove, pointerup: p.handleUp, pointercancel: p.handleCancel }[event.type];
    handler?.(event);
  }
}

/** Runs `task` when the browser is idle, within a second at the latest; returns how to cancel it. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 1);
    return () => clearTimeout(timer);
  }
  const id = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(id);
}
