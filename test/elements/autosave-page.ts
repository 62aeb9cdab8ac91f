// The frame's own script: sets the storage key from the URL, waits for autosave to read its
// draft, then (with edit=1) makes one edit and tells the parent, which at once reloads or
// removes the frame; without it, it tells the parent whether the draft was offered back.
import '../../src/elements/editor/editor.js';

const params = new URLSearchParams(location.search);
const editor = document.querySelector('v2u-editor')!;
let offered: string[] | undefined;
editor.addEventListener('v2u-draft-found', (event) => (offered = event.detail.graph.nodes.map((n) => n.id)));
editor.storageKey = params.get('key')!;
await editor.updateComplete;
await editor.saveDraft();
if (params.get('edit') === '1') editor.store.addNode({ id: 'added', type: 'output/log', position: { x: 40, y: 40 } });
// What the demo does on open: set a graph in code and fit it (neither is an edit).
if (params.get('view') === '1') {
  editor.value = JSON.stringify({ version: 2, nodes: [{ id: 'shown', type: 'output/log', position: { x: 0, y: 0 } }], edges: [] });
  editor.zoomBy(1.2);
}
parent.postMessage({ kind: 'v2u-autosave-page', offered }, '*');
