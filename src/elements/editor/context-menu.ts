import { subflowIdOf, type Point } from '../../core/index.js';
import { nodeAt } from './gestures/hit-test.js';
import type { EditorHost } from './editor-host.js';
import type { EditorAction } from './keyboard.js';
import { toGraph, toScreen } from './viewport.js';

/** One entry of the canvas's context menu: the action it performs and the key that does the same. */
export interface MenuItem {
  action: EditorAction;
  label: string;
  keys?: string;
  disabled?: boolean;
}

/** The context menu's state: where it opened (canvas pixels), its entries and the highlighted one. */
export interface ContextMenuState {
  at: Point;
  items: MenuItem[];
  active: number;
}

/** What the menu offers for the selection (or the empty canvas); entries that cannot apply are shown disabled. */
export function menuItems(editor: EditorHost): MenuItem[] {
  const nodes = editor.selection.nodes;
  const none = nodes.size === 0;
  const readOnly = !editor.editable;
  const only = nodes.size === 1 ? editor.store.state.getNode([...nodes][0]) : undefined;
  const items: MenuItem[] = only && subflowIdOf(only.type) ? [{ action: 'open-subflow', label: 'Open subflow', keys: 'Enter' }] : [];
  items.push(
    { action: 'group', label: 'Group selection', keys: 'Ctrl+G', disabled: none || readOnly },
    { action: 'make-subflow', label: 'Make subflow', disabled: none || readOnly },
    { action: 'copy', label: 'Copy', keys: 'Ctrl+C', disabled: none },
    { action: 'cut', label: 'Cut', keys: 'Ctrl+X', disabled: none || readOnly },
    { action: 'paste', label: 'Paste', keys: 'Ctrl+V', disabled: readOnly },
    { action: 'duplicate', label: 'Duplicate', keys: 'Ctrl+D', disabled: none || readOnly },
    { action: 'delete', label: 'Delete', keys: 'Delete', disabled: editor.selection.isEmpty || readOnly },
    { action: 'quick-add', label: 'Add node here', keys: '/', disabled: readOnly },
    { action: 'tidy-up', label: 'Tidy up', keys: 'Shift+Alt+L', disabled: readOnly },
  );
  return items;
}

/**
 * Where a right-click opens the menu: on the canvas only (not in a field, popover or the
 * toolbar). A node not yet selected becomes the selection, as in desktop editors.
 */
export function menuPointFor(editor: EditorHost, event: MouseEvent): Point | undefined {
  const path = event.composedPath() as Element[];
  if (!path.some((el) => el.classList?.contains('viewport')) || path.some((el) => el.matches?.('input, textarea, select, .popover, .toolbar, dialog'))) return undefined;
  const at = editor.canvasPoint(event);
  const node = nodeAt(editor, toGraph(editor.liveViewport, at));
  if (node && !editor.selection.nodes.has(node.id)) editor.select([node.id]);
  return at;
}

/** Where the keyboard (the Menu key, Shift+F10) opens it: at the focused node, else mid-canvas. */
export function menuPointForKeys(editor: EditorHost): Point {
  const node = editor.focusedNode === undefined ? undefined : editor.store.state.getNode(editor.focusedNode);
  if (node) return toScreen(editor.liveViewport, { x: node.position.x + 24, y: node.position.y + 24 });
  return { x: editor.canvasSize.width / 2, y: editor.canvasSize.height / 3 };
}
