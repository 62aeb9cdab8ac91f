import { inlineStyle } from '../shared/inline-style.js';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  NODE_BODY,
  NODE_CATEGORIES,
  NODE_HEADER,
  NODE_STATUS,
  portsBottom,
  NODE_WIDTH,
  PORT_ROW,
  edgePath,
  nodeHeight,
  type GraphEdge,
  type GraphNode,
  type ManifestSource,
  type PortLists,
} from '../../core/index.js';
import { portKey, type ConnectPreview } from './gestures/host.js';
import type { GraphViewModel } from './view-model.js';

/** Per-render facts a node template depends on; `guard` re-renders a node only when one changes. */
export interface NodeViewState {
  selected: boolean;
  focused: boolean;
  /** Only set while a connection is dragged. */
  preview?: ConnectPreview;
  /** A digest of this node's port marks in `preview`, so only nodes whose marks change re-render. */
  marks: string;
  /** Whatever the body and status depend on (element state, run state); a change re-renders the node. */
  bodyKey?: unknown;
  runKey?: unknown;
}

/** Renders part of a node: its body (own element) or its run status. */
export type NodePartRenderer = (node: GraphNode) => unknown;

export interface NodeRenderers {
  body?: NodePartRenderer;
  status?: NodePartRenderer;
}

export function nodeTitle(node: GraphNode, manifests: ManifestSource): string {
  return node.label ?? manifests.get(node.type)?.title ?? node.type;
}

export function renderNodes(nodes: GraphNode[], view: GraphViewModel, manifests: ManifestSource, stateOf: (node: GraphNode) => NodeViewState, parts: NodeRenderers = {}) {
  return repeat(
    nodes,
    (n) => n.id,
    (n) => {
      const s = stateOf(n);
      const ports = view.portsOf(n);
      const hasBody = view.hasBody(n.type);
      return guard([n, ports, manifests, s.selected, s.focused, s.marks, hasBody, s.bodyKey, s.runKey, parts.body, parts.status], () =>
        renderNode(n, ports, manifests, s, hasBody, parts),
      );
    },
  );
}

function renderNode(node: GraphNode, ports: PortLists, manifests: ManifestSource, s: NodeViewState, hasBody: boolean, parts: NodeRenderers): TemplateResult {
  const manifest = manifests.get(node.type);
  const category = manifest && NODE_CATEGORIES.includes(manifest.category) ? manifest.category : 'unknown';
  const title = nodeTitle(node, manifests);
  const kind = manifest ? manifest.title : `unknown type ${node.type}`;
  return html`<div
    class="node ${s.selected ? 'selected' : ''}"
    part="node${s.selected ? ' node-selected' : ''}"
    role="group"
    aria-roledescription="node"
    aria-label="${title}, ${kind}${s.selected ? ', selected' : ''}"
    tabindex=${s.focused ? 0 : -1}
    data-node=${node.id}
    data-v2u-type=${node.type}
    data-category=${category}
    style=${inlineStyle(`transform: translate(${node.position.x}px, ${node.position.y}px); width: ${NODE_WIDTH}px; height: ${nodeHeight(ports, hasBody)}px`)}
  >
    <div class="header" part="node-header" title=${node.type}>${title}</div>
    ${ports.inputs.map((name, i) => renderInput(node, title, name, i, s))}
    ${ports.outputs.map((name, i) => renderOutput(title, name, i, s))}
    ${parts.status
      ? html`<div class="status" part="node-status" style=${inlineStyle(`top: ${portsBottom(ports)}px; height: ${NODE_STATUS}px`)}>${parts.status(node)}</div>`
      : nothing}
    ${hasBody
      ? html`<div class="body" part="node-body" style=${inlineStyle(`top: ${portsBottom(ports) + NODE_STATUS}px; height: ${NODE_BODY}px`)}>${parts.body?.(node)}</div>`
      : nothing}
  </div>`;
}

/**
 * One template per side, so what the side decides (part, data-side, the label's words) is
 * static text, not a binding per port. Rows are placed from the node's top.
 */
function renderInput(node: GraphNode, title: string, name: string, index: number, s: NodeViewState) {
  const key = s.preview && portKey(node.id, name);
  const verdict = key === undefined ? undefined : s.preview!.verdicts.get(key);
  const mark = verdict === undefined ? '' : verdict === true ? 'valid' : 'invalid';
  return html`<div class="port ${mark} ${key && s.preview!.hover === key ? 'hover' : ''}" part="port port-input" data-side="in" style=${inlineStyle(`top:${portTop(index)}px`)} title=${typeof verdict === 'string' ? verdict : nothing}>
    <button class="port-dot" part="port-dot" tabindex=${s.focused ? 0 : -1} data-port=${name} data-side="in" aria-label="Input ${name} of ${title}"></button
    ><span class="port-label" part="port-label">${name}</span>
  </div>`;
}

function renderOutput(title: string, name: string, index: number, s: NodeViewState) {
  return html`<div class="port" part="port port-output" data-side="out" style=${inlineStyle(`top:${portTop(index)}px`)}>
    <button class="port-dot" part="port-dot" tabindex=${s.focused ? 0 : -1} data-port=${name} data-side="out" aria-label="Output ${name} of ${title}"></button
    ><span class="port-label" part="port-label">${name}</span>
  </div>`;
}

const portTop = (index: number) => NODE_HEADER + index * PORT_ROW;

/** The digest `NodeViewState.marks` of a node's inputs under a connection preview. */
export function portMarks(node: GraphNode, ports: PortLists, preview: ConnectPreview | undefined): string {
  if (!preview) return '';
  return ports.inputs.map((p) => {
    const key = portKey(node.id, p);
    const v = preview.verdicts.get(key);
    return `${v === undefined ? '-' : v === true ? 'v' : 'x'}${preview.hover === key ? '*' : ''}`;
  }).join('');
}

export function renderEdges(edges: GraphEdge[], view: GraphViewModel, selected: Set<string>, label: (edge: GraphEdge) => string) {
  return repeat(
    edges,
    (e) => e.id,
    (e) => {
      const d = view.pathOf(e);
      const isSelected = selected.has(e.id);
      return guard([d, isSelected], () =>
        d === undefined
          ? nothing
          : svg`<g class="edge-group ${isSelected ? 'selected' : ''}" role="listitem" aria-label="Connection ${label(e)}${isSelected ? ', selected' : ''}">
              <path class="edge-hit" data-edge=${e.id} d=${d}></path>
              <path class="edge" part="edge${isSelected ? ' edge-selected' : ''}" d=${d}></path>
            </g>`,
      );
    },
  );
}

/** The edge being dragged, from its port to the pointer. */
export function renderConnectPreview(preview: ConnectPreview | undefined, view: GraphViewModel, node: GraphNode | undefined) {
  if (!preview || !node) return nothing;
  const d = edgePath(view.anchorOf(node, 'out', preview.from.port), preview.pointer);
  const verdict = preview.hover === undefined ? undefined : preview.verdicts.get(preview.hover);
  return svg`<path class="edge preview ${verdict === undefined ? '' : verdict === true ? 'valid' : 'invalid'}" part="edge-preview" d=${d}></path>`;
}
