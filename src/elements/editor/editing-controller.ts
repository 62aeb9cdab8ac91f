import type { ReactiveController } from 'lit';
import type { EditingKit } from './editing-kit.js';
import type { EditorHost } from './editor-host.js';
import { withPath } from './replay.js';
import { cancelIdle, onIdle } from '../../registry/idle.js';

/**
 * Loads the editing code (gestures, actions, palette, inspector, minimap, runner: its own
 * chunk) off the first paint's path: when the browser is idle after the graph is drawn with
 * its types (`loadWhenIdle`), or at once on intent (a pointer press, a key, focus) or a call
 * that needs it. Pointer events and keys that arrive before it are queued and replayed.
 */
export class EditingController implements ReactiveController {
  private _kit: EditingKit | undefined;
  private _load: Promise<EditingKit | undefined> | undefined;
  private _queued: Event[] = [];
  private _idle: number | undefined;
  private _wanted = false;
  /** A person (or a call) is waiting: the kit shows without waiting for node elements. */
  private _urgent = false;

  constructor(private readonly _host: EditorHost) {
    _host.addController(this);
  }

  /** The editing code, once loaded. */
  get kit(): EditingKit | undefined {
    return this._kit;
  }

  /** Loads the kit when the browser is idle (or within a second): the editor calls it once the graph is drawn. */
  loadWhenIdle(): void {
    cancelIdle(this._idle);
    this._wanted = true;
    this._idle = onIdle(() => this._host.isConnected && void this.load(), 1000);
  }

  /** An editor put back in the document after its graph was drawn loads the kit again when idle. */
  hostConnected(): void {
    if (this._wanted) this.loadWhenIdle();
  }

  hostDisconnected(): void {
    cancelIdle(this._idle);
    this._kit?.destroy();
    this._kit = undefined;
    this._load = undefined;
    this._urgent = false;
    // What was pressed on a removed editor is not replayed into the next one.
    this._queued = [];
  }

  /**
   * Loads the kit once, now; resolves undefined for an editor removed meanwhile. `urgent`: a
   * person pressed or typed, so the kit shows without waiting for the graph's node elements.
   */
  load(urgent = false): Promise<EditingKit | undefined> {
    this._urgent ||= urgent;
    const load: Promise<EditingKit | undefined> = (this._load ??= import('./editing-kit.js').then(async (m) => {
      // Removed while the code loaded: no kit for a detached editor (connecting again loads one).
      if (this._load !== load) return undefined;
      if (!this._host.isConnected) return (this._load = undefined);
      const kit = m.createEditingKit(this._host);
      // When idle, the kit waits (briefly) for the graph's node elements so it shows once;
      // a person pressing or typing is not kept waiting for that.
      await kit.elementsReady(this._urgent ? 0 : undefined);
      if (this._load !== load) {
        kit.destroy();
        return undefined;
      }
      this._kit = kit;
      for (const event of this._queued.splice(0)) this._route(event, kit);
      this._host.requestUpdate();
      return this._kit;
    }));
    return load;
  }

  /**
   * Pointer events and keys that arrive before the editing code are replayed once it is in
   * (not the browser's own keys: Tab, F-keys, Alt and Ctrl/Cmd shortcuts the editor does not use). An event read after its dispatch has an empty
   * `composedPath()` and no `currentTarget`, so the queued one keeps its path and target (what
   * was pressed decides the gesture).
   */
  handleInput = (event: Event): void => {
    if (this._kit) return this._route(event, this._kit);
    if (event.type === 'pointerdown') (event.currentTarget as Element).setPointerCapture?.((event as PointerEvent).pointerId);
    if (!(event instanceof KeyboardEvent) || !browserKey(event)) {
      // A replayed key's default would come too late to cancel: cancel it now.
      if (event instanceof KeyboardEvent) event.preventDefault();
      this._queued.push(withPath(event));
    }
    void this.load(true);
  };

  private _route(event: Event, kit: EditingKit) {
    const p = kit.pointer;
    const handler = { keydown: (e: KeyboardEvent) => kit.handleKeyDown(e), pointerdown: p.handleDown, pointermove: p.handleMove, pointerup: p.handleUp, pointercancel: p.handleCancel }[event.type];
    handler?.(event as PointerEvent & KeyboardEvent);
  }
}

/** Keys the browser handles itself (focus, its menus, its shortcuts); the editor's Ctrl/Cmd keys are A, C, D, G, V, X, Y, Z. */
const browserKey = (e: KeyboardEvent): boolean => e.key === 'Tab' || /^F\d/.test(e.key) || e.altKey || ((e.ctrlKey || e.metaKey) && !/^[acdgvxyz]$/i.test(e.key));
