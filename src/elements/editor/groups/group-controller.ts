import { isV2uError, type Change, moveGroup, snapshotGroup, ungroupCovering, updateGroup, type GraphGroup, type GraphNode, type GroupColor, type Rect, type StoreEvent } from '../../../core/index.js';
import type { EditorHost } from '../editor-host.js';
import { GroupLayout } from './group-layout.js';
import { groupTitle, renderGroups, type GroupAction } from './group-view.js';

const NUDGE = 10;
const DOUBLE_CLICK_MS = 600;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * Groups on the canvas: draws their frames (culled to the visible area), hides the members
 * of collapsed ones and routes their edges to the box, and carries out what a person does to
 * a group (create from the selection, rename, recolour, collapse, move by keyboard, ungroup).
 * Every edit goes through a store command, so it is undoable.
 */
export class GroupController {
  readonly layout: GroupLayout;
  active: string | undefined;
  renaming: string | undefined;
  private _pressed: { id: string; at: number } | undefined;
  private _unsubscribe: () => void;

  constructor(private _editor: EditorHost) {
    this.layout = new GroupLayout(() => _editor.store.state, () => _editor.view);
    _editor.view.redirect = this.layout.redirect;
    // The indexes were built without redirects: they differ only where a collapsed group hides members.
    if (this.layout.hidden.size) _editor.view.rebuild();
    this._unsubscribe = _editor.store.subscribe(this.handleChange);
    _editor.renderRoot.addEventListener('dblclick', this._onDoubleClick, true);
  }

  destroy(): void {
    this._unsubscribe();
    this._editor.renderRoot.removeEventListener('dblclick', this._onDoubleClick, true);
    if (this._editor.view.redirect === this.layout.redirect) this._editor.view.redirect = undefined;
  }

  /** The canvas's nodes without those folded into a collapsed group. */
  shownNodes(nodes: GraphNode[]): GraphNode[] {
    const hidden = this.layout.hidden;
    return hidden.size ? nodes.filter((n) => !hidden.has(n.id)) : nodes;
  }

  /** `base` grown to cover every group frame, for fitting. */
  bounds(base: Rect | undefined): Rect | undefined {
    return this.layout.bounds(base);
  }

  render(area: Rect) {
    const e = this._editor;
    return renderGroups({
      groups: this.layout.visible(area),
      shapeOf: (g) => this.layout.shapeOf(g),
      active: this.active,
      renaming: this.renaming,
      editable: e.editable,
      summary: (g) => this.summary(g),
      onAction: (g, action, value) => this.act(g, action, value),
    });
  }

  frameOf(id: string): Rect | undefined {
    const group = this._editor.store.state.getGroup(id);
    return group && this.layout.frameOf(group);
  }

  /** Shows a group's palette and makes it what Ctrl/Cmd+Shift+G removes; called when it is pressed. */
  activate(id: string): void {
    this.active = id;
    this._pressed = { id, at: performance.now() };
    this._editor.requestUpdate();
  }

  /**
   * The canvas captures the pointer, so a double-click lands on the canvas, not the label:
   * one that follows a press on a group renames it instead of opening quick-add.
   */
  private _onDoubleClick = (event: Event) => {
    const pressed = this._pressed;
    const group = pressed && performance.now() - pressed.at < DOUBLE_CLICK_MS ? this._editor.store.state.getGroup(pressed.id) : undefined;
    if (!group) return;
    event.stopPropagation();
    this.act(group, 'rename-start');
  };

  /** Groups the selected nodes (Ctrl/Cmd+G). */
  create(): void {
    const e = this._editor;
    if (!e.editable) return;
    if (e.selection.nodes.size === 0) return e.announce('Select nodes to group first');
    const group = e.store.group([...e.selection.nodes]);
    this.active = group.id;
    e.announce(`Grouped ${group.nodes.length} node${group.nodes.length === 1 ? '' : 's'}`);
  }

  /** Removes the active group, or every group the selection covers (Ctrl/Cmd+Shift+G). */
  ungroup(): void {
    const e = this._editor;
    if (!e.editable) return;
    const active = this.active && e.store.state.getGroup(this.active);
    const count = active && e.selection.nodes.size === 0 ? (e.store.ungroup(active.id), 1) : ungroupCovering(e.store, e.selection.nodes);
    e.announce(count ? `Removed ${count} group${count === 1 ? '' : 's'}` : 'No group covers the selection');
  }

