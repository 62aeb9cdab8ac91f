import type { NodeManifest } from '../core/index.js';
import type { BundleChecks } from './bundle-checks.js';

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

/** A node's priority, `normal` unless its manifest says otherwise. */
export const priorityOf = (manifest: NodeManifest): Priority => manifest.performance?.priority ?? 'normal';

// In a module of its own (with the content hash it needs), so the chunks that split bundles
// (node packs) carry it, not the editor's entry, which reads bundles only.
export { splitIntoBundles } from './split-bundles.js';

let checks: BundleChecks | undefined;
let loading: Promise<BundleChecks> | undefined;

/**
 * The manifest checks (`validateManifest`, `parseBundle`): a chunk of their own, requested when
 * first needed (a restore that found something cached, a bundle fetched, a compact index's
 * types once drawn and the page is idle), so they add nothing to what loads before first paint. A failed import is tried again next call.
 */
export function loadBundleChecks(): Promise<BundleChecks> {
  return (loading ??= import('./bundle-checks.js').then(
    (m) => (checks = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** The manifest checks, once `loadBundleChecks` has them. */
export const loadedBundleChecks = (): BundleChecks | undefined => checks;
