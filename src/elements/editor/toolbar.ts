import { html } from 'lit';
import type { EditorHost } from './editor-host.js';
import type { EditorAction } from './keyboard.js';

interface Button {
  action: EditorAction;
  label: string;
  icon: string;
  keys: string;
  edits?: boolean;
}

const BUTTONS: Button[] = [
  { action: 'undo', label: 'Undo', icon: '↶', keys: 'Ctrl+Z', edits: true },
  { action: 'redo', label: 'Redo', icon: '↷', keys: 'Ctrl+Shift+Z', edits: true },
  { action: 'zoom-out', label: 'Zoom out', icon: '−', keys: '-' },
  { action: 'zoom-in', label: 'Zoom in', icon: '+', keys: '+' },
  { action: 'fit-view', label: 'Fit view', icon: '⤢', keys: '0' },
  { action: 'tidy-up', label: 'Tidy up', icon: 'Tidy up', keys: 'Shift+Alt+L', edits: true },
  { action: 'quick-add', label: 'Add node', icon: '+ Node', keys: '/', edits: true },
  { action: 'delete', label: 'Delete selection', icon: 'Delete', keys: 'Delete', edits: true },
  { action: 'group', label: 'Group selection', icon: '▣ Group', keys: 'Ctrl+G', edits: true },
  { action: 'ungroup', label: 'Ungroup', icon: 'Ungroup', keys: 'Ctrl+Shift+G', edits: true },
  { action: 'make-subflow', label: 'Make subflow of the selection', icon: '⧉ Subflow', keys: 'toolbar', edits: true },
];

/** The toolbar's buttons: actions, run controls, and the box-select and snap toggles. */
export function renderToolbarItems(editor: EditorHost) {
  const disabled = (b: Button) =>
    (b.edits && !editor.editable) ||
    (b.action === 'undo' && !editor.store.canUndo) ||
    (b.action === 'redo' && !editor.store.canRedo) ||
    ((b.action === 'delete' || b.action === 'group' || b.action === 'make-subflow') && editor.selection.isEmpty);
  return html`${BUTTONS.map(
      (b) => html`<button
        type="button"
        data-action=${b.action}
        aria-label=${b.label}
        title="${b.label} (${b.keys})"
        ?disabled=${disabled(b)}
        @click=${() => editor.perform(b.action)}
      >
        ${b.icon}
      </button>`,
    )}
    <button type="button" data-action="run" title="Run the whole flow again" ?disabled=${editor.running} @click=${() => void editor.run({ all: true })}>▶ Run</button>
    <button type="button" data-action="cancel" title="Cancel the run" ?disabled=${!editor.running} @click=${() => editor.cancel()}>■ Cancel</button>
    ${TOGGLES.map(
      (t) => html`<button type="button" data-action=${t.action} aria-pressed=${t.on(editor) ? 'true' : 'false'} title=${t.title} @click=${() => t.flip(editor)}>
        ${t.label}
      </button>`,
    )}`;
}

interface Toggle {
  action: string;
  label: string;
  title: string;
  on(editor: EditorHost): boolean;
  flip(editor: EditorHost): void;
}

/** Modes the toolbar switches on and off (shown pressed when on). */
const TOGGLES: Toggle[] = [
  { action: 'auto-run', label: 'Auto', title: 'Run changed nodes after each edit', on: (e) => !e.noAutoRun, flip: (e) => (e.noAutoRun = !e.noAutoRun) },
  { action: 'box-select', label: '⬚ Select', title: 'Box select (or Shift-drag)', on: (e) => e.boxMode, flip: (e) => (e.boxMode = !e.boxMode) },
  { action: 'snap', label: '⊞ Snap', title: 'Snap to grid', on: (e) => e.snapToGrid, flip: (e) => (e.snapToGrid = !e.snapToGrid) },
];
