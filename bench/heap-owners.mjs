// `node bench/heap-owners.mjs [nodes] [editors] [ready|loaded|running] [top]`: what the JS heap holds
// on each editor's bench page (default 10000 nodes, `v2u,litegraph`, `loaded`, top 25). At
// `loaded`, the bench's fixed point for "JS heap after load" (`benchEditor.loaded()`: V2U's
// editing code is in and its auto-run done); at `ready`, right after the graph is drawn; at
// `running` (V2U), as soon as its auto-run is seen going.
// Takes a heap snapshot after two forced GCs and prints the used heap (the bench's figure),
// the snapshot's bytes by node type, by constructor, by owner (each object's self size goes
// to its nearest dominator of a named class; minified class names come with their first
// property names; V2U's private members with their source names) and the largest retained
// sizes with their dominator path; then the fields of every named object retaining over 200 kB.
// Run from the repository root after `npm run build`.
import { byConstructor, byOwner, byType, fieldsOf, largestRetained, label, readSnapshot, retainedSizes, takeSnapshot } from './lib/heap-snapshot.mjs';
import { shortNameMap } from '../scripts/lib/short-private-names.mjs';
import { bundlePeers, ensureDist } from './lib/build.mjs';
import { openBenchPage } from './lib/v2u-page.mjs';

const [nodes = '10000', editors = 'v2u,litegraph', at = 'loaded', top = '25'] = process.argv.slice(2);
await ensureDist();
if (editors.split(',').some((editor) => editor !== 'v2u')) await bundlePeers();
// The build renames our `_name` members to `_a`, `_b`, …: name them back in the output.
const longName = new Map([...shortNameMap().map].map(([long, short]) => [short, long]));
const kB = (bytes) => `${(bytes / 1024).toFixed(1).padStart(9)} kB`;

for (const editor of editors.split(',')) {
  const { page, close } = await openBenchPage(editor, nodes, { loaded: at === 'loaded' });
  try {
    // V2U: while its auto-run is going.
    if (at === 'running')
      await page.evaluate(async () => {
        const editor = document.getElementById('editor');
        while (!editor.running) await new Promise(requestAnimationFrame);
      });
    // V2U: whether its auto-run is going.
    const running = await page.evaluate(() => document.getElementById('editor')?.running);
    const { usedSize, snapshot } = await takeSnapshot(page);
    const g = readSnapshot(snapshot);
    if (editor === 'v2u') g.edgeName = g.edgeName.map((name, e) => (g.edgeType[e] === 'property' && longName.get(name)) || name);
    const total = g.size.reduce((a, b) => a + b, 0);
    console.log(`\n## ${editor}, ${nodes} nodes, at ${at}${running ? ' (a run going)' : ''}: used heap ${(usedSize / 2 ** 20).toFixed(2)} MiB, snapshot ${(total / 2 ** 20).toFixed(2)} MiB in ${g.count} objects`);
    console.log('\nBy type:');
    for (const { key, bytes } of byType(g)) console.log(`${kB(bytes)}  ${key}`);
    console.log('\nBy constructor (self size):');
    for (const { key, bytes, count } of byConstructor(g).slice(0, Number(top))) console.log(`${kB(bytes)}  ${String(count).padStart(7)}  ${key}`);
    console.log('\nBy owner (self size of everything a named object dominates):');
    for (const { key, bytes, count } of byOwner(g).slice(0, Number(top))) console.log(`${kB(bytes)}  ${String(count).padStart(7)}  ${key.slice(0, 140)}`);
    console.log('\nLargest retained:');
    const retained = retainedSizes(g);
    for (const { bytes, path } of largestRetained(g, retained, Number(top))) console.log(`${kB(bytes)}  ${path.slice(0, 220)}`);
    console.log('\nFields of the named objects retaining over 200 kB (retained size of what each field alone keeps):');
    for (let v = 1; v < g.count; v++) {
      if (retained[v] < 200_000 || !/^[^:]*\{/.test(label(g, v)) || label(g, v).startsWith('Window')) continue;
      console.log(`${kB(retained[v])}  ${label(g, v)}`);
      for (const { name, bytes, what } of fieldsOf(g, retained, v).filter((f) => f.bytes >= 10_000)) console.log(`${kB(bytes)}    .${name}: ${what.slice(0, 100)}`);
    }
  } finally {
    await close();
  }
}
