// Reports which V2U features the built dist/ offers, so each V2U-only scenario can run
// what exists and say "n/a (feature not built yet)" for the rest. It reads only the public
// surface: module exports, element methods and properties, defined elements, parts.
import * as v2u from '/dist/v2u-editor.js';

const editor = document.createElement('v2u-editor');
editor.id = 'editor';
document.body.append(editor);

const has = (name) => typeof editor[name] === 'function';

window.benchProbe = (async () => {
  await editor.updateComplete;
  await editor.whenEditable?.();
  // The built-in library registers asynchronously: give it a few seconds to arrive.
  for (let i = 0; i < 100 && !editor.manifests?.get?.('transform/group'); i++) await new Promise((r) => setTimeout(r, 50));
  await window.benchPerf.settle();
  const registry = editor.registry ?? null;
  return {
    exports: Object.keys(v2u).sort(),
    methods: ['run', 'cancel', 'fitView', 'select'].filter(has),
    run: has('run'),
    pool: editor.metrics && 'pool' in editor.metrics ? (editor.metrics.pool ?? {}) : null,
    poolSizeProperty: 'poolSize' in editor,
    registry: registry ? { metrics: registry.metrics ?? null } : null,
    palette: Boolean(customElements.get('v2u-palette') || editor.shadowRoot.querySelector('[part~="palette"]')),
    orderNodes: ['create/sample-data', 'transform/filter', 'transform/group', 'output/table'].filter((t) => editor.manifests?.get?.(t)),
  };
})();
