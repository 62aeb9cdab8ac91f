import { clampPoint, isV2uError, type GraphFragment, type GraphNode, type NodeManifest, type Point, type PortRef } from '../../core/index.js';
import { topLeft } from '../../core/geometry.js';
import { readFragment, writeFragment } from './clipboard.js';
import { menuItems, menuPointForKeys, type ContextMenuState, type MenuItem } from './context-menu.js';
import { DIRECTION_VECTORS, nearestInDirection, type Direction, type EditorAction } from './keyboard.js';
import { centerOn } from './viewport.js';
import type { EditorHost } from './editor-host.js';
import { nodeTitle } from './graph-view.js';
import { tidyUp } from './tidy-up.js';

/** One choice in the keyboard connection list. */
export interface ConnectOption {
  from: PortRef;
  to: PortRef;
  label: string;
  /** True, or why the connection is refused. */
  verdict: true | string;
}

const NUDGE = 10;
const PASTE_STEP = 24;
/** How close a pasted node may land to an existing node's corner before the paste moves aside. */
const PASTE_NEAR = 12;

/**
 * What toolbar buttons, keys and popovers do. Each action goes through the store's
 * commands, so it is validated, undoable and announced.
 */
export class EditorActions {
  /** Open keyboard connection list, if any. */
  connectList: { title: string; options: ConnectOption[]; active: number } | undefined;
  /** Open quick-add search, if any, and where the node will go. */
  quickAdd: { at: Point; query: string; active: number } | undefined;
  /** The context menu (right-click, the Menu key or Shift+F10), while open. */
  menu: ContextMenuState | undefined;

  constructor(
    private _editor: EditorHost,
    private _structure?: { create(): void; ungroup(): void; makeSubflow(): void; openSubflow(): void; buildType(): void },
  ) {}

  perform(action: EditorAction): void {
    const e = this._editor;
    if (action.startsWith('focus-')) return this.moveFocus(action.slice(6) as Direction);
    if (action.startsWith('nudge-')) return this.nudge(action.slice(6) as Direction);
    switch (action) {
      case 'undo':
      case 'redo':
        if (e[action]()) e.announce(action === 'undo' ? 'Undone' : 'Redone');
        return;
      case 'delete':
        return this.deleteSelection();
      case 'select-all':
        // Members folded into a collapsed group are not shown, so not selected either.
        return e.select(this.shownNodes().map((n) => n.id));
      case 'copy':
      case 'cut':
        return void this.copy(action === 'cut');
      case 'paste':
        return void this.paste();
      case 'duplicate':
        return this.duplicate();
      case 'zoom-in':
        return e.zoomBy(1.25);
      case 'zoom-out':
        return e.zoomBy(0.8);
      case 'fit-view':
        return e.fitView();
      case 'escape':
        return this.escape();
      case 'quick-add':
        if (e.editable) this.quickAdd = { at: e.pointerOrCenter(), query: '', active: 0 };
        return e.requestUpdate();
      case 'connect':
        return this.openConnectList();
      case 'toggle-select':
        if (e.focusedNode) e.select([e.focusedNode]);
        return;
      case 'next-edge':
        return this.selectNextEdge();
      case 'tidy-up':
        return void tidyUp(e);
      case 'group':
        return this._structure?.create();
      case 'ungroup':
        return this._structure?.ungroup();
      case 'make-subflow':
        return this._structure?.makeSubflow();
      case 'open-subflow':
        return this._structure?.openSubflow();
      case 'new-node-type':
        return this._structure?.buildType();
      case 'context-menu':
        return this.openMenu(menuPointForKeys(e));
      case 'toggle-inspector':
        return e.renderRoot.querySelector('v2u-inspector-dock')?.toggle();
    }
  }

  deleteSelection(): void {
    const e = this._editor;
    if (!e.editable || e.selection.isEmpty) return;
    const { nodes, edges } = e.selection;
    e.store.transaction('Delete', () => {
      e.store.disconnect(edges);
      e.store.removeNodes(nodes);
    });
    e.announce(`Deleted ${nodes.size} node${nodes.size === 1 ? '' : 's'} and ${edges.size} connection${edges.size === 1 ? '' : 's'}`);
  }

  async copy(cut: boolean): Promise<void> {
    const e = this._editor;
    if (e.selection.nodes.size === 0) return;
    const fragment = e.store.copy(e.selection.nodes);
    const where = await writeFragment(fragment);
    e.announce(`Copied ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}${where === 'memory' ? ' (clipboard refused; kept in the editor)' : ''}`);
    if (cut && e.editable) {
      e.store.removeNodes(fragment.nodes.map((n) => n.id));
    }
  }

  async paste(): Promise<void> {
    const e = this._editor;
    if (!e.editable) return;
    let fragment: GraphFragment | undefined;
    try {
      fragment = await readFragment(e.manifests);
    } catch (error) {
      return e.reportError(error, 'paste');
    }
    if (!fragment || fragment.nodes.length === 0) return e.announce('Nothing to paste');
    this.insert(fragment, e.pointerOrCenter());
  }

