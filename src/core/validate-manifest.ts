import { ErrorCodes, V2uError, quote } from './errors.js';
import { ICON_TAGS, validIcon } from './icon.js';
import { NODE_CATEGORIES, type ConfigField, type NodeManifest, type PortSpec } from './manifest.js';
import { parsePortType } from './port-types.js';

const TYPE_PATTERN = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)+$/;
const FIELD_TYPES = new Set<ConfigField['type']>(['string', 'number', 'boolean', 'enum', 'text', 'code', 'json']);
const CACHE_STRATEGIES = ['aggressive', 'normal', 'none'];
const PRIORITIES = ['high', 'normal', 'low'];

/** Checks a manifest (from a definition, a bundle or IndexedDB); throws a V2uError naming the field. */
export function validateManifest(manifest: NodeManifest): void {
  if (typeof manifest !== 'object' || manifest === null)
    throw new V2uError(ErrorCodes.badDefinition, 'a node definition must be an object');
  if (typeof manifest.type !== 'string' || !TYPE_PATTERN.test(manifest.type))
    failField(manifest, 'type', 'must look like "category/name" (lowercase letters, digits and dashes)');
  if (!Number.isInteger(manifest.version) || manifest.version < 1) failField(manifest, 'version', 'must be a whole number ≥ 1');
  if (!NODE_CATEGORIES.includes(manifest.category)) failField(manifest, 'category', `must be one of ${NODE_CATEGORIES.join(', ')}`);
  if (typeof manifest.title !== 'string' || !manifest.title.trim()) failField(manifest, 'title', 'must be a non-empty string');
  if (manifest.description !== undefined && typeof manifest.description !== 'string') failField(manifest, 'description', 'must be a string');
  if (manifest.icon !== undefined && !validIcon(manifest.icon))
    failField(manifest, 'icon', `must be an icon name or a list of [${ICON_TAGS}, {geometry}] shapes`);
  if (manifest.keywords !== undefined && (!Array.isArray(manifest.keywords) || manifest.keywords.some((k) => typeof k !== 'string')))
    failField(manifest, 'keywords', 'must be an array of strings');
  validatePorts(manifest, 'inputs');
  validatePorts(manifest, 'outputs');
  validateConfig(manifest);
  validatePerformance(manifest);
}

function validatePorts(manifest: NodeManifest, side: 'inputs' | 'outputs') {
  const ports = manifest[side];
  if (typeof ports !== 'object' || ports === null || Array.isArray(ports)) failField(manifest, side, 'must be an object of ports');
  for (const [name, spec] of Object.entries(ports as Record<string, PortSpec>)) {
    const where = `${side}${keyPath(name)}`;
    if (typeof spec !== 'object' || spec === null || typeof spec.type !== 'string') failField(manifest, where, 'needs a "type"');
    try {
      parsePortType(spec.type);
    } catch (error) {
      failField(manifest, `${where}.type`, (error as Error).message.replace(/^\$: /, ''));
    }
  }
}

function validateConfig(manifest: NodeManifest) {
  if (manifest.config === undefined) return;
  if (typeof manifest.config !== 'object' || manifest.config === null) failField(manifest, 'config', 'must be an object of fields');
  for (const [name, field] of Object.entries(manifest.config)) {
    const where = `config${keyPath(name)}`;
    if (!field || !FIELD_TYPES.has(field.type)) failField(manifest, `${where}.type`, `must be one of ${[...FIELD_TYPES].join(', ')}`);
    if (field.type === 'enum' && (!Array.isArray(field.options) || field.options.length === 0))
      failField(manifest, `${where}.options`, 'must list the choices of an enum');
  }
}

function validatePerformance(manifest: NodeManifest) {
  const perf = manifest.performance;
  if (perf === undefined) return;
  if (typeof perf !== 'object' || perf === null || Array.isArray(perf)) failField(manifest, 'performance', 'must be an object');
  for (const key of ['lazyLoad', 'backgroundProcessing'] as const)
    if (perf[key] !== undefined && typeof perf[key] !== 'boolean') failField(manifest, `performance.${key}`, 'must be true or false');
  if (perf.cacheStrategy !== undefined && !CACHE_STRATEGIES.includes(perf.cacheStrategy))
    failField(manifest, 'performance.cacheStrategy', `must be one of ${CACHE_STRATEGIES.join(', ')}`);
  if (perf.priority !== undefined && !PRIORITIES.includes(perf.priority))
    failField(manifest, 'performance.priority', `must be one of ${PRIORITIES.join(', ')}`);
}

/** One step of a JSON path: `.name` for a plain name, `["a b"]` for any other (a port named `a.b` or `<x>`). */
export function keyPath(name: string): string {
  return /^[A-Za-z_][\w]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** Throws the V2uError of a node definition whose `field` is wrong. */
export function failField(manifest: Partial<NodeManifest>, field: string, problem: string): never {
  const name = typeof manifest?.type === 'string' ? manifest.type : '(no type)';
  throw new V2uError(ErrorCodes.badDefinition, `defineNode(${quote(name)}): ${field} ${problem}`, field);
}
