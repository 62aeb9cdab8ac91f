import { ErrorCodes, V2uError, validateManifest, type NodeManifest } from '../core/index.js';
import { contentHash } from './hash.js';

/** A manifest plus where its code lives; `module` and `element` are URLs (relative to a bundle in JSON). */
export interface NodeEntry extends NodeManifest {
  /** The logic module: its default export is the `defineNode` definition. */
  module: string;
  /** The optional element module: its default export is the node's custom element class. */
  element?: string;
}

/** A bundle of manifests as JSON: one category and priority, at most `maxPerBundle` types. */
export interface ManifestBundle {
  format: 'v2u-bundle';
  category: string;
  priority: Priority;
  /** Content hash of `nodes`: a changed hash means the cached copy is stale. */
  hash: string;
  nodes: NodeEntry[];
}

/**
 * The bundle index: every bundle's URL (relative to the index) and the types it holds. A
 * compact index also carries each bundle's manifests (`nodes`, module URLs relative to the
 * bundle), so a first visit knows every type after one request instead of a chain of them.
 */
export interface BundleIndex {
  format: 'v2u-bundle-index';
  bundles: { url: string; category: string; priority: Priority; types: string[]; hash: string; nodes?: NodeEntry[] }[];
}

export type Priority = 'high' | 'normal' | 'low';

const PRIORITY_ORDER: Priority[] = ['high', 'normal', 'low'];

/** A node's priority, `normal` unless its manifest says otherwise. */
export const priorityOf = (manifest: NodeManifest): Priority => manifest.performance?.priority ?? 'normal';

/**
 * Splits entries into bundles by category and priority, `maxPerBundle` types at most,
 * high priority first, types sorted so the same input always gives the same bundles.
 */
export function splitIntoBundles(entries: readonly NodeEntry[], maxPerBundle = 20): ManifestBundle[] {
  const groups = new Map<string, NodeEntry[]>();
  const sorted = [...entries].sort((a, b) => a.type.localeCompare(b.type));
  for (const entry of sorted) {
    const key = `${PRIORITY_ORDER.indexOf(priorityOf(entry))}\u0000${entry.category}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const bundles: ManifestBundle[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    for (let i = 0; i < group.length; i += Math.max(1, maxPerBundle)) {
      const nodes = group.slice(i, i + Math.max(1, maxPerBundle));
      bundles.push({ format: 'v2u-bundle', category: nodes[0]!.category, priority: priorityOf(nodes[0]!), hash: contentHash(nodes), nodes });
    }
  }
  return bundles;
}

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