  act(shown: GraphGroup, action: GroupAction, value?: string): void {
    const e = this._editor;
    // A template's handler may hold the group as it was drawn; act on what it is now.
    const group = e.store.state.getGroup(shown.id);
    if (!group) return;
    if (action === 'activate') return this.activate(group.id);
    if (!e.editable) return;
    switch (action) {
      case 'collapse':
        this.edit(group, { collapsed: !group.collapsed });
        return e.announce(`${group.collapsed ? 'Expanded' : 'Collapsed'} group ${groupTitle(group)}`);
      case 'color':
        return this.edit(group, { color: value as GroupColor });
      case 'ungroup':
        this.active = undefined;
        e.store.ungroup(group.id);
        return e.announce(`Removed group ${groupTitle(group)}`);
      case 'rename-start':
        this.renaming = group.id;
        e.requestUpdate();
        return void e.updateComplete.then(() => e.renderRoot.querySelector<HTMLInputElement>('.group-rename')?.select());
      case 'rename-commit':
      case 'rename-cancel':
        if (this.renaming !== group.id) return;
        this.renaming = undefined;
        if (action === 'rename-commit' && (value ?? '') !== (group.label ?? '')) this.edit(group, { label: value });
        e.requestUpdate();
        return void e.updateComplete.then(() => this.focusLabel(group.id));
    }
  }

  /** Keys on a focused group label: Enter or F2 renames, arrows move the group, Delete ungroups. */
  handleKeyDown(event: KeyboardEvent): boolean {
    const label = (event.composedPath() as HTMLElement[]).find((el) => el.dataset?.groupPart === 'label');
    const id = label?.closest<HTMLElement>('[data-group]')?.dataset.group;
    const group = id === undefined ? undefined : this._editor.store.state.getGroup(id);
    if (!group) return false;
    const arrow = ARROWS[event.key];
    if (event.key === 'Enter' || event.key === 'F2') this.act(group, 'rename-start');
    else if (event.key === 'Delete' || event.key === 'Backspace') this.act(group, 'ungroup');
    else if (arrow && this._editor.editable) this.nudge(group, arrow);
    else return false;
    event.preventDefault();
    return true;
  }

  private nudge(group: GraphGroup, [x, y]: [number, number]) {
    const step = this._editor.snapStep || NUDGE;
    const store = this._editor.store;
    store.transaction('Move group', () => moveGroup(store, group.id, snapshotGroup(store, group.id), { x: x * step, y: y * step }));
  }

  private edit(group: GraphGroup, patch: Parameters<typeof updateGroup>[2]) {
    try {
      updateGroup(this._editor.store, group.id, patch);
    } catch (error) {
      if (!isV2uError(error)) throw error;
      this._editor.reportError(error, 'group');
    }
  }

  private summary(group: GraphGroup): string {
    const members = new Set(group.nodes);
    let crossing = 0;
    for (const id of members) for (const edge of this._editor.store.state.edgesOf(id)) if (!members.has(edge.from.node) || !members.has(edge.to.node)) crossing++;
    return `${members.size} node${members.size === 1 ? '' : 's'}, ${crossing} connection${crossing === 1 ? '' : 's'} out`;
  }

  private focusLabel(id: string) {
    this._editor.renderRoot.querySelector<HTMLElement>(`[data-group="${CSS.escape(id)}"] .group-label`)?.focus();
  }

  /** Frames follow their members; folding moves edge ends, so those re-index. */
  private handleChange = (event: StoreEvent) => {
    this.layout.invalidate();
    const view = this._editor.view;
    if (event.origin === 'load' ? this.layout.hidden.size > 0 : event.changes.some(touchesFold)) view.rebuild();
    else if (this.layout.hidden.size && event.changes.some((c) => 'id' in c && this.layout.hidden.has(c.id as string))) view.update(event);
    if (this.active && !this._editor.store.state.getGroup(this.active)) this.active = undefined;
    this.refocus();
  };

  /** The focused node was folded away: focus moves to its group's label, the one thing left of it on screen. */
  private refocus() {
    const e = this._editor;
    const group = e.focusedNode === undefined ? undefined : this.layout.hidden.get(e.focusedNode);
    if (!group) return;
    e.focusedNode = undefined;
    void e.updateComplete.then(() => this.focusLabel(group.id));
  }
}

/** Whether a change folds, unfolds or changes the members of a collapsed group. */
function touchesFold(change: Change): boolean {
  if (change.type === 'group-update') return !!(change.before.collapsed || change.after.collapsed);
  return (change.type === 'group-add' || change.type === 'group-remove') && !!change.group.collapsed;
}
