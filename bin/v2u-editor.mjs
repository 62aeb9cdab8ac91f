#!/usr/bin/env node
// `v2u-editor`: runs flows designed in the browser, headless, in Node. This file only
// decides whether it is the program being run; the CLI lives in ./lib.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './lib/main.mjs';

/** npm starts a package's bin through a symlink (node_modules/.bin), so compare real paths. */
function isProgram(moduleUrl, script) {
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

if (isProgram(import.meta.url, process.argv[1])) {
  const code = await main(process.argv.slice(2));
  // Exit once stdout has taken everything: a large result must not be cut off.
  process.stdout.write('', () => process.exit(code));
}
