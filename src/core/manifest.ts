/**
 * What the editor knows of a node type before any of its code loads: the manifest.
 * `defineNode` derives it from a definition; the registry caches it; the core reads ports.
 */

import type { NodeIcon } from './icon.js';

export type NodeCategory = 'create' | 'transform' | 'output' | 'utility';

export const NODE_CATEGORIES: readonly NodeCategory[] = ['create', 'transform', 'output', 'utility'];

export interface PortSpec {
  /** A port type such as `table` or `list<number>`. */
  type: string;
  label?: string;
  /** An input that accepts more than one edge (outputs always may). */
  multiple?: boolean;
}

/** One config field; the inspector renders a form from these. */
export interface ConfigField {
  type: 'string' | 'number' | 'boolean' | 'enum' | 'text' | 'code' | 'json';
  default?: unknown;
  label?: string;
  description?: string;
  /** Choices for `enum`. */
  options?: readonly string[];
  min?: number;
  max?: number;
}

export interface NodePerformance {
  /** `false`: the node's element is defined with the palette, not on intent (default true). */
  lazyLoad?: boolean;
  /** `false`: the node runs on the page, skipping the worker round trip; for nodes that do next to nothing (default true). */
  backgroundProcessing?: boolean;
  cacheStrategy?: 'aggressive' | 'normal' | 'none';
  priority?: 'high' | 'normal' | 'low';
}

export interface NodePorts {
  inputs: Record<string, PortSpec>;
  outputs: Record<string, PortSpec>;
}

/** A node type as plain data: everything but its logic. */
export interface NodeManifest extends NodePorts {
  type: string;
  version: number;
  category: NodeCategory;
  title: string;
  description?: string;
  keywords?: readonly string[];
  /** Shown in the palette: an icon name from the editor's set, or the icon's own geometry (see `NodeIcon`). */
  icon?: NodeIcon;
  config?: Record<string, ConfigField>;
  performance?: NodePerformance;
}

/** Looks up a node type's ports; `undefined` for a type this editor does not know. */
export type PortResolver = (type: string) => NodePorts | undefined;

export const noPorts: PortResolver = () => undefined;

/** Anything that can answer "what is this node type?" synchronously (the registry, a map). */
export interface ManifestSource {
  get(type: string): NodeManifest | undefined;
  /** Every known manifest, for palettes and quick-add; optional for lookup-only sources. */
  list?(): Iterable<NodeManifest>;
  /** URL of the type's own element module, when it has one (the shell reserves room for it). */
  elementUrl?(type: string): string | undefined;
}

/** The node's element name: `transform/filter` → `v2u-node-transform-filter`. */
export function elementNameFor(type: string): string {
  return `v2u-node-${typeSlug(type)}`;
}

/** A node type as a name-safe slug: `shop/Line total` → `shop-line-total` (element names, pack file names). */
export function typeSlug(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
