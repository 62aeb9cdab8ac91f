import { parseDocument, type GraphFragment, type ManifestSource } from '../../core/index.js';

const FORMAT = 'application/x-v2u-fragment';

// Shared by every editor on the page, for when the system clipboard is refused.
let memory: string | undefined;
let systemRefused = false;

/** Puts a fragment on the system clipboard, and always in memory; says where it went. */
export async function writeFragment(fragment: GraphFragment): Promise<'system' | 'memory'> {
  const text = JSON.stringify({ format: FORMAT, ...fragment });
  memory = text;
  try {
    await navigator.clipboard.writeText(text);
    systemRefused = false;
    return 'system';
  } catch {
    systemRefused = true;
    return 'memory';
  }
}

/**
 * Reads a fragment: from the system clipboard when the page may read it, else from memory.
 * Whatever comes in is validated like any document, so a hostile clipboard cannot inject
 * prototype keys or malformed nodes.
 */
export async function readFragment(manifests: ManifestSource): Promise<GraphFragment | undefined> {
  let text: string | undefined;
  try {
    text = systemRefused ? memory : await navigator.clipboard.readText();
  } catch {
    text = memory;
  }
  return text === undefined ? undefined : parseFragment(text, manifests);
}

export function parseFragment(text: string, manifests: ManifestSource): GraphFragment | undefined {
  let raw: { format?: unknown; nodes?: unknown; edges?: unknown };
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (raw?.format !== FORMAT) return undefined;
  const doc = parseDocument({ version: 2, nodes: raw.nodes, edges: raw.edges ?? [] }, { resolvePorts: (t) => manifests.get(t) });
  return { nodes: doc.nodes, edges: doc.edges };
}
