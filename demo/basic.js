// The basic demo: pick an example flow, run it, edit it and watch only the affected nodes
// re-run. A small dev panel shows registry, lazy-loading and worker-pool metrics.
const editor = document.getElementById('editor');
const log = document.getElementById('log');
const flows = await (await fetch('./flows/index.json')).json();
const menu = document.getElementById('flows');

for (const flow of flows) menu.append(new Option(flow.title, flow.url));

const output = document.getElementById('output');
let emitted = false;

async function open(url) {
  // A flow without a saved viewport is fitted to the canvas as it loads.
  editor.graph = await (await fetch(url)).json();
  // The panel shows this flow's output only: nothing from the flow before it.
  emitted = false;
  output.textContent = 'Running…';
}

menu.addEventListener('change', () => open(menu.value));
if (!editor.graph.nodes.length) await open(flows[0].url);

function note(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(item);
  while (log.children.length > 40) log.lastChild.remove();
}

editor.addEventListener('v2u-change', (e) => note(`change: ${e.detail.types.join(', ')}`));
editor.addEventListener('v2u-error', (e) => note(`error: ${e.detail.message}`));
editor.addEventListener('v2u-warning', (e) => note(`warning: ${e.detail.message}`));
editor.addEventListener('v2u-run-end', (e) => {
  const s = e.detail.summary;
  note(`run ${s.status} in ${Math.round(s.durationMs)} ms: ${s.executed.length} ran, ${s.cached.length} cached`);
  const hasEmit = editor.graph.nodes.some((n) => n.type === 'output/emit');
  if (!emitted) output.textContent = hasEmit ? `The flow's Emit node did not report (run ${s.status}).` : 'This flow has no Emit node: its results show on its nodes (tables, charts, previews).';
});
editor.addEventListener('v2u-output', (e) => {
  emitted = true;
  output.textContent = `${e.detail.name}: ${JSON.stringify(e.detail.value, null, 2).slice(0, 2000)}`;
});

document.getElementById('theme').addEventListener('change', (event) => {
  // The page's own chrome follows the same choice (demo.css reads data-theme).
  for (const el of [editor, document.documentElement]) {
    if (event.target.value) el.setAttribute(el === editor ? 'theme' : 'data-theme', event.target.value);
    else el.removeAttribute(el === editor ? 'theme' : 'data-theme');
  }
});

const metrics = document.getElementById('metrics');
const percent = (rate) => `${(rate * 100).toFixed(1)}%`;
function showMetrics() {
  const { registry, lazy, pool } = editor.metrics;
  const rows = [
    ['Node types', registry.types],
    ['Registry hit rate', `${percent(registry.hitRate)} (${registry.hits} hits, ${registry.misses} misses)`],
    ['L1 records / evicted', `${registry.cached} / ${registry.evictions}`],
    ['Bundles fetched / from cache', `${registry.bundlesFetched} / ${registry.bundlesFromCache}`],
    ['Prefetch hit rate', lazy ? `${percent(lazy.prefetchHitRate)} (${lazy.prefetchHits} of ${lazy.prefetchHits + lazy.prefetchMisses} elements)` : '–'],
    ['Intent → defined p50', lazy ? `${lazy.intentToDefined.p50.toFixed(1)} ms` : '–'],
    ['Element chunks loaded', lazy?.chunksLoaded ?? '–'],
    ['Pool', pool ? `${pool.mode}, ${pool.workers.length} workers, ${pool.workers.reduce((n, w) => n + w.tasks, 0)} tasks` : 'idle'],
  ];
  metrics.replaceChildren(...rows.flatMap(([k, v]) => [Object.assign(document.createElement('dt'), { textContent: k }), Object.assign(document.createElement('dd'), { textContent: String(v) })]));
}
setInterval(showMetrics, 1000);
showMetrics();
