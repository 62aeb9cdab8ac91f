import type { BuiltNodeType } from '../core/built-type.js';
import type { KeyedStore } from './bundle-checks.js';
import type { ManifestBundle, NodeEntry } from './bundles.js';
import { contentHash } from './hash.js';
import { warn } from './metrics.js';

/**
 * Builder-made node types in the registry's IndexedDB cache: one key per type
 * (`registry:built:<type>`), stored as plain data. A chunk of its own, loaded at start-up only
 * when such keys exist (`readCached`), so pages without built types pay nothing; JSONata's
 * parser (the checks) comes only with it.
 */
export const BUILT_PREFIX = 'registry:built:';
/** Bump when the stored shape changes: older entries are then dropped on read. */
export const BUILT_CACHE_VERSION = 1;
/**
 * The URL under which restored built types appear among the cached bundles (`readBundles`),
 * and the `module` of a built type's registry entry: not a module to import but a marker.
 * Whoever runs the type (the editor's run kit, the CLI, `runBuiltType`) runs it with its own
 * build's interpreter (`builtLogicUrl()`), so a stored type outlives a new editor version.
 */
export const BUILT_MODULE = 'v2u:built';

/** The registry entry of a built type: its manifest and logic, and the `BUILT_MODULE` marker. */
export function builtEntry(type: BuiltNodeType): NodeEntry & BuiltNodeType {
  return { ...type, module: BUILT_MODULE };
}

/**
 * Every valid built type stored under `keys`. An entry that is corrupt (bad envelope, wrong
 * version) or no longer validates is deleted with a `v2u-warning` on `emitter`: start-up
 * goes on without it.
 */
export async function readBuiltTypes(store: KeyedStore, keys: string[], emitter?: EventTarget): Promise<BuiltNodeType[]> {
  const { validateBuiltType } = await import('../core/validate-built-type.js');
  const found: BuiltNodeType[] = [];
  for (const key of keys) {
    const data = await store.get<unknown>(key, BUILT_CACHE_VERSION);
    try {
      if (data === undefined) throw new Error('its stored copy is corrupt or of another version');
      found.push(validateBuiltType(data));
    } catch (error) {
      await store.delete(key);
      warn(emitter, { code: 'built-type-dropped', message: `dropped the stored node type ${JSON.stringify(key.slice(BUILT_PREFIX.length))}: ${(error as Error).message}`, source: 'registry' });
    }
  }
  return found;
}

/** The stored built types as one bundle for the registry's restore, or none. */
export async function readBuiltBundle(store: KeyedStore, keys: string[], emitter?: EventTarget): Promise<{ url: string; bundle: ManifestBundle }[]> {
  const nodes = (await readBuiltTypes(store, keys, emitter)).map((type) => builtEntry(type));
  if (nodes.length === 0) return [];
  return [{ url: BUILT_MODULE, bundle: { format: 'v2u-bundle', category: 'utility', priority: 'normal', hash: contentHash(nodes), nodes } }];
}

export async function writeBuiltType(store: KeyedStore, type: BuiltNodeType): Promise<void> {
  await store.set(BUILT_PREFIX + type.type, BUILT_CACHE_VERSION, type);
}

export function deleteBuiltType(store: KeyedStore, type: string): Promise<void> {
  return store.delete(BUILT_PREFIX + type);
}
