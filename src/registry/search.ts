import type { NodeManifest } from '../core/index.js';

/** Whether a node type matches a search: case-insensitive, on title, type and keywords. The palette and quick add share it. */
export function matchesQuery(manifest: NodeManifest, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [manifest.title, manifest.type, ...(manifest.keywords ?? [])].some((s) => s.toLowerCase().includes(q));
}
