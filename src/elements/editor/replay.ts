/**
 * The event as it was during dispatch, for a later replay: the same fields, its target and
 * its path. Read after dispatch, an event's `composedPath()` is empty, its `currentTarget`
 * null and a target inside a shadow root null too; pointer events and keys that arrive
 * before the editing code loads are replayed this way.
 */
export function withPath<E extends Event>(event: E, path: EventTarget[] = event.composedPath()): E {
  const at = event.target;
  return new Proxy(event, {
    get(target, key) {
      if (key === 'composedPath') return () => path;
      if (key === 'target') return at;
      if (key === 'currentTarget') return null;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
