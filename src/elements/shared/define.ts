/**
 * Defines a custom element once. The same class already under that name is fine (a second
 * copy of a script, a re-run); a different class there is a clear error, never a crash.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) throw new Error(`Cannot define <${tag}>: the name is already taken by another class (${existing.name || 'anonymous'})`);
  customElements.define(tag, element);
}
