import { isBuiltType, type BuiltNodeType } from '../../core/built-type.js';
import { validateBuiltType } from '../../core/validate-built-type.js';
import type { KeyedStore } from '../../registry/bundle-checks.js';
import { builtEntry, deleteBuiltType, writeBuiltType } from '../../registry/built-cache.js';
import type { NodeRegistry } from '../../registry/node-registry.js';

/** The IndexedDB store behind the registry's cache (a `RegistryPersistence`), if it has one. */
const storeOf = (registry: NodeRegistry) => (registry.cache as { store?: KeyedStore } | undefined)?.store;

/**
 * Registers a builder-made node type: validated (a V2uError names the field at fault), known to
 * the registry at once (its `change` event redraws the palette) and stored in its IndexedDB
 * cache, so a reload (this editor or another on the origin) finds it before `v2u-ready`.
 * Defining a type id again replaces it. Resolves with the type once it is stored.
 *
 * @example
 * await defineBuilt(editor.registry, { type: 'shop/line-total', …, logic: { kind: 'expression', outputs: { total: 'price * quantity' } } });
 */
export async function defineBuilt(registry: NodeRegistry, value: unknown): Promise<BuiltNodeType> {
  const type = validateBuiltType(structuredClone(value));
  registry.register(builtEntry(type));
  const store = storeOf(registry);
  if (store) await writeBuiltType(store, type);
  return type;
}

/** The builder-made types the registry knows (defined here, restored, or imported from a node pack). */
export function listBuilt(registry: NodeRegistry): BuiltNodeType[] {
  return registry.list().filter(isBuiltType).map(({ module: _module, element: _element, ...type }) => type as BuiltNodeType);
}

/** Forgets a builder-made type here and in the cache; `false` when `type` is not a built type. */
export async function deleteBuilt(registry: NodeRegistry, type: string): Promise<boolean> {
  if (!isBuiltType(registry.get(type))) return false;
  registry.unregister(type);
  const store = storeOf(registry);
  if (store) await deleteBuiltType(store, type);
  return true;
}