  duplicate(): void {
    const e = this._editor;
    if (!e.editable || e.selection.nodes.size === 0) return;
    const fragment = e.store.copy(e.selection.nodes);
    const first = fragment.nodes[0].position;
    this.insert(fragment, { x: first.x + PASTE_STEP, y: first.y + PASTE_STEP });
  }

  /** Adds a fragment with its top-left node at `at`, selects it. */
  private insert(fragment: GraphFragment, at: Point) {
    const e = this._editor;
    const { x: minX, y: minY } = topLeft(fragment.nodes);
    const offset = this.freeOffset(fragment.nodes.map((n) => n.position), { x: at.x - minX, y: at.y - minY }, PASTE_STEP, (p) => this.nodeAt(p));
    const pasted = e.store.paste(fragment, offset);
    e.select(pasted.nodes.map((n) => n.id));
    e.announce(`Pasted ${pasted.nodes.length} node${pasted.nodes.length === 1 ? '' : 's'}`);
  }

  /** Adds a node of `manifest`'s type at a graph point, selects and focuses it. */
  addNode(manifest: NodeManifest, at: Point): void {
    const e = this._editor;
    if (!e.editable) return;
    const node = e.store.addNode({ type: manifest.type, position: clampPoint(this.freeSpot(at)), config: {} });
    e.select([node.id]);
    e.announce(`Added ${manifest.title}`);
    void e.focusNode(node.id);
  }

  /** `at`, or the first spot down and right of it where no node sits yet. */
  private freeSpot(at: Point): Point {
    const index = this._editor.view.nodeIndex;
    const offset = this.freeOffset([at], { x: 0, y: 0 }, 30, (p) => index.query({ ...p, width: 40, height: 30 }).size > 0);
    return { x: at.x + offset.x, y: at.y + offset.y };
  }

  /**
   * `offset`, or the first one down and right of it (in `step`s) at which none of `points`
   * is `taken`: a paste over its originals, or over an earlier paste, moves aside, so
   * repeated pastes cascade instead of stacking.
   */
  private freeOffset(points: Point[], offset: Point, step: number, taken: (p: Point) => boolean): Point {
    let o = offset;
    for (let i = 0; i < 40 && points.some((p) => taken({ x: p.x + o.x, y: p.y + o.y })); i++) o = { x: o.x + step, y: o.y + step };
    return o;
  }

  /** Whether a node's top-left corner sits within a few units of `p` (a paste there would hide it). */
  private nodeAt(p: Point): boolean {
    const e = this._editor;
    const near = (q: Point) => Math.abs(q.x - p.x) < PASTE_NEAR && Math.abs(q.y - p.y) < PASTE_NEAR;
    const box = { x: p.x - PASTE_NEAR, y: p.y - PASTE_NEAR, width: 2 * PASTE_NEAR, height: 2 * PASTE_NEAR };
    return [...e.view.nodeIndex.query(box)].some((id) => near(e.store.state.getNode(id)?.position ?? { x: NaN, y: NaN }));
  }

  centerOn(point: Point): void {
    const e = this._editor;
    e.showViewport(centerOn(e.liveViewport, point, e.canvasSize));
    e.commitViewport();
  }

  applyInspector(detail: { id: string; patch: Record<string, unknown>; label?: string | null }): void {
    const e = this._editor;
    if (!e.editable) return;
    try {
      if (detail.label !== undefined) e.store.setLabel(detail.id, detail.label === null || detail.label === '' ? undefined : detail.label);
      if (Object.keys(detail.patch).length) e.store.updateConfig(detail.id, detail.patch);
    } catch (error) {
      e.reportError(error, 'inspector');
    }
  }

  /** Keyboard connection: candidates for the focused port, or the focused node's first output. */
  openConnectList(port?: { node: string; port: string; side: 'in' | 'out' }): void {
    const e = this._editor;
    if (!e.editable) return;
    const nodeId = port?.node ?? e.focusedNode;
    const node = nodeId === undefined ? undefined : e.store.state.getNode(nodeId);
    if (!node) return e.announce('Focus a node or a port first');
    const ports = e.view.portsOf(node);
    const side = port?.side ?? (ports.outputs.length ? 'out' : 'in');
    const name = port?.port ?? (side === 'out' ? ports.outputs[0] : ports.inputs[0]);
    if (name === undefined) return e.announce(`${nodeTitle(node, e.manifests)} has no ports`);
    const options = this.candidates(node.id, name, side);
    const title = `Connect ${side === 'out' ? 'output' : 'input'} ${name} of ${nodeTitle(node, e.manifests)}`;
    this.connectList = { title, options, active: Math.max(0, options.findIndex((o) => o.verdict === true)) };
    e.requestUpdate();
  }

