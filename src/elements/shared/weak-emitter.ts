/**
 * An `EventTarget` to hand to long-lived or asynchronous services (registry, persistence) as
 * their `emitter`: it re-dispatches their events on `target` for as long as `target` lives,
 * but does not keep it alive. A removed editor whose registry still waits for IndexedDB or
 * the network is then collected at once instead of when that work ends; an event it would
 * have received meanwhile is dropped with it. Events sent before the target is in the
 * document (a warning from its constructor) are held until `release()`, so the page's own
 * listeners hear them.
 *
 * @example
 * new Persistence({ emitter: new WeakEmitter(this) });
 */
export class WeakEmitter extends EventTarget {
  private _target: WeakRef<EventTarget>;
  private _held: Event[] | undefined = [];

  constructor(target: EventTarget) {
    super();
    this._target = new WeakRef(target);
  }

  override dispatchEvent(event: Event): boolean {
    const target = this._target.deref();
    if (this._held && (target as Node | undefined)?.isConnected === false) return this._held.push(event) > 0;
    return target?.dispatchEvent(event) ?? true;
  }

  /** The target is in the document: sends what was held, and from now on all at once. */
  release(): void {
    const held = this._held ?? [];
    this._held = undefined;
    for (const event of held) this.dispatchEvent(event);
  }
}
