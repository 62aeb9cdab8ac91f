// `node bench/leak-retainers.mjs [--cycles=30] [--wait=0] [--warm-cache] [--save=file.heapsnapshot]`: runs the
// mount-leak page (3 warm-up cycles, then --cycles), forces GC twice, waits --wait ms, takes a
// heap snapshot over CDP at once and prints, for every detached <v2u-editor> still in the heap, its
// shortest retainer path from the GC roots (weak edges ignored), plus the detached DOM count.
// What bench/results/profiles/mount-leak.md was written from. --warm-cache first loads the
// probe page, which fills the IndexedDB registry cache (as the cold-warm scenario does).
import { writeFileSync } from 'node:fs';
import { launchBrowser } from './lib/browser.mjs';
import { ensureDist } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';

const flag = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const cycles = Number(flag('cycles', 30));
const wait = Number(flag('wait', 0));
const save = flag('save');

await ensureDist();
const server = await startServer();
const browser = await launchBrowser();
try {
  if (process.argv.includes('--warm-cache')) {
    const probe = await browser.newPage();
    await probe.goto(`http://127.0.0.1:${server.address().port}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
    await probe.evaluate(() => window.benchProbe);
    await probe.close();
  }
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/leak?n=1000`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.benchLeak.cycles(3));
  await page.evaluate((k) => window.benchLeak.cycles(k), cycles);
  const cdp = await page.createCDPSession();
  if (wait) await new Promise((r) => setTimeout(r, wait));
  // The snapshot first (it collects garbage itself): whatever a pending task still holds
  // is let go within milliseconds, before a GC + counters round trip would have ended.
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const text = chunks.join('');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  if (save) writeFileSync(save, text);
  console.log(`afterwards: heap ${(usedSize / 1024).toFixed(0)} kB, DOM ${JSON.stringify(dom)}`);
  report(JSON.parse(text));
} finally {
  await browser.close();
  server.close();
}

function report(snapshot) {
  const { node_fields: nf, edge_fields: ef, node_types: [nodeTypes], edge_types: [edgeTypes] } = snapshot.snapshot.meta;
  const { nodes, edges, strings } = snapshot;
  const N = nf.length;
  const E = ef.length;
  const count = nodes.length / N;
  const [typeF, nameF, , sizeF, edgeCountF] = [nf.indexOf('type'), nf.indexOf('name'), nf.indexOf('id'), nf.indexOf('self_size'), nf.indexOf('edge_count')];
  const detF = nf.indexOf('detachedness');
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * N + edgeCountF] * E;
  }
  firstEdge[count] = edges.length;
  const name = (i) => strings[nodes[i * N + nameF]];
  const edgeName = (e) => {
    const type = edgeTypes[edges[e]];
    const n = edges[e + 1];
    return type === 'element' || type === 'hidden' ? `[${n}]` : `${type === 'context' ? 'ctx:' : ''}${strings[n]}`;
  };
  // BFS from the root over strong edges: shortest retainer path for every node.
  const parent = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const queue = [0];
  seen[0] = 1;
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += E) {
      if (edgeTypes[edges[e]] === 'weak') continue;
      const to = edges[e + 2] / N;
      if (seen[to]) continue;
      seen[to] = 1;
      parent[to] = i;
      via[to] = e;
      queue.push(to);
    }
  }
  const editors = [];
  let detached = 0;
  for (let i = 0; i < count; i++) {
    if (detF >= 0 && nodes[i * N + detF] === 2 && nodeTypes[nodes[i * N + typeF]] === 'native') detached++;
    if (/v2u-editor/i.test(name(i)) && nodeTypes[nodes[i * N + typeF]] === 'native') editors.push(i);
  }
  console.log(`detached native DOM objects: ${detached}; <v2u-editor> native objects: ${editors.length}`);
  for (const i of editors) {
    const path = [];
    for (let n = i; n > 0 && path.length < 40; n = parent[n]) path.push(`${name(n).slice(0, 60)} (${nodeTypes[nodes[n * N + typeF]]}, ${nodes[n * N + sizeF]} B) <-${via[n] >= 0 ? edgeName(via[n]) : '?'}-`);
    console.log(`\n${name(i)}${seen[i] ? '' : ' (unreachable from the root)'}:\n  ${path.join('\n  ')}`);
  }
}
