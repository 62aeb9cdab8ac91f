import { html, svg, type TemplateResult } from 'lit';
import {
  NODE_CATEGORIES,
  NODE_HEADER,
  NODE_WIDTH,
  PORT_ROW,
  edgePath,
  nodeHeight,
  portAnchor,
  portLists,
  type GraphEdge,
  type GraphNode,
  type GraphState,
  type ManifestSource,
  type PortLists,
} from '../../core/index.js';

/**
 * Ports of a node as the view shows them: from its manifest, or for a type this editor
 * does not know, the ports its edges use, so an unknown node still shows its wiring.
 */
export function viewPorts(node: GraphNode, state: GraphState, manifests: ManifestSource): PortLists {
  const manifest = manifests.get(node.type);
  if (manifest) return portLists(manifest);
  const inputs = new Set<string>();
  const outputs = new Set<string>();
  for (const edge of state.edgesOf(node.id)) {
    if (edge.to.node === node.id) inputs.add(edge.to.port);
    if (edge.from.node === node.id) outputs.add(edge.from.port);
  }
  return { inputs: [...inputs], outputs: [...outputs] };
}

export function renderNode(node: GraphNode, ports: PortLists, manifests: ManifestSource): TemplateResult {
  const manifest = manifests.get(node.type);
  const category = manifest && NODE_CATEGORIES.includes(manifest.category) ? manifest.category : 'unknown';
  const title = node.label ?? manifest?.title ?? node.type;
  const label = manifest ? `${title} (${manifest.title})` : `${title} (unknown type ${node.type})`;
  return html`<div
    class="node"
    part="node"
    role="group"
    aria-label=${label}
    data-id=${node.id}
    data-category=${category}
    style="transform: translate(${node.position.x}px, ${node.position.y}px); width: ${NODE_WIDTH}px; height: ${nodeHeight(ports)}px"
  >
    <div class="header" part="node-header" style="height: ${NODE_HEADER}px" title=${node.type}>${title}</div>
    <div class="ports">
      ${ports.inputs.map((name, i) => renderPort(name, 'in', i))} ${ports.outputs.map((name, i) => renderPort(name, 'out', i))}
    </div>
  </div>`;
}

function renderPort(name: string, side: 'in' | 'out', index: number) {
  return html`<div
    class="port"
    part="port port-${side === 'in' ? 'input' : 'output'}"
    data-side=${side}
    data-port=${name}
    style="top: ${index * PORT_ROW}px; height: ${PORT_ROW}px"
  >
    <span class="port-dot" part="port-dot"></span><span class="port-label" part="port-label">${name}</span>
  </div>`;
}

/** All edges as paths in one SVG layer. `portsOf` is memoised by the caller. */
export function renderEdges(edges: Iterable<GraphEdge>, state: GraphState, portsOf: (node: GraphNode) => PortLists) {
  const paths: TemplateResult[] = [];
  for (const edge of edges) {
    const d = edgeGeometry(edge, state, portsOf);
    if (d) paths.push(svg`<path class="edge" part="edge" data-id=${edge.id} d=${d}></path>`);
  }
  return paths;
}

function edgeGeometry(edge: GraphEdge, state: GraphState, portsOf: (node: GraphNode) => PortLists): string | undefined {
  const from = state.getNode(edge.from.node);
  const to = state.getNode(edge.to.node);
  if (!from || !to) return undefined;
  const a = portAnchor(from, 'out', portsOf(from).outputs.indexOf(edge.from.port));
  const b = portAnchor(to, 'in', portsOf(to).inputs.indexOf(edge.to.port));
  return edgePath(a, b);
}
