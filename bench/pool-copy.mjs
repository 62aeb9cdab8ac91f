// `node bench/pool-copy.mjs`: what moving a columnar order table (ten columns, one a unique id per
// row) from one Chromium worker to another costs over a MessagePort: cloned, or with fresh copies of
// its buffers transferred (what ValueStore.serve does).
import { launchBrowser } from './lib/browser.mjs';
const browser = await launchBrowser();
const page = await browser.newPage();
const out = await page.evaluate(async () => {
  const src = `
    let table; let port;
    const own = (a) => a && a.slice();
    onmessage = ({ data }) => {
      if (data.make) {
        const n = data.make;
        const dict = Array.from({ length: n }, (_, i) => 'O' + String(i + 1).padStart(7, '0'));
        const cols = [{ kind: 'string', codes: Uint32Array.from({ length: n }, (_, i) => i), dictionary: dict }];
        for (let c = 0; c < 5; c++) cols.push({ kind: 'string', codes: new Uint32Array(n), dictionary: ['a', 'b'] });
        for (let c = 0; c < 4; c++) cols.push({ kind: 'number', values: new Float64Array(n) });
        table = { length: n, columns: cols }; postMessage('made');
      } else if (data.serve) {
        const t0 = performance.now();
        if (data.mode === 'transfer') {
          const copy = { length: table.length, columns: table.columns.map((c) => ({ ...c, codes: own(c.codes), values: own(c.values) })) };
          data.port.postMessage({ copy }, copy.columns.map((c) => (c.codes ?? c.values).buffer));
        } else data.port.postMessage({ copy: table });
        postMessage({ sendMs: performance.now() - t0 });
      } else if (data.receive) {
        data.port.onmessage = () => postMessage({ got: performance.now() });
      }
    };`;
  const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  const a = new Worker(url), b = new Worker(url);
  const next = (w) => new Promise((r) => w.addEventListener('message', (e) => r(e.data), { once: true }));
  const results = [];
  for (const n of [200000, 1000000]) {
    a.postMessage({ make: n }); await next(a);
    for (const mode of ['clone', 'transfer', 'clone', 'transfer']) {
      const ch = new MessageChannel();
      b.postMessage({ receive: 1, port: ch.port2 }, [ch.port2]);
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      const got = next(b);
      const sent = next(a);
      a.postMessage({ serve: 1, mode, port: ch.port1 }, [ch.port1]);
      const { sendMs } = await sent; const { got: at } = await got;
      results.push(`${n} ${mode}: sender ${sendMs.toFixed(0)} ms, received after ${(performance.now() - t0).toFixed(0)} ms`);
    }
  }
  return results;
});
console.log(out.join('\n'));
await browser.close();
