import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Rect } from '../../core/index.js';
import { createBoxSelect } from './gestures/box-select.js';
import { createConnect } from './gestures/connect.js';
import { createNodeDrag } from './gestures/drag.js';
import { createGroupDrag } from './gestures/group-drag.js';
import type { CanvasHost, Gesture } from './gestures/host.js';
import { pressTarget } from './gestures/hit-test.js';
import { createPan, createPinch } from './gestures/pan.js';
import { toGraph, zoomAround } from './viewport.js';

export interface PointerHost extends CanvasHost, ReactiveControllerHost, HTMLElement {
  /** The toolbar's box-select mode: background drags select instead of panning. */
  readonly boxMode: boolean;
  /** The graph area on screen plus a margin, for connection previews. */
  visibleArea(): Rect;
  /** Remembers the pointer for paste-at-pointer. */
  notePointer(event: PointerEvent): void;
}

type Target =
  | { kind: 'port'; node: string; port: string; side: 'in' | 'out' }
  | { kind: 'node'; node: string }
  | { kind: 'edge'; edge: string }
  | { kind: 'group'; group: string; resize: boolean }
  | { kind: 'background' };

const WHEEL_COMMIT_MS = 250;

/**
 * Routes pointer and wheel input on the canvas to small gesture factories (pan, pinch,
 * drag, connect, box select), one per active pointer, and tears them down on disconnect.
 */
export class PointerController implements ReactiveController {
  private _gestures = new Map<number, Gesture>();
  private _downs = new Map<number, PointerEvent>();
  private _wheelTimer: ReturnType<typeof setTimeout> | undefined;
  private _clearOnClick = false;

  /** `groups` reaches the lazy groups code: a group's frame, and which group a press made active. */
  constructor(
    private _host: PointerHost,
    private _groups?: { frameOf(id: string): Rect | undefined; activate(id: string): void },
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('wheel', this.handleWheel, { passive: false });
  }

  hostDisconnected(): void {
    this._host.removeEventListener('wheel', this.handleWheel);
    clearTimeout(this._wheelTimer);
    for (const gesture of this._gestures.values()) gesture.destroy();
    this._gestures.clear();
    this._downs.clear();
  }

