import type { ManifestSource, NodeManifest, NodePorts, PortResolver } from '../core/index.js';

/**
 * The simplest manifest source: a map of node types the page registered by hand. The
 * caching registry builds on the same `ManifestSource` contract.
 */
export class ManifestMap implements ManifestSource {
  private _byType = new Map<string, NodeManifest>();

  constructor(manifests: Iterable<NodeManifest> = []) {
    for (const manifest of manifests) this.add(manifest);
  }

  add(manifest: NodeManifest): void {
    this._byType.set(manifest.type, manifest);
  }

  get(type: string): NodeManifest | undefined {
    return this._byType.get(type);
  }

  list(): IterableIterator<NodeManifest> {
    return this._byType.values();
  }

  /** A port resolver for the core, reading this map. */
  get resolvePorts(): PortResolver {
    return (type: string): NodePorts | undefined => this._byType.get(type);
  }
}
