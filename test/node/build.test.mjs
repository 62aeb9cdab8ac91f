// The build's own steps, without running the whole build.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cleanDist } from '../../scripts/lib/clean-dist.mjs';

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
