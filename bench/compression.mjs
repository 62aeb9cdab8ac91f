// Should the registry compress the bundles it keeps in IndexedDB (CompressionStream, gzip)?
// `node bench/compression.mjs [--out=bench/results/registry]`: in the bench's headless Chromium,
// for the built-in library's bundles and for a synthetic 500-type bundle, measures the stored
// size and the time to write and read it back, as structured-clone objects (what the registry
// does) and as gzip bytes (CompressionStream on write, DecompressionStream + JSON.parse on read).
// Writes compression.json and compression.md to --out. Medians of 9 rounds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { ensureDist } from './lib/build.mjs';
import { startServer } from './lib/server.mjs';

const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? 'bench/results/registry';
const ROUNDS = 9;

async function main() {
  await ensureDist();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/bench-page/blank`, { waitUntil: 'domcontentloaded' });
    const rows = await page.evaluate(measureAll, ROUNDS);
    const md = [
      '# Registry cache: gzip (CompressionStream) or plain structured clone in IndexedDB',
      '',
      `${new Date().toISOString().slice(0, 10)} · headless Chromium (bench/lib/browser.mjs) · medians of ${ROUNDS} rounds · \`node bench/compression.mjs\``,
      '',
      '| Bundle | Types | JSON | gzip | Write: object / gzip (compress + put) | Read: object / gzip (get + decompress + parse) |',
      '|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.types} | ${kb(r.json)} | ${kb(r.gzip)} (${((100 * r.gzip) / r.json).toFixed(0)} %) | ${ms(r.writePlain)} / ${ms(r.writeGzip)} | ${ms(r.readPlain)} / ${ms(r.readGzip)} |`),
      '',
      verdict(rows),
      '',
    ].join('\n');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'compression.json'), `${JSON.stringify(rows, null, 2)}\n`);
    writeFileSync(join(out, 'compression.md'), md);
    console.log(md);
  } finally {
    await browser.close();
    server.close();
  }
}

/** What the figures say for the registry, which reads its bundles before the palette paints (restore). */
function verdict(rows) {
  const slower = rows.map((r) => `${(r.readGzip / r.readPlain).toFixed(1)}×`).join(' and ');
  const saved = rows.map((r) => kb(r.json - r.gzip)).join(' and ');
  const quota = rows[0].quota ? `, against a quota of ${(rows[0].quota / 2 ** 30).toFixed(1)} GB here (navigator.storage.estimate())` : '';
  return `Verdict: gzip saves ${saved} of IndexedDB space${quota}, but reading takes ${slower} as long, on the path to the first palette paint (the registry's restore), and writing several times as long. The registry keeps plain structured clones. The synthetic bundle repeats the built-in manifests under new names, so its ratio is better than a real 500-type library's would be.`;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (v) => `${v.toFixed(2)} ms`;

/** In the page: both ways of keeping each bundle, timed. */
async function measureAll(rounds) {
  const index = await (await fetch('/dist/nodes/bundles/index.json')).json();
  const bundles = await Promise.all(index.bundles.map(async (b) => (await fetch(new URL(b.url, location.origin + '/dist/nodes/bundles/'))).json()));
  const builtIn = bundles.flatMap((b) => b.nodes);
  const synthetic = Array.from({ length: 500 }, (_, i) => ({ ...builtIn[i % builtIn.length], type: `acme/type-${i}`, title: `Type ${i}`, module: `https://cdn.example.com/acme/nodes/type-${i}.js` }));
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open(`compression-${Date.now()}`, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const request = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));
  const put = (key, value) => request(db.transaction('kv', 'readwrite').objectStore('kv').put(value, key));
  const get = (key) => request(db.transaction('kv').objectStore('kv').get(key));
  const pipe = async (bytes, stream) => new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const timed = async (fn) => {
    const start = performance.now();
    const result = await fn();
    return [performance.now() - start, result];
  };
  const rows = [];
  for (const [name, nodes] of [['built-in library (all bundles)', builtIn], ['synthetic, 500 types', synthetic]]) {
    const bundle = { format: 'v2u-bundle', category: 'all', priority: 'normal', hash: 'x', nodes };
    const json = new TextEncoder().encode(JSON.stringify(bundle));
    const times = { writePlain: [], writeGzip: [], readPlain: [], readGzip: [] };
    let gzipBytes = 0;
    for (let i = 0; i < rounds; i++) {
      times.writePlain.push((await timed(() => put(`plain-${i}`, bundle)))[0]);
      const [writeGzip] = await timed(async () => {
        const gz = await pipe(new TextEncoder().encode(JSON.stringify(bundle)), new CompressionStream('gzip'));
        gzipBytes = gz.byteLength;
        await put(`gzip-${i}`, gz);
      });
      times.writeGzip.push(writeGzip);
      times.readPlain.push((await timed(() => get(`plain-${i}`)))[0]);
      times.readGzip.push((await timed(async () => JSON.parse(new TextDecoder().decode(await pipe(await get(`gzip-${i}`), new DecompressionStream('gzip'))))))[0]);
    }
    const { quota } = await navigator.storage.estimate();
    rows.push({ name, quota, types: nodes.length, json: json.byteLength, gzip: gzipBytes, ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) });
  }
  db.close();
  return rows;
}

await main();
