// The V2U bench page: the built dist/v2u-editor.js, given the bench graph as a document.
// It uses only the element's public API and parts, so it picks up whatever the editor
// offers the day it runs.
import { ManifestMap } from '/dist/v2u-editor.js';
import { toV2uDocument, v2uManifests } from './v2u-graph.js';

// `variant=library`: the editor learns the types from its built-in library (IndexedDB cache,
// network), as a real page does; by default the page hands it manifests of its own.
const library = window.benchParams.variant === 'library';
const editor = document.createElement('v2u-editor');
editor.id = 'editor';
// The canvas alone, like the peers (which have no palette): the palette would sit where
// the harness presses for background drags. No auto-run: only drawing is measured.
editor.setAttribute('no-palette', '');
if (library) editor.setAttribute('no-auto-run', '');
else editor.manifests = new ManifestMap(v2uManifests());
// The run the editor starts by itself once its run code is in (auto-run of the loaded graph):
// listened for from the start, as it may end before `loaded()` is called.
const loadRun = new Promise((resolve) => editor.addEventListener('v2u-run-end', resolve, { once: true }));
document.body.append(editor);

const root = () => editor.shadowRoot;
const transformOf = (element) => {
  const transform = element && getComputedStyle(element).transform;
  return transform && transform !== 'none' ? new DOMMatrixReadOnly(transform) : null;
};
const nodeElement = (id) => root()?.querySelector(`[part~="node"][data-node="${CSS.escape(id)}"]`);

window.benchEditor = {
  name: 'V2U',
  ready: (async () => {
    const doc = toV2uDocument(await window.benchGraph, { library });
    editor.graph = doc;
    await editor.updateComplete;
    // Painted with types: every node with its type's real title and ports.
    await editor.whenReady();
    const readyAt = await window.benchPerf.settle();
    return { readyAt, rendered: root().querySelectorAll('[part~="node"]').length };
  })(),
  /** Resolves when the library is in and cached too: a second visit then finds it in IndexedDB. */
  settled: () => editor.graphReady(),
  /**
   * Everything a page loads after first paint is in and done: the editing code (it loads on
   * idle, or on the first press) and the auto-run it starts: its first run has ended (the run
   * code loads after the editing code and starts after a debounce, so "not running" alone may
   * be read before it began) and no run has been going for 10 frames in a row.
   * The heap "after load" is read after this, so it never depends on when the idle load ran.
   */
  async loaded() {
    await editor.whenEditable();
    if (!editor.noAutoRun) await loadRun;
    for (let quiet = 0; quiet < 10; quiet = editor.running ? 0 : quiet + 1) await window.benchPerf.nextFrame();
    return window.benchPerf.settle();
  },
  handle(id) {
    const header = nodeElement(id)?.querySelector('[part~="node-header"]');
    if (!header) return null;
    const r = header.getBoundingClientRect();
    return { x: r.left + Math.min(40, r.width / 2), y: r.top + r.height / 2 };
  },
  /**
   * Where each node is drawn (an editor may commit a drag only on release), else where the
   * document has it; the document is read once per call, as reading it may build a copy.
   */
  positions(ids) {
    let byId;
    return ids.map((id) => {
      const drawn = transformOf(nodeElement(id));
      if (drawn) return { x: drawn.e, y: drawn.f };
      byId ??= new Map(editor.graph.nodes.map((n) => [n.id, n.position]));
      const position = byId.get(id);
      return position ? { ...position } : null;
    });
  },
  viewport() {
    const drawn = transformOf(root()?.querySelector('[part~="viewport"] > :not(style)'));
    return drawn ? { x: drawn.e, y: drawn.f, zoom: drawn.a } : { ...editor.graph.viewport };
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
