// The build's own steps, without running the whole build.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDist } from '../../scripts/lib/clean-dist.mjs';
import { filesUnder } from '../../scripts/lib/files.mjs';

test('the build empties dist/ but keeps the framework demo bundles a running npm start serves', () => {
  const dist = mkdtempSync(join(tmpdir(), 'v2u-dist-'));
  try {
    for (const file of ['v2u-editor.js', 'chunks/a.js', 'src/index.js', 'demo/react-app.js', 'demo/chunks/b.js']) {
      mkdirSync(join(dist, file, '..'), { recursive: true });
      writeFileSync(join(dist, file), '');
    }
    cleanDist(dist);
    assert.deepEqual(
      ['v2u-editor.js', 'chunks', 'src', 'demo/react-app.js', 'demo/chunks/b.js'].map((f) => existsSync(join(dist, f))),
      [false, false, false, true, true],
    );
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('the build script cleans with cleanDist, not by removing dist/ whole', () => {
  const build = readFileSync('scripts/build.mjs', 'utf8');
  assert.match(build, /cleanDist\(\)/);
  assert.doesNotMatch(build, /rmSync\(\s*['"]dist['"]/);
});

test("the sources take Lucide's icons one module each, never from its index of ~2,000", () => {
  // Unbundled (the test server, an import map), `from 'lucide'` fetches every icon module.
  for (const file of filesUnder('src', '.ts')) assert.doesNotMatch(readFileSync(file, 'utf8'), /from\s+['"]lucide['"]/, `${file} imports the whole of lucide`);
  const icons = readFileSync('src/elements/icons/lucide.ts', 'utf8');
  for (const [, path] of icons.matchAll(/from '(lucide\/[^']+)'/g)) assert.ok(existsSync(join('node_modules', path)), `${path} is in the installed lucide`);
});
