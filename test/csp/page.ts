// Runs inside test/csp/page.html, which is served with a strict CSP. It loads the built
// bundle, edits and runs a flow in workers, then reports every CSP violation it saw to
// its parent. A final eval() must be refused and reported, proving the policy is live.
// The flow shows a table and a chart: node elements render under the policy too.
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { bundledEditor, violations } from './page-setup.js';

async function main() {
  const { editor, library } = await bundledEditor();
  await library;
  for (let i = 0; i < 100 && !editor.registry.get('output/chart'); i++) await new Promise((r) => setTimeout(r, 20));
  const n = editor.store.addNode({ type: 'create/fixture-number', position: { x: 20, y: 20 }, config: { value: 21 } });
  const d = editor.store.addNode({ type: 'transform/fixture-double', position: { x: 300, y: 20 } });
  editor.store.connect({ node: n.id, port: 'value' }, { node: d.id, port: 'value' });
  editor.store.moveNodes([{ id: d.id, position: { x: 320, y: 40 } }]);
  // A builder-made type: its expression is data the bundle's interpreter chunk runs in a worker.
  editor.registry.register({
    type: 'shop/csp-built', version: 1, category: 'transform', title: '<script>alert(1)</script>', module: 'v2u:built',
    inputs: { value: { type: 'number' } }, outputs: { value: { type: 'number' } }, config: { plus: { type: 'number', default: 8 } },
    logic: { kind: 'expression', outputs: { value: 'value + $config.plus' } },
  } as Parameters<V2uEditor['registry']['register']>[0]);
  const b = editor.store.addNode({ type: 'shop/csp-built', position: { x: 620, y: 20 } });
  editor.store.connect({ node: d.id, port: 'value' }, { node: b.id, port: 'value' });
  const orders = editor.store.addNode({ type: 'create/sample-data', position: { x: 20, y: 160 }, config: { rows: 30 } });
  const table = editor.store.addNode({ type: 'output/table', position: { x: 300, y: 160 } });
  const chart = editor.store.addNode({ type: 'output/chart', position: { x: 600, y: 160 } });
  editor.store.connect({ node: orders.id, port: 'rows' }, { node: table.id, port: 'rows' });
  editor.store.connect({ node: orders.id, port: 'rows' }, { node: chart.id, port: 'rows' });
  // Library bundles still arriving may mark nodes dirty and cancel a run: run again then,
  // as a person would press Run again.
  let summary = await editor.run();
  for (let i = 0; i < 3 && summary.status === 'cancelled'; i++) summary = await editor.run();
  await editor.updateComplete;
  const shown = await nodeElementsShown(editor, table.id, chart.id);
  const nodeTransform = (editor.shadowRoot!.querySelector(`[data-node="${d.id}"]`) as HTMLElement | null)?.style.transform;
  const tidied = await tidyUp(editor);
  await new Promise((r) => setTimeout(r, 50));
  const before = [...violations];
  let evalRefused = false;
  try {
    (0, eval)('1');
  } catch {
    evalRefused = true;
  }
  await new Promise((r) => setTimeout(r, 50));
  parent.postMessage(
    {
      kind: 'v2u-csp-report',
      violations: before,
      evalRefused,
      evalReported: violations.length > before.length,
      status: summary.status,
      output: editor.nodeState(d.id)?.output,
      builtOutput: editor.nodeState(b.id)?.output,
      mode: editor.metrics.pool?.mode,
      nodeTransform,
      tidied,
      ...shown,
    },
    '*',
  );
}

/** Tidy up (elkjs, in a worker chunk of the built bundle): how many nodes it moved. */
async function tidyUp(editor: V2uEditor): Promise<number> {
  const before = new Map([...editor.store.state.nodes()].map((n) => [n.id, n.position]));
  const changed = new Promise((resolve) => editor.addEventListener('v2u-change', resolve, { once: true }));
  editor.select([]);
  editor.perform('tidy-up');
  await Promise.race([changed, new Promise((r) => setTimeout(r, 20000))]);
  return [...editor.store.state.nodes()].filter((n) => n.position !== before.get(n.id)).length;
}

/** Waits for the table and chart elements to draw, and reads the styles they set. */
async function nodeElementsShown(editor: V2uEditor, tableId: string, chartId: string) {
  const body = (id: string) => editor.shadowRoot!.querySelector(`[data-node="${id}"] [part~="node-element"]`)?.shadowRoot;
  for (let i = 0; i < 250 && !(body(tableId)?.querySelector('[part="row"]') && body(chartId)?.querySelector('li')); i++) await new Promise((r) => setTimeout(r, 20));
  const viewport = body(tableId)?.querySelector<HTMLElement>('[part="viewport"]');
  const swatch = body(chartId)?.querySelector('li');
  return {
    tableRows: body(tableId)?.querySelectorAll('[part="row"]').length ?? 0,
    tableHeight: viewport ? getComputedStyle(viewport).maxHeight : undefined,
    chartSwatch: swatch ? getComputedStyle(swatch).getPropertyValue('--_swatch').trim() : `no legend; chart node ${editor.nodeState(chartId)?.status}`,
  };
}

main().catch((error) => parent.postMessage({ kind: 'v2u-csp-report', error: String(error), violations }, '*'));
