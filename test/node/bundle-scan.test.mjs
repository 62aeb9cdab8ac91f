// The editor must run under a strict CSP: no eval, no new Function, and no innerHTML with
// data. This scans what ships (dist/) after the build, and the sources.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { filesUnder } from '../../scripts/lib/files.mjs';

const shipped = ['dist/v2u-editor.js', 'dist/core.js', ...filesUnder('dist/chunks', '.js'), ...filesUnder('dist/nodes', '.js')];

test('no eval or Function constructor in anything that ships', () => {
  for (const file of shipped) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\beval\s*\(/, `${file} calls eval`);
    assert.doesNotMatch(code, /\bnew\s+Function\s*\(|[^.\w]Function\s*\(\s*["'`]/, `${file} builds a Function from a string`);
    assert.doesNotMatch(code, /setTimeout\s*\(\s*["'`]/, `${file} passes a string to setTimeout`);
  }
});

test('innerHTML appears only where lit-html builds its own templates', () => {
  const uses = shipped.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\.innerHTML\s*=/g)].map(() => file));
  // lit-html assigns innerHTML once, to its <template> element, from the static strings of
  // our html`` literals; bound values never reach it. Exactly one such site may ship.
  assert.ok(uses.length <= 1, `innerHTML assignments in: ${uses.join(', ')}`);
});

test('the sources never use innerHTML, eval, new Function or unsafeHTML', () => {
  for (const file of filesUnder('src', '.ts')) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\binnerHTML\b|\beval\s*\(|new Function\s*\(|unsafeHTML|unsafeSVG|unsafeStatic/, `${file}`);
  }
});