  readonly handleDown = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse' && event.button !== 0 && event.button !== 1) return;
    // A pointerdown replayed after the editing code loaded has no currentTarget (the editor captured it then).
    (event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId);
    this._downs.set(event.pointerId, event);
    if (this._downs.size === 2) return this.startPinch();
    const gesture = event.button === 1 ? createPan(this._host, event) : this.startFor(this.target(event), event);
    if (gesture) this._gestures.set(event.pointerId, gesture);
  };

  readonly handleMove = (event: PointerEvent): void => {
    this._host.notePointer(event);
    this._gestures.get(event.pointerId)?.update(event);
  };

  readonly handleUp = (event: PointerEvent): void => {
    const gesture = this._gestures.get(event.pointerId);
    this._gestures.delete(event.pointerId);
    this._downs.delete(event.pointerId);
    gesture?.end(event);
    if (this._clearOnClick && gesture && !(gesture as { moved?: boolean }).moved) this._host.select([]);
    this._clearOnClick = false;
  };

  readonly handleCancel = (event: PointerEvent): void => {
    this._gestures.get(event.pointerId)?.destroy();
    this._gestures.delete(event.pointerId);
    this._downs.delete(event.pointerId);
  };

  private readonly handleWheel = (event: WheelEvent): void => {
    if (!event.composedPath().some((el) => (el as Element).classList?.contains('viewport'))) return;
    event.preventDefault();
    const host = this._host;
    const v = host.liveViewport;
    if (event.ctrlKey || event.metaKey) host.showViewport(zoomAround(v, host.canvasPoint(event), Math.exp(-event.deltaY * 0.002), host.zoomLimits));
    else host.showViewport({ ...v, x: v.x - event.deltaX, y: v.y - event.deltaY });
    clearTimeout(this._wheelTimer);
    this._wheelTimer = setTimeout(() => host.commitViewport(), WHEEL_COMMIT_MS);
  };

  /**
   * What a press aims at. Nodes and ports come from the spatial index, so a press hits the
   * same node whether it is a DOM shell, a simplified shape or drawn on the canvas layer;
   * the DOM still answers for group frames, edges and anything over the graph (popovers).
   */
  private target(event: PointerEvent): Target {
    const dom = classify(event);
    const onGraph = event.composedPath().some((el) => (el as Element).classList?.contains('layer'));
    if (!onGraph && dom.kind !== 'background') return dom;
    const host = this._host;
    const hit = pressTarget(host, toGraph(host.liveViewport, host.canvasPoint(event)));
    if (hit?.port) return { kind: 'port', ...hit.port };
    if (hit) return { kind: 'node', node: hit.node.id };
    return dom.kind === 'node' || dom.kind === 'port' ? { kind: 'background' } : dom;
  }

  private startFor(target: Target, event: PointerEvent): Gesture | undefined {
    const host = this._host;
    const additive = event.shiftKey || event.ctrlKey || event.metaKey;
    switch (target.kind) {
      case 'port':
        return this.startConnect(target);
      case 'node':
        if (additive) host.select(toggled(host.selection.nodes, target.node), host.selection.edges);
        else if (!host.selection.nodes.has(target.node)) host.select([target.node]);
        return host.editable && host.selection.nodes.has(target.node) ? createNodeDrag(host, event, host.selection.nodes) : undefined;
      case 'edge':
        host.select(additive ? host.selection.nodes : [], additive ? toggled(host.selection.edges, target.edge) : [target.edge]);
        return undefined;
      case 'group': {
        host.select([]);
        this._groups?.activate(target.group);
        const frame = this._groups?.frameOf(target.group);
        return host.editable && frame ? createGroupDrag(host, event, target.group, frame, target.resize) : undefined;
      }
      case 'background':
        if (event.shiftKey || host.boxMode) return createBoxSelect(host, event, event.shiftKey);
        this._clearOnClick = true;
        return createPan(host, event);
    }
  }

  private startConnect(target: Extract<Target, { kind: 'port' }>): Gesture | undefined {
    const host = this._host;
    if (!host.editable) return undefined;
    if (target.side === 'out') return createConnect(host, target, host.visibleArea());
    const edge = [...host.store.state.edgesOf(target.node)].find((e) => e.to.node === target.node && e.to.port === target.port);
    return edge ? createConnect(host, { ...edge.from, side: 'out' }, host.visibleArea(), edge) : undefined;
  }

  private startPinch() {
    for (const gesture of this._gestures.values()) gesture.destroy();
    this._gestures.clear();
    const [a, b] = [...this._downs.values()];
    const pinch = createPinch(this._host, a, b);
    this._gestures.set(a.pointerId, pinch);
    this._gestures.set(b.pointerId, pinch);
  }
}

function classify(event: Event): Target {
  for (const el of event.composedPath()) {
    if (!(el instanceof Element)) continue;
    const data = (el as HTMLElement).dataset ?? {};
    if (data.port && data.side) {
      const node = el.closest<HTMLElement>('[data-node]')?.dataset.node;
      if (node) return { kind: 'port', node, port: data.port, side: data.side as 'in' | 'out' };
    }
    if (data.node) return { kind: 'node', node: data.node };
    if (data.groupPart) {
      const group = el.closest<HTMLElement>('[data-group]')?.dataset.group;
      if (group) return { kind: 'group', group, resize: data.groupPart === 'resize' };
    }
    if (data.edge) return { kind: 'edge', edge: data.edge };
    if (el.classList.contains('viewport')) break;
  }
  return { kind: 'background' };
}

function toggled(set: Set<string>, id: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
