import { html, nothing } from 'lit';
import { Boxes, FolderOpen, Group, Magnet, Maximize, Network, PackagePlus, Play, Plus, Redo2, Square, SquareDashed, Trash, Undo2, Ungroup, Zap, ZoomIn, ZoomOut } from '../icons/lucide.js';
import type { IconShape } from '../../core/icon.js';
import { renderIcon } from '../icons/icon.js';
import type { EditorHost } from './editor-host.js';
import type { EditorAction } from './keyboard.js';

interface Button {
  action: EditorAction;
  label: string;
  icon: Icon;
  /** Text shown beside the icon; icon-only buttons are named by `aria-label`. */
  text?: string;
  /** The keyboard shortcut shown in the tooltip; none for toolbar-only actions. */
  keys?: string;
  edits?: boolean;
}

type Icon = readonly IconShape[];
const icon = (shapes: unknown) => shapes as Icon;

/** The icon, then the text if any: one look for every toolbar button. */
const face = (shapes: Icon, text?: string) => html`${renderIcon(shapes)}${text ? html`<span class="tb-text">${text}</span>` : nothing}`;

const BUTTONS: Button[] = [
  { action: 'undo', label: 'Undo', icon: icon(Undo2), keys: 'Ctrl+Z', edits: true },
  { action: 'redo', label: 'Redo', icon: icon(Redo2), keys: 'Ctrl+Shift+Z', edits: true },
  { action: 'zoom-out', label: 'Zoom out', icon: icon(ZoomOut), keys: '-' },
  { action: 'zoom-in', label: 'Zoom in', icon: icon(ZoomIn), keys: '+' },
  { action: 'fit-view', label: 'Fit view', icon: icon(Maximize), keys: '0' },
  { action: 'tidy-up', label: 'Tidy up', icon: icon(Network), text: 'Tidy up', keys: 'Shift+Alt+L', edits: true },
  { action: 'quick-add', label: 'Add node', icon: icon(Plus), text: 'Node', keys: '/', edits: true },
  { action: 'delete', label: 'Delete selection', icon: icon(Trash), keys: 'Delete', edits: true },
  { action: 'group', label: 'Group selection', icon: icon(Group), text: 'Group', keys: 'Ctrl+G', edits: true },
  { action: 'ungroup', label: 'Ungroup', icon: icon(Ungroup), keys: 'Ctrl+Shift+G', edits: true },
  { action: 'make-subflow', label: 'Make subflow of the selection', icon: icon(Boxes), text: 'Subflow', edits: true },
  { action: 'open-subflow', label: 'Open the selected subflow', icon: icon(FolderOpen), keys: 'Enter, or double-click' },
  { action: 'new-node-type', label: 'New node type (node builder)', icon: icon(PackagePlus), edits: true },
];

/** The toolbar's buttons: actions, run controls, and the box-select and snap toggles; Open subflow needs `instanceSelected`. */
export function renderToolbarItems(editor: EditorHost, instanceSelected = false) {
  const disabled = (b: Button) =>
    (b.edits && !editor.editable) ||
    (b.action === 'undo' && !editor.store.canUndo) ||
    (b.action === 'redo' && !editor.store.canRedo) ||
    ((b.action === 'delete' || b.action === 'group' || b.action === 'make-subflow') && editor.selection.isEmpty) ||
    (b.action === 'open-subflow' && !instanceSelected);
  return html`${BUTTONS.map(
      (b) => html`<button
        type="button"
        data-action=${b.action}
        aria-label=${b.label}
        title="${b.keys ? `${b.label} (${b.keys})` : b.label}"
        ?disabled=${disabled(b)}
        @click=${() => editor.perform(b.action)}
      >${face(b.icon, b.text)}</button>`,
    )}
    <button type="button" data-action="run" aria-label="Run" title="Run the whole flow again" ?disabled=${editor.running} @click=${() => void editor.run({ all: true })}>${face(icon(Play), 'Run')}</button>
    <button type="button" data-action="cancel" aria-label="Cancel" title="Cancel the run" ?disabled=${!editor.running} @click=${() => editor.cancel()}>${face(icon(Square), 'Cancel')}</button>
    ${TOGGLES.map(
      (t) => html`<button type="button" data-action=${t.action} aria-label=${t.label} aria-pressed=${t.on(editor) ? 'true' : 'false'} title=${t.title} @click=${() => t.flip(editor)}>${face(t.icon, t.label)}</button>`,
    )}`;
}

interface Toggle {
  action: string;
  label: string;
  icon: Icon;
  title: string;
  on(editor: EditorHost): boolean;
  flip(editor: EditorHost): void;
}

/** Modes the toolbar switches on and off (shown pressed when on). */
const TOGGLES: Toggle[] = [
  { action: 'auto-run', label: 'Auto', icon: icon(Zap), title: 'Run changed nodes after each edit', on: (e) => !e.noAutoRun, flip: (e) => (e.noAutoRun = !e.noAutoRun) },
  { action: 'box-select', label: 'Select', icon: icon(SquareDashed), title: 'Box select (or Shift-drag)', on: (e) => e.boxMode, flip: (e) => (e.boxMode = !e.boxMode) },
  { action: 'snap', label: 'Snap', icon: icon(Magnet), title: 'Snap to grid', on: (e) => e.snapToGrid, flip: (e) => (e.snapToGrid = !e.snapToGrid) },
];
