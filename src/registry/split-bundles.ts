import { priorityOf, type ManifestBundle, type NodeEntry, type Priority } from './bundles.js';
import { contentHash } from './hash.js';

/** Bundles of high priority first. */
const PRIORITY_ORDER: Priority[] = ['high', 'normal', 'low'];

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
