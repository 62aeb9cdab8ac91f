/**
 * An `EventTarget` to hand to long-lived or asynchronous services (registry, persistence) as
 * their `emitter`: it re-dispatches their events on `target` for as long as `target` lives,
 * but does not keep it alive. A removed editor whose registry still waits for IndexedDB or
 * the network is then collected at once instead of when that work ends; an event it would
 * have received meanwhile is dropped with it.
 *
 * @example
 * new Persistence({ emitter: new WeakEmitter(this) });
 */
export class WeakEmitter extends EventTarget {
  private _target: WeakRef<EventTarget>;

  constructor(target: EventTarget) {
    super();
    this._target = new WeakRef(target);
  }

  override dispatchEvent(event: Event): boolean {
    return this._target.deref()?.dispatchEvent(event) ?? true;
  }
}
