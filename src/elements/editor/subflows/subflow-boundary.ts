import { css, html, nothing, svg } from 'lit';
import { edgePath, type GraphNode, type Point, type PortRef, type Rect, type SubflowDefinition } from '../../../core/index.js';
import { inlineStyle } from '../../shared/inline-style.js';

/** How far the markers stand from the inner graph's box, and the rows between them (graph units). */
const GAP = 140;
const ROW = 44;

/** The parts of the canvas the boundary reads: where inner ports are, and the inner graph's box. */
export interface BoundaryView {
  getNode(id: string): GraphNode | undefined;
  anchorOf(node: GraphNode, side: 'in' | 'out', port: string): Point;
  bounds: Rect | undefined;
}

interface Marker {
  name: string;
  type: string;
  side: 'in' | 'out';
  at: Point;
  /** Where its dashed lines go: inner inputs for an input, the inner output for an output. */
  links: Point[];
}

function markers(def: SubflowDefinition, view: BoundaryView, box: Rect): Marker[] {
  const anchor = (ref: PortRef, side: 'in' | 'out') => {
    const node = view.getNode(ref.node);
    return node ? [view.anchorOf(node, side, ref.port)] : [];
  };
  const inputs = def.inputs.map((p, i): Marker => ({ name: p.name, type: p.type, side: 'in', at: { x: box.x - GAP, y: box.y + ROW / 2 + i * ROW }, links: p.targets.flatMap((t) => anchor(t, 'in')) }));
  const outputs = def.outputs.map((p, i): Marker => ({ name: p.name, type: p.type, side: 'out', at: { x: box.x + box.width + GAP, y: box.y + ROW / 2 + i * ROW }, links: anchor(p.from, 'out') }));
  return [...inputs, ...outputs];
}

/**
 * An opened subflow's boundary, in graph units behind its nodes: each input of the
 * definition a labelled marker left of the inner graph, each output one right of it, with
 * dashed lines to the inner ports they map to, so one sees what enters and what leaves.
 * Names are user strings and render as text; the markers take no pointer events.
 */
export function renderBoundary(def: SubflowDefinition | undefined, view: BoundaryView): unknown {
  const box = view.bounds;
  if (!def || !box) return nothing;
  const list = markers(def, view, box);
  if (!list.length) return nothing;
  const frame = { x: box.x - GAP - 10, y: box.y - 10, width: box.width + 2 * GAP + 20, height: Math.max(box.height, list.length * ROW) + 20 };
  const lines = list.flatMap((m) => m.links.map((p) => (m.side === 'in' ? edgePath(m.at, p) : edgePath(p, m.at))));
  return html`<div class="boundary" part="subflow-boundary" aria-label="Subflow boundary" role="list">
    <svg style=${inlineStyle(`left:${frame.x}px;top:${frame.y}px`)} width=${frame.width} height=${frame.height} viewBox="${frame.x} ${frame.y} ${frame.width} ${frame.height}" aria-hidden="true">
      ${lines.map((d) => svg`<path d=${d}></path>`)}
    </svg>
    ${list.map(
      (m) => html`<div
        class="boundary-port ${m.side}"
        role="listitem"
        data-boundary=${m.side}
        data-name=${m.name}
        title="${m.side === 'in' ? 'Input' : 'Output'} ${m.name}: ${m.type}"
        style=${inlineStyle(`left:${m.at.x}px;top:${m.at.y}px`)}
      >${m.side === 'in' ? 'in' : 'out'} · ${m.name}</div>`,
    )}
  </div>`;
}

/** Markers as pills over their point: an input's right edge, an output's left edge, on it. */
export const boundaryStyles = css`
  .boundary,
  .boundary svg {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
    overflow: visible;
  }
  .boundary path {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
    stroke-dasharray: 5 4;
  }
  .boundary-port {
    position: absolute;
    transform: translate(-100%, -50%);
    padding: 2px 8px;
    white-space: nowrap;
    color: var(--_fg);
    background: var(--_panel);
    border: 1.5px solid var(--_accent);
    border-radius: 999px;
  }
  .boundary-port.out {
    transform: translate(0, -50%);
  }
`;
