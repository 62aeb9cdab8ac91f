/**
 * Writes the distribution module of a builder-made node type: an ES module that calls
 * `defineNode` with the type as data and the interpreter as its logic. Run by the worker pool
 * like a node module (`exportNodePack` submits it), so a large pack is written off the page.
 * The text is for download and for other hosts: V2U never evaluates it.
 */
import type { BuiltNodeType } from '../../core/built-type.js';
import { defineNode } from '../../core/define-node.js';
import { typeSlug } from '../../core/manifest.js';

/** Where the generated module imports `defineNode` and `builtLogic` from. */
export interface PackSpecifiers {
  /** Default `v2u-editor/core` (or a URL of the editor's `dist/core.js`). */
  core?: string;
  /** Default `v2u-editor/built` (or a URL of the editor's `dist/src/built.js`). */
  built?: string;
}

/**
 * The module's text. The type is embedded as one JSON string literal read by `JSON.parse`,
 * with `<`, U+2028 and U+2029 escaped: whatever its titles, port names or expressions hold
 * (quotes, `</script>`), they stay data.
 *
 * @example
 * generateNodeModule(type); // "import { defineNode } from 'v2u-editor/core'; …"
 */
export function generateNodeModule(type: BuiltNodeType, specifiers: PackSpecifiers = {}): string {
  const literal = (text: string) => JSON.stringify(text).replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    `// ${literal(type.type)}: a node type made in the V2U node builder. Its logic is data, run by`,
    '// v2u-editor\'s interpreter (JSONata expressions or a flow of nodes): nothing here is evaluated.',
    `import { defineNode } from ${literal(specifiers.core ?? 'v2u-editor/core')};`,
    `import { builtLogic } from ${literal(specifiers.built ?? 'v2u-editor/built')};`,
    '',
    `const type = JSON.parse(${literal(JSON.stringify(type))});`,
    '',
    'export default defineNode({ ...type, processLogic: builtLogic(type) });',
    '',
  ].join('\n');
}

/** The file name of a type's module in a pack: `shop/line-total` → `shop-line-total.mjs`. */
export function moduleFileName(type: string): string {
  return `${typeSlug(type)}.mjs`;
}

export default defineNode({
  type: 'v2u/pack-module',
  version: 1,
  category: 'utility',
  title: 'Node pack module',
  description: 'Writes the ES modules of builder-made node types (the builder\'s export; not a palette node).',
  inputs: { types: { type: 'list<object>' } },
  outputs: { files: { type: 'object' } },
  processLogic({ types }, { config }) {
    const specifiers = config as PackSpecifiers;
    return { files: Object.fromEntries((types as BuiltNodeType[]).map((t) => [moduleFileName(t.type), generateNodeModule(t, specifiers)])) };
  },
});
