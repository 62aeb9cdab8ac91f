// Opens the bench's probe page (bench/pages/probe.js: one editor, the built-in library) in `page`
// and loads `flow` into its editor, ready to run: the pool size set (null keeps the default), no
// auto-run, the editing code in and every type of the flow known. Shared by the heavy-run scenario
// and the heavy-run probes (profile-cpu, profile-threads, timeline-heavy).
export async function openProbeFlow(page, baseUrl, flow, poolSize = null) {
  await page.goto(`${baseUrl}/bench-page/probe`, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => window.benchProbe);
  await loadFlow(page, flow, poolSize);
}

/** Loads `flow` into the open probe page's editor, as `openProbeFlow` does (a warm-up flow, then the measured one). */
export function loadFlow(page, flow, poolSize = null) {
  return page.evaluate(async (flow, size) => {
    const editor = document.getElementById('editor');
    if (size !== null) editor.poolSize = size;
    // bench/spin: a CPU-bound node without data (the heavy run's independent branches).
    if (flow.nodes.some((n) => n.type === 'bench/spin')) {
      const base = editor.registry.get('utility/hash') ?? editor.manifests.get('utility/hash');
      const manifest = base.manifest ?? base;
      const module = new URL('/bench/pages/spin-node.js', location.href).href;
      editor.registry.register({ ...manifest, type: 'bench/spin', title: 'Spin', inputs: {}, outputs: { value: { type: 'number' } }, config: { steps: { type: 'number', default: 0 } }, performance: { backgroundProcessing: true }, module });
    }
    editor.noAutoRun = true;
    editor.graph = flow;
    await editor.updateComplete;
    await editor.whenEditable();
    for (let i = 0; i < 200 && !flow.nodes.every((n) => editor.registry.get(n.type)); i++) await new Promise((r) => setTimeout(r, 50));
  }, flow, poolSize);
}
