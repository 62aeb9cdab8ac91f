import { layoutInput, placeAt, type LayoutPositions } from '../../core/auto-layout/layout-input.js';
import { topLeft } from '../../core/geometry.js';
import type { GraphNode, Point } from '../../core/index.js';
import { animateMoves } from './animate-moves.js';
import { poolOptions } from './editor-pool.js';
import type { EditorHost } from './editor-host.js';

/**
 * Lays `nodes` out left to right by the edges between them (ELK's layered algorithm, in the
 * worker pool), keeping their top-left corner where it was. The engine's chunk loads on the
 * first call.
 */
export async function layoutNodes(editor: EditorHost, nodes: GraphNode[]): Promise<Map<string, Point>> {
  const view = editor.view;
  const input = layoutInput(nodes, editor.store.state.edges(), { size: (n) => view.rectOf(n), ports: (n) => view.portsOf(n) });
  const { layoutOnPool } = await import('../../runtime/layout/layout-client.js');
  const positions: LayoutPositions = await layoutOnPool(input, poolOptions(editor));
  return new Map(Object.entries(placeAt(positions, topLeft(nodes))));
}

/**
 * Runs `task` and tells whether the graph (nodes, edges, groups, anything but the viewport)
 * changed meanwhile: a pan, a zoom or a fit does not make a layout stale.
 */
async function editedDuring<T>(editor: EditorHost, task: () => Promise<T>): Promise<{ result: T; edited: boolean }> {
  let edited = false;
  const stop = editor.store.subscribe((event) => (edited ||= event.origin === 'load' || event.changes.some((c) => c.type !== 'viewport')));
  try {
    return { result: await task(), edited };
  } finally {
    stop();
  }
}

/**
 * Tidy up: the selection (two or more nodes) or else the whole flow, laid out and glided
 * into place as one undo step. A graph edited while the layout was computed is left alone:
 * the layout would be for a graph that no longer exists.
 */
export async function tidyUp(editor: EditorHost): Promise<void> {
  if (!editor.editable) return;
  const state = editor.store.state;
  const chosen = editor.selection.nodes.size >= 2 ? [...editor.selection.nodes] : [...state.nodes()].map((n) => n.id);
  const nodes = chosen.map((id) => state.getNode(id)).filter((n): n is GraphNode => !!n);
  if (nodes.length < 2) return editor.announce('Nothing to tidy up: add some nodes first');
  let layout: { result: Map<string, Point>; edited: boolean };
  try {
    layout = await editedDuring(editor, () => layoutNodes(editor, nodes));
  } catch (error) {
    return editor.reportError(error, 'layout');
  }
  if (layout.edited) return editor.announce('The graph changed while it was being laid out: tidy up again');
  await animateMoves(editor.store, 'Tidy up', layout.result);
  editor.announce(`Tidied up ${nodes.length} nodes`);
}

/**
 * A graph loaded without positions (made by a program) is laid out as soon as its types are
 * known, as part of the load (`GraphStore.place`): no undo step, no `v2u-change`, no second
 * `v2u-ready` (the editor's ready waits for this). The view then shows it fitted, not saved.
 */
export async function layoutUnplaced(editor: EditorHost): Promise<void> {
  const store = editor.store;
  if (store.unplaced.length === 0) return;
  await editor.graphReady();
  if (store.unplaced.length === 0) return;
  try {
    const layout = await editedDuring(editor, () => layoutNodes(editor, [...store.state.nodes()]));
    if (!layout.edited) store.place(layout.result);
  } catch (error) {
    editor.reportError(error, 'layout');
  }
}
