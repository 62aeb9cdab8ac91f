// The build renames our `_name` class members to short names (scripts/lib/short-private-names.mjs).
// Checks the rewrite on a snippet, and that every build applied the same map (after `npm run build`).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { filesUnder } from '../../scripts/lib/files.mjs';
import { parseAst } from 'rollup/parseAst';
import { shortNameMap, shortPrivateNames } from '../../scripts/lib/short-private-names.mjs';


const { map, inStrings, shared } = shortNameMap();

test('the map is the same on every call, and its short names are unique and unused elsewhere', () => {
  assert.deepEqual([...shortNameMap().map], [...map]);
  const shorts = [...map.values()];
  assert.equal(new Set(shorts).size, shorts.length);
  for (const short of shorts) assert.match(short, /^_[A-Za-z]{1,2}$/);
  // Names that tsc or Lit code spell as strings (`__decorate(…, "_name")`, `changed.has('_name')`) stay.
  for (const name of inStrings) assert.ok(!map.has(name), name);
  for (const name of shared) assert.ok(!map.has(name), name);
});

test('only `this`/`super` members, class members and Lit properties keys are rewritten', () => {
  const plugin = shortPrivateNames();
  plugin.buildStart();
  const [a, b] = [...map.keys()];
  const source = [
    `class C { static { this.properties = { ${a}: { state: true } }; } ${a} = 1; ${b}() { return this.${a} + super.${b}; } }`,
    `const s = '${a}'; const ${a} = 2; function f(${b}) { return other.${a} + ${b} + { ${a}: 1 }.x; }`,
  ].join('\n');
  const out = plugin.transform.call({ parse: parseAst, error: (e) => assert.fail(e) }, source, '/x/dist/src/m.js').code;
  const [ma, mb] = [map.get(a), map.get(b)];
  assert.equal(
    out,
    [
      `class C { static { this.properties = { ${ma}: { state: true } }; } ${ma} = 1; ${mb}() { return this.${ma} + super.${mb}; } }`,
      // A real module naming `a` this way would have kept it out of the map (string, `other.`, plain key).
      `const s = '${a}'; const ${a} = 2; function f(${b}) { return other.${ma} + ${b} + { ${ma}: 1 }.x; }`,
    ].join('\n'),
  );
  assert.equal(plugin.transform.call({ parse: parseAst }, source, '/x/node_modules/lib/m.js'), null);
});

test('the bundles, the worker included, use no renamed name in full', { skip: !existsSync('dist/v2u-editor.js') && 'run npm run build first' }, () => {
  const bundles = ['dist/v2u-editor.js', 'dist/core.js', 'dist/worker.js', ...filesUnder('dist/chunks', '.js'), ...filesUnder('dist/nodes', '.js')];
  for (const file of bundles) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\.(_[a-z][A-Za-z0-9]{2,})\b/g)) assert.ok(!map.has(m[1]), `${file} still reads .${m[1]}`);
  }
});
