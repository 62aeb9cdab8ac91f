// The basic demo: a small order-analytics flow, with the node types it uses described
// by manifests (the built-in node library will replace these).
import { ManifestMap } from '../dist/v2u-editor.js';

const manifests = new ManifestMap([
  { type: 'create/sample-data', version: 1, category: 'create', title: 'Sample orders', inputs: {}, outputs: { rows: { type: 'table' } } },
  { type: 'transform/filter', version: 1, category: 'transform', title: 'Filter rows', inputs: { rows: { type: 'table' } }, outputs: { rows: { type: 'table' } } },
  { type: 'transform/group', version: 1, category: 'transform', title: 'Group and aggregate', inputs: { rows: { type: 'table' } }, outputs: { rows: { type: 'table' } } },
  { type: 'output/table', version: 1, category: 'output', title: 'Table view', inputs: { rows: { type: 'table' } }, outputs: {} },
  { type: 'output/chart', version: 1, category: 'output', title: 'Chart', inputs: { rows: { type: 'table' } }, outputs: {} },
  { type: 'utility/note', version: 1, category: 'utility', title: 'Note', inputs: {}, outputs: {} },
]);

const flow = {
  version: 2,
  nodes: [
    { id: 'orders', type: 'create/sample-data', position: { x: 40, y: 80 }, config: { kind: 'orders', rows: 1000 } },
    { id: 'big', type: 'transform/filter', position: { x: 300, y: 80 }, config: { expression: 'amount > 100' }, label: 'Orders over 100' },
    { id: 'byRegion', type: 'transform/group', position: { x: 560, y: 80 }, config: { by: ['region'], sum: 'amount' }, label: 'Revenue by region' },
    { id: 'chart', type: 'output/chart', position: { x: 820, y: 20 }, config: { kind: 'bar' } },
    { id: 'table', type: 'output/table', position: { x: 820, y: 160 }, config: {} },
    { id: 'note', type: 'utility/note', position: { x: 40, y: 240 }, config: { text: 'Drop a script tag, get an editor.' } },
  ],
  edges: [
    { id: 'e1', from: { node: 'orders', port: 'rows' }, to: { node: 'big', port: 'rows' } },
    { id: 'e2', from: { node: 'big', port: 'rows' }, to: { node: 'byRegion', port: 'rows' } },
    { id: 'e3', from: { node: 'byRegion', port: 'rows' }, to: { node: 'chart', port: 'rows' } },
    { id: 'e4', from: { node: 'byRegion', port: 'rows' }, to: { node: 'table', port: 'rows' } },
  ],
};

const editor = document.getElementById('editor');
const log = document.getElementById('log');
editor.manifests = manifests;
editor.graph = flow;

for (const type of ['v2u-change', 'v2u-error']) {
  editor.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type}: ${JSON.stringify(event.detail.types ?? event.detail.message)}`;
    log.prepend(item);
  });
}

document.getElementById('theme').addEventListener('change', (event) => {
  if (event.target.value) editor.setAttribute('theme', event.target.value);
  else editor.removeAttribute('theme');
});
