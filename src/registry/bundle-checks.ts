import { ErrorCodes, V2uError } from '../core/errors.js';
import { validateManifest } from '../core/validate-manifest.js';
import { priorityOf, type BundleIndex, type ManifestBundle, type NodeEntry } from './bundles.js';
import type { NodeRegistry } from './node-registry.js';
import { contentHash } from './hash.js';

// The manifest checks of the registry and its cache: a chunk of their own (see
// `loadBundleChecks` in bundles.ts), so they add nothing to what loads before first paint.
export { validateManifest };

/** A bundle from JSON (a `ManifestBundle` or a bare array of entries), every manifest validated. */
export function parseBundle(json: unknown, where: string): ManifestBundle {
  const nodes = Array.isArray(json) ? json : (json as ManifestBundle | null)?.nodes;
  if (!Array.isArray(nodes)) throw new V2uError(ErrorCodes.badBundle, `${where}: a bundle must be a list of manifests or { nodes: [...] }`, where);
  for (const node of nodes as NodeEntry[]) {
    validateManifest(node);
    if (typeof node.module !== 'string') throw new V2uError(ErrorCodes.badBundle, `${where}: "${node.type}" has no module URL`, where);
  }
  const first = nodes[0] as NodeEntry | undefined;
  const bundle = json as Partial<ManifestBundle>;
  return {
    format: 'v2u-bundle',
    category: bundle.category ?? first?.category ?? 'utility',
    priority: bundle.priority ?? (first ? priorityOf(first) : 'normal'),
    hash: contentHash(nodes),
    nodes: nodes as NodeEntry[],
  };
}

/** Whether a bundle read back from the cache still holds valid manifests, each with a module URL. */
export function isValidBundle(bundle: ManifestBundle): boolean {
  try {
    if (typeof bundle.hash !== 'string' || !Array.isArray(bundle.nodes)) return false;
    for (const node of bundle.nodes) validateManifest(node);
    return bundle.nodes.every((node) => typeof node.module === 'string');
  } catch {
    return false;
  }
}

/** The part of `Persistence` the registry's cache reads through. */
export interface KeyedStore {
  keys(prefix?: string): Promise<string[]>;
  get<T>(key: string, version: number): Promise<T | undefined>;
  set<T>(key: string, version: number, data: T): Promise<unknown>;
  delete(key: string): Promise<void>;
}

/**
 * The registry cache's bundles among `keys` (those under `prefix`), each valid one with its
 * URL; an invalid one is deleted. Stored builder-made types (`registry:built:…`) come as one
 * more bundle at URL `v2u:built`, read by a chunk loaded only when there are some; a bad one
 * is dropped with a `v2u-warning` on `emitter`. Here, not in the cache class, so it adds
 * nothing to what loads before first paint.
 */
export async function readCached(store: KeyedStore, keys: string[], prefix: string, version: number, emitter?: EventTarget): Promise<{ url: string; bundle: ManifestBundle }[]> {
  const found: { url: string; bundle: ManifestBundle }[] = [];
  for (const key of keys.filter((k) => k.startsWith(prefix))) {
    const bundle = await store.get<ManifestBundle>(key, version);
    if (bundle && isValidBundle(bundle)) found.push({ url: key.slice(prefix.length), bundle });
    else if (bundle) await store.delete(key);
  }
  const built = keys.filter((k) => k.startsWith('registry:built:'));
  return built.length ? [...found, ...(await (await import('./built-cache.js')).readBuiltBundle(store, built, emitter))] : found;
}

export type BundleChecks = typeof import('./bundle-checks.js');

type Listed = BundleIndex['bundles'][number];

/** What the end of `NodeRegistry.registerIndex` works on: the index, and the registry's state lent for it. */
export interface IndexSettlement {
  /** The index's URL; `listed` are its bundles with absolute URLs, `carried` those with their manifests. */
  href: string;
  listed: Listed[];
  carried: Listed[];
  /** Not in the cache as the index has it. */
  stale(bundle: Listed): boolean;
  /** A checked bundle with its module URLs made absolute against `base`. */
  resolve(bundle: ManifestBundle, base: string): ManifestBundle;
  /** Takes back the carried types registered before their checks: one proved invalid. */
  takeBack(): void;
  restoring: Promise<unknown> | undefined;
  counts: { bundlesFromCache: number };
  /** Content hash of every cached bundle, by URL. */
  hashes: Map<string, string>;
  /** Fetches the bundles the index only lists, and caches what it carried. */
  registry: Pick<NodeRegistry, 'registerBundle' | 'cache'>;
  /** Types of the open graph: bundles holding one are fetched first. */
  graphTypes: Iterable<string>;
  signal: AbortSignal | undefined;
}

/**
 * The end of `registerIndex`, once the types an index carries are drawn: checks them (all are
 * taken back if one is invalid), fetches the bundles it only lists (critical ones first:
 * priority `high`, or holding a type of the open graph) unless the cache has them as they are,
 * forgets cached bundles of its folder it no longer lists, and caches what it carried.
 */
export async function settleIndex(i: IndexSettlement): Promise<void> {
  let checked: ManifestBundle[];
  try {
    checked = i.carried.map((b) => i.resolve(parseBundle(b, b.url), b.url));
  } catch (error) {
    i.takeBack();
    throw error;
  }
  await i.restoring;
  i.signal?.throwIfAborted();
  const outdated = i.listed.filter(i.stale);
  i.counts.bundlesFromCache += i.listed.length - outdated.length;
  const fetched = outdated.filter((b) => !i.carried.includes(b));
  const wanted = new Set(i.graphTypes);
  const critical = (b: Listed) => b.priority === 'high' || b.types.some((t) => wanted.has(t));
  const fetch = (b: Listed) => i.registry.registerBundle(b.url, { signal: i.signal });
  await Promise.all(fetched.filter(critical).map(fetch));
  await Promise.all(fetched.filter((b) => !critical(b)).map(fetch));
  const folder = new URL('./', i.href).href;
  for (const url of i.hashes.keys())
    if (url.startsWith(folder) && !i.listed.some((b) => b.url === url)) {
      i.hashes.delete(url);
      await i.registry.cache?.deleteBundle(url);
    }
  for (const [n, bundle] of i.carried.entries()) if (i.stale(bundle)) await i.registry.cache?.writeBundle(bundle.url, checked[n]);
}
