// What a page loads before an entry script runs: the entry and the chunks it imports
// statically. `npm run size` measures it; the bench's pages hint it (modulepreload).
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The entry and every chunk it imports statically (not `import()`), transitively. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g))
      visit(normalize(join(dirname(file), m[1])));
  };
  visit(entry);
  return [...seen];
}

