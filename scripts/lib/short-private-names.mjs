// Renames the `_name` class members of our own modules (tsc output under dist/src) to short
// `_a`, `_b`, … `_aB`, … in every build, because terser keeps property names. Terser's own
// property mangling is no use here: it picks names per chunk, and Lit's production build
// already uses short internal names on the same objects.
//
// One map for all builds (the worker build and the main build must agree, node chunks and
// the editor share classes): it is derived at build start from dist/src/**/*.js alone, so
// it is the same whichever build asks. A name is renamed only where it is a property name:
// `x._name` (not computed), an object or class key, a method or field definition. Names
// that also appear inside any string or template anywhere in dist/src are left alone:
// tsc writes decorated members as `__decorate([...], C.prototype, "_name")` and Lit code
// reads `changed.has('_name')`, which a property rename would silently break.
//
// Unbundled dist/src (what node code and bin/ import) is not renamed, and a page can mix
// the two (the editor from dist/src, node modules from dist/nodes), so an object made by
// bundled code must never be read through a `_name` by unbundled code, or the reverse.
// Hence only names used solely through `this`/`super` and in class member definitions (and
// Lit's `properties` keys) are renamed: a method only ever touches its own object, which
// its own copy of the class made. A name used any other way (`other._name`, a plain object
// or destructuring key) is left alone (see propertySites).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import MagicString from 'magic-string';
import { filesUnder } from './files.mjs';

const NAME = /^_[a-z][A-Za-z0-9]{2,}$/;
const OURS = /\/dist\/src\/.*\.js$/;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Visits every node of an ESTree AST, parent first. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const key in node) {
    const value = node[key];
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/**
 * The `_name` property positions of a module: [identifier node, shorthand?, own?]. `own` is
 * a position that can only reach the object's own class: `this._name`/`super._name`, a
 * class member definition, a key of Lit's `properties` object. Anything else (`other._name`,
 * a key of a plain object or of a destructuring pattern) may meet an object made by another
 * copy of the code, or data, so names found there are not renamed at all.
 */
function propertySites(ast) {
  const sites = [];
  const add = (key, computed, shorthand, own) => {
    if (!computed && key && key.type === 'Identifier' && NAME.test(key.name)) sites.push([key, shorthand, own]);
  };
  const litProperties = new Set();
  walk(ast, (node) => {
    // `static properties = {…}` (a field) or `static { this.properties = {…} }` (tsc's output).
    if (node.type === 'PropertyDefinition' && node.static && !node.computed && node.key.name === 'properties' && node.value?.type === 'ObjectExpression') litProperties.add(node.value);
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && !node.left.computed && node.left.property.name === 'properties' && node.right.type === 'ObjectExpression')
      litProperties.add(node.right);
    if (node.type === 'MemberExpression') add(node.property, node.computed, false, node.object.type === 'ThisExpression' || node.object.type === 'Super');
    else if (node.type === 'ObjectExpression' || node.type === 'ObjectPattern') {
      for (const p of node.properties) if (p.type === 'Property') add(p.key, p.computed, p.shorthand, litProperties.has(node));
    } else if (node.type === 'PropertyDefinition' || node.type === 'MethodDefinition') add(node.key, node.computed, false, true);
  });
  return sites;
}

/** Every `_name` token inside a string literal or template text of a module. */
function namesInStrings(ast, into) {
  walk(ast, (node) => {
    const text = node.type === 'Literal' && typeof node.value === 'string' ? node.value : node.type === 'TemplateElement' ? node.value.cooked ?? node.value.raw : undefined;
    // `-` before: a CSS custom property (`--_viewport`), never a JS property name.
    if (text) for (const m of text.matchAll(/(?<![\w$-])_[a-z][A-Za-z0-9]{2,}(?![\w$])/g)) into.add(m[0]);
  });
}

/**
 * Short `_x`/`_xy` names the runtime dependencies (package.json `dependencies`, followed
 * through their own) use anywhere: d3-shape keeps `this._x` on its curves, for one. Our
 * codes skip them, so no object can hold a library's `_x` and one of ours under one name.
 */
function dependencyShortNames(root = '.') {
  const taken = new Set();
  const seen = new Set();
  const scan = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') scan(path);
      } else if (/\.[cm]?js$/.test(entry.name)) {
        for (const m of readFileSync(path, 'utf8').matchAll(/(?<![\w$])_[A-Za-z]{1,2}(?![\w$])/g)) taken.add(m[0]);
      }
    }
  };
  const visit = (name) => {
    const dir = join(root, 'node_modules', name);
    if (seen.has(name) || !existsSync(join(dir, 'package.json'))) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
    scan(dir);
  };
  for (const dep of Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})) visit(dep);
  return taken;
}

function code(i) {
  let s = '';
  do {
    s = ALPHABET[i % 52] + s;
    i = Math.floor(i / 52) - 1;
  } while (i >= 0);
  return `_${s}`;
}

/** The map, from dist/src alone: the most used names get the shortest codes. */
export function shortNameMap(srcDir = 'dist/src') {
  const counts = new Map();
  const inStrings = new Set();
  const shared = new Set(); // names met in a position that is not `own` (see propertySites)
  const taken = dependencyShortNames(); // and the short `_xy` names already in our code (`_id`, `_x`, …)
  for (const file of filesUnder(srcDir, '.js')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?<![\w$])_[A-Za-z][A-Za-z0-9]?(?![\w$])/g)) taken.add(m[0]);
    const ast = parseAst(text);
    namesInStrings(ast, inStrings);
    for (const [key, , own] of propertySites(ast)) {
      counts.set(key.name, (counts.get(key.name) ?? 0) + 1);
      if (!own) shared.add(key.name);
    }
  }
  const names = [...counts.keys()].filter((n) => !inStrings.has(n) && !shared.has(n)).sort((a, b) => counts.get(b) - counts.get(a) || (a < b ? -1 : 1));
  const map = new Map();
  let i = 0;
  for (const name of names) {
    let short;
    do short = code(i++);
    while (taken.has(short));
    map.set(name, short);
  }
  return { map, inStrings: [...inStrings].filter((n) => counts.has(n)).sort(), shared: [...shared].sort() };
}

let cached;

export function shortPrivateNames() {
  let map;
  let shorts;
  return {
    name: 'v2u-short-private-names',
    buildStart() {
      cached ??= shortNameMap();
      map = cached.map;
      shorts = new Set(map.values());
    },
    transform(source, id) {
      if (!OURS.test(id) || id.includes('/node_modules/')) {
        // A library using one of our short names could meet ours on a shared object
        // (a LitElement subclass): fail rather than guess.
        if (/\.[cm]?js$/.test(id)) {
          for (const m of source.matchAll(/(?<![\w$])_[A-Za-z]{1,2}(?![\w$])/g)) {
            if (shorts.has(m[0]) && /\.\s*$/.test(source.slice(Math.max(0, m.index - 3), m.index)))
              this.error(`${id} uses the property ${m[0]}, one of the short names given to our _names`);
          }
        }
        return null;
      }
      const ast = this.parse(source);
      const edited = new MagicString(source);
      let changed = false;
      for (const [key, shorthand] of propertySites(ast)) {
        const short = map.get(key.name);
        if (!short) continue;
        if (shorthand) edited.prependRight(key.start, `${short}: `);
        else edited.overwrite(key.start, key.end, short);
        changed = true;
      }
      if (!changed) return null;
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id, includeContent: true }) };
    },
  };
}
