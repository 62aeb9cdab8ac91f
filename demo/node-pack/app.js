// Registers the ACME pack by manifest (no code loads yet), then uses it in a flow.
import { acmePack } from './manifests.js';

const editor = document.getElementById('editor');
for (const manifest of acmePack) editor.registry.register(manifest);
editor.graph = {
  version: 2,
  nodes: [
    { id: 'orders', type: 'create/sample-data', position: { x: 40, y: 40 }, config: { dataset: 'orders', rows: 100 } },
    { id: 'fx', type: 'acme/convert-currency', position: { x: 320, y: 40 }, config: { to: 'EUR' } },
    { id: 'table', type: 'output/table', position: { x: 600, y: 40 }, config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'orders', port: 'rows' }, to: { node: 'fx', port: 'rows' } },
    { id: 'e2', from: { node: 'fx', port: 'rows' }, to: { node: 'table', port: 'rows' } },
  ],
};
