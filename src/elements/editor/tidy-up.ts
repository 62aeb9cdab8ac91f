import { layoutInput, placeAt, topLeft, type LayoutPositions } from '../../core/auto-layout/layout-input.js';
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
  const before = editor.store.document;
  let targets: Map<string, Point>;
  try {
    targets = await layoutNodes(editor, nodes);
  } catch (error) {
    return editor.reportError(error, 'layout');
  }
  if (editor.store.document !== before) return editor.announce('The graph changed while it was being laid out: tidy up again');
  await animateMoves(editor.store, 'Tidy up', targets);
  editor.announce(`Tidied up ${nodes.length} nodes`);
}

/**
 * A graph loaded without positions (made by a program) is laid out as soon as its types are
 * known, as part of the load: no undo step, no `v2u-change`. Then it is fitted to the view.
 */
export async function layoutUnplaced(editor: EditorHost): Promise<void> {
  const store = editor.store;
  if (store.unplaced.length === 0) return;
  await editor.graphReady();
  const before = store.document;
  if (store.unplaced.length === 0) return;
  try {
    const targets = await layoutNodes(editor, before.nodes);
    if (store.document !== before) return;
    store.load({ ...before, nodes: before.nodes.map((n) => ({ ...n, position: targets.get(n.id) ?? n.position })) });
    editor.fitView();
  } catch (error) {
    editor.reportError(error, 'layout');
  }
}
