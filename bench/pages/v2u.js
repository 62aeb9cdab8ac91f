// The V2U bench page: the built dist/v2u-editor.js, given the bench graph as a document.
// It uses only the public element API, so it picks up whatever the editor offers today.
import { ManifestMap } from '/dist/v2u-editor.js';
import { toV2uDocument, v2uManifests } from './v2u-graph.js';

const editor = document.createElement('v2u-editor');
editor.id = 'editor';
editor.manifests = new ManifestMap(v2uManifests());
document.body.append(editor);

const root = () => editor.shadowRoot;
const nodeElement = (id) => root()?.querySelector(`[part~="node"][data-id="${CSS.escape(id)}"]`);

window.benchEditor = {
  name: 'V2U',
  ready: (async () => {
    const doc = toV2uDocument(await window.benchGraph);
    editor.graph = doc;
    await editor.updateComplete;
    const readyAt = await window.benchPerf.settle();
    return { readyAt, rendered: root().querySelectorAll('[part~="node"]').length };
  })(),
  handle(id) {
    const header = nodeElement(id)?.querySelector('[part~="node-header"]');
    if (!header) return null;
    const r = header.getBoundingClientRect();
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
  },
  position(id) {
    const node = editor.graph.nodes.find((n) => n.id === id);
    return node ? { ...node.position } : null;
  },
  viewport() {
    return { ...editor.graph.viewport };
  },
  /** Uses a selection API if the editor has one: `select(ids)` or a `selection` property. */
  select(ids) {
    if (typeof editor.select === 'function') {
      editor.select(ids);
      return true;
    }
    if (typeof editor.setSelection === 'function') {
      editor.setSelection(ids);
      return true;
    }
    const proto = Object.getPrototypeOf(editor);
    if (Object.getOwnPropertyDescriptor(proto, 'selection')?.set) {
      editor.selection = ids;
      return true;
    }
    return false;
  },
};