  pickConnection(option: ConnectOption): void {
    const e = this._editor;
    if (option.verdict !== true) return e.announce(`Cannot connect: ${option.verdict}`);
    try {
      e.store.connect(option.from, option.to);
      e.announce(`Connected ${option.label}`);
    } catch (error) {
      return e.reportError(error, 'connect');
    }
    this.closePopovers();
  }

  /** Opens the context menu at a canvas point, for the selection as it is now. */
  openMenu(at: Point): void {
    this.closePopovers();
    const { width, height } = this._editor.canvasSize;
    const items = menuItems(this._editor);
    // Kept on the canvas: a right-click near its right or bottom edge opens the menu leftward or upward.
    const inside = { x: Math.max(0, Math.min(at.x, width - 240)), y: Math.max(0, Math.min(at.y, height - 30 * items.length - 16)) };
    this.menu = { at: inside, items, active: Math.max(0, items.findIndex((i) => !i.disabled)) };
    this._editor.requestUpdate();
  }

  /** Performs a menu entry (a disabled one does nothing) and closes the menu. */
  pickMenu(item: MenuItem | undefined): void {
    if (!item || item.disabled) return;
    this.closePopovers();
    this.perform(item.action);
  }

  /** Whether a popover (connect list, quick add, context menu) is open. */
  get popoverOpen(): boolean {
    return !!(this.connectList || this.quickAdd || this.menu);
  }

  closePopovers(): void {
    const hadFocus = this.popoverOpen;
    this.connectList = undefined;
    this.quickAdd = undefined;
    this.menu = undefined;
    this._editor.requestUpdate();
    if (hadFocus && this._editor.focusedNode) void this._editor.focusNode(this._editor.focusedNode);
  }

  private candidates(nodeId: string, port: string, side: 'in' | 'out'): ConnectOption[] {
    const e = this._editor;
    const self = e.store.state.requireNode(nodeId);
    const options: ConnectOption[] = [];
    const byDistance = [...e.store.state.nodes()]
      .filter((n) => n.id !== nodeId)
      .sort((a, b) => distance(a.position, self.position) - distance(b.position, self.position))
      .slice(0, 40);
    for (const other of byDistance) {
      const otherPorts = e.view.portsOf(other);
      for (const p of side === 'out' ? otherPorts.inputs : otherPorts.outputs) {
        const from = side === 'out' ? { node: nodeId, port } : { node: other.id, port: p };
        const to = side === 'out' ? { node: other.id, port: p } : { node: nodeId, port };
        const check = e.store.check(from, to);
        options.push({ from, to, label: e.describeEdge({ id: '', from, to }), verdict: check.ok ? true : check.reason });
      }
    }
    return options;
  }

  /** Cycles the selection through the focused node's connections, so edges are reachable by keyboard. */
  private selectNextEdge() {
    const e = this._editor;
    if (!e.focusedNode) return e.announce('Focus a node first');
    const edges = [...e.store.state.edgesOf(e.focusedNode)];
    if (edges.length === 0) return e.announce('This node has no connections');
    const current = edges.findIndex((edge) => e.selection.edges.has(edge.id));
    const edge = edges[(current + 1) % edges.length];
    e.select([], [edge.id]);
    e.announce(`Connection ${e.describeEdge(edge)} selected; Delete removes it`);
  }

  private escape() {
    const e = this._editor;
    if (this.popoverOpen) return this.closePopovers();
    e.select([]);
  }

  private moveFocus(direction: Direction) {
    const e = this._editor;
    const state = e.store.state;
    const current = e.focusedNode ? state.getNode(e.focusedNode) : undefined;
    if (!current) {
      const first = e.visibleNodes()[0];
      return void (first && e.focusNode(first.id));
    }
    const shown = this.shownNodes().filter((n) => n.id !== current.id);
    const next = nearestInDirection(current.position, direction, shown.map((n) => [n.id, n.position]));
    if (next) void this.focusAndReveal(next);
  }

  /** Nodes the canvas shows (those in the spatial index): members folded into a collapsed group are left out. */
  private shownNodes(): GraphNode[] {
    const e = this._editor;
    return [...e.store.state.nodes()].filter((n) => e.view.nodeIndex.rectOf(n.id));
  }

  private async focusAndReveal(id: string) {
    const e = this._editor;
    const node = e.store.state.requireNode(id);
    const visible = e.view.nodeIndex.query(e.visibleArea());
    if (!visible.has(id)) this.centerOn(node.position);
    await e.focusNode(id);
    e.announce(nodeTitle(node, e.manifests));
  }

  private nudge(direction: Direction) {
    const e = this._editor;
    if (!e.editable || e.selection.nodes.size === 0) return;
    const v = DIRECTION_VECTORS[direction];
    const step = e.snapStep || NUDGE;
    try {
      e.store.moveNodes(
        [...e.selection.nodes].map((id) => {
          const p = e.store.state.requireNode(id).position;
          return { id, position: { x: p.x + v.x * step, y: p.y + v.y * step } };
        }),
      );
    } catch (error) {
      if (!isV2uError(error)) throw error;
      e.reportError(error, 'nudge');
    }
  }
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

