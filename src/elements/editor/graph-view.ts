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
    <div class="header" part="node-header" style=${inlineStyle(`height: ${NODE_HEADER}px`)} title=${node.type}>${title}</div>
    <div class="ports">
      ${ports.inputs.map((name, i) => renderPort(node, title, name, 'in', i, s))}
      ${ports.outputs.map((name, i) => renderPort(node, title, name, 'out', i, s))}
    </div>
    <div class="status" part="node-status" style=${inlineStyle(`top: ${portsBottom(ports)}px; height: ${NODE_STATUS}px`)}>${parts.status?.(node)}</div>
    ${hasBody
      ? html`<div class="body" part="node-body" style=${inlineStyle(`top: ${portsBottom(ports) + NODE_STATUS}px; height: ${NODE_BODY}px`)}>${parts.body?.(node)}</div>`
      : nothing}
  </div>`;
}

function renderPort(node: GraphNode, title: string, name: string, side: 'in' | 'out', index: number, s: NodeViewState) {
  const verdict = side === 'in' ? s.preview?.verdicts.get(portKey(node.id, name)) : undefined;
  const mark = verdict === undefined ? '' : verdict === true ? 'valid' : 'invalid';
  const hovered = s.preview?.hover === portKey(node.id, name);
  return html`<div
    class="port ${mark} ${hovered ? 'hover' : ''}"
    part="port port-${side === 'in' ? 'input' : 'output'}"
    data-side=${side}
    style=${inlineStyle(`top: ${index * PORT_ROW}px; height: ${PORT_ROW}px`)}
    title=${typeof verdict === 'string' ? verdict : nothing}
  >
    <button
      class="port-dot"
      part="port-dot"
      tabindex=${s.focused ? 0 : -1}
      data-port=${name}
      data-side=${side}
      aria-label="${side === 'in' ? 'Input' : 'Output'} ${name} of ${title}"
    ></button
    ><span class="port-label" part="port-label">${name}</span>
  </div>`;
}

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
