import { isBuiltType, type BuiltNodeType } from '../../core/built-type.js';
import { ErrorCodes, V2uError } from '../../core/errors.js';
import { builtEntry } from '../../registry/built-cache.js';
import { splitIntoBundles, type BundleIndex, type ManifestBundle } from '../../registry/bundles.js';
import type { NodeRegistry } from '../../registry/node-registry.js';
import type { WorkerPool } from '../pool/pool.js';
import { sharedPool } from '../pool/shared-pool.js';
import { defineBuilt } from './built-types.js';
import { packModuleUrl } from './pack-module-url.js';
import type { PackSpecifiers } from './pack-module.js';

/** A node pack as files to download or serve side by side: file name → text. */
export interface NodePack {
  /** `bundle.json`: the types as one manifest bundle (`registerBundle`, `importNodePack`, the CLI's `--library`). */
  bundle: ManifestBundle;
  /** `index.json`: a compact bundle index over it, for the `library` attribute. */
  index: BundleIndex;
  /** Every file: `bundle.json`, `index.json` and one ES module per type (`<type>.mjs`, calling `defineNode`). */
  files: Record<string, string>;
}

/**
 * Exports builder-made types as a node pack: a manifest bundle in the library's format
 * (entries carry their logic and the module marker `v2u:built`), a compact index over it, and,
 * for distribution, one generated ES module per type, written in the worker pool. Rejects
 * with a V2uError for a type that does not validate.
 *
 * @example
 * const { files } = await exportNodePack(listBuilt(editor.registry));
 * download('bundle.json', files['bundle.json']);
 */
export async function exportNodePack(types: BuiltNodeType[], options: { specifiers?: PackSpecifiers; pool?: WorkerPool } = {}): Promise<NodePack> {
  const { validateBuiltType } = await import('../../core/validate-built-type.js');
  const checked = types.map((type) => validateBuiltType(structuredClone(type)));
  const [bundle] = splitIntoBundles(checked.map(builtEntry), Number.MAX_SAFE_INTEGER);
  const nodes = bundle?.nodes ?? [];
  const packed: ManifestBundle = { format: 'v2u-bundle', category: bundle?.category ?? 'utility', priority: 'normal', hash: bundle?.hash ?? '', nodes };
  const index: BundleIndex = { format: 'v2u-bundle-index', bundles: [{ url: 'bundle.json', category: packed.category, priority: 'normal', types: nodes.map((n) => n.type), hash: packed.hash, nodes }] };
  const modules = await writeModules(checked, options);
  return { bundle: packed, index, files: { 'bundle.json': json(packed), 'index.json': json(index), ...modules } };
}

async function writeModules(types: BuiltNodeType[], options: { specifiers?: PackSpecifiers; pool?: WorkerPool }): Promise<Record<string, string>> {
  const pool = options.pool ?? sharedPool();
  const release = options.pool ? undefined : pool.acquire();
  try {
    const { outputs } = await pool.submit({ nodeId: 'v2u-pack', moduleUrl: packModuleUrl(), inputs: { types }, config: { ...options.specifiers } });
    return outputs.files as Record<string, string>;
  } finally {
    release?.();
  }
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Imports a node pack's bundle (`bundle.json`, or a bare list of entries) from `url` into the
 * registry: every builder-made type is validated and defined (`defineBuilt`: in the palette at
 * once, stored for the next visit). Rejects with a V2uError naming the entry and field at
 * fault, before defining any.
 *
 * @example
 * await importNodePack(editor.registry, 'https://example.com/packs/shop/bundle.json');
 */
export async function importNodePack(registry: NodeRegistry, url: URL | string, { fetch: get = fetch }: { fetch?: typeof fetch } = {}): Promise<BuiltNodeType[]> {
  const href = new URL(String(url), (globalThis as { location?: { href: string } }).location?.href).href;
  const response = await get(href);
  if (!response.ok) throw new V2uError(ErrorCodes.badBundle, `${href} answered HTTP ${response.status}`, href);
  const json = (await response.json()) as ManifestBundle | unknown[];
  const nodes = Array.isArray(json) ? json : json?.nodes;
  if (!Array.isArray(nodes)) throw new V2uError(ErrorCodes.badBundle, `${href}: a node pack must be a bundle { nodes: [...] } or a list of types`, href);
  const { validateBuiltType } = await import('../../core/validate-built-type.js');
  const types = nodes.map((entry: unknown, i) => {
    if (!isBuiltType(entry as BuiltNodeType)) throw new V2uError(ErrorCodes.badBundle, `${href}: nodes[${i}] is not a builder-made type (it has no logic)`, `$.nodes[${i}].logic`);
    const { module: _module, element: _element, ...type } = entry as BuiltNodeType & { module?: string; element?: string };
    try {
      return validateBuiltType(type);
    } catch (error) {
      const e = error as V2uError;
      throw new V2uError(e.code, `${href}: nodes[${i}]: ${e.message}`, `$.nodes[${i}]${e.path.slice(1)}`);
    }
  });
  for (const type of types) await defineBuilt(registry, type);
  return types;
}
