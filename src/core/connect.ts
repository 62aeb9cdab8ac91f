import type { GraphEdge, GraphNode, PortRef } from './document.js';
import { ErrorCodes, quote, type ErrorCode } from './errors.js';
import type { PortResolver, PortSpec } from './manifest.js';
import { canReach } from './graph-algorithms.js';
import { formatPortType, isAssignable, parsePortType } from './port-types.js';

/** The read access `canConnect` needs; GraphStore provides it. */
export interface GraphReader {
  getNode(id: string): GraphNode | undefined;
  /** Every edge that starts or ends at the node. */
  edgesOf(nodeId: string): Iterable<GraphEdge>;
}

export type ConnectCheck = { ok: true } | { ok: false; code: ErrorCode; reason: string };

/**
 * Whether an edge from an output port to an input port is allowed, and if not, why:
 * missing node or port, self-loop, type mismatch, duplicate, occupied input, or a cycle.
 * Ports of node types this editor does not know are accepted as `any`.
 */
export function canConnect(graph: GraphReader, from: PortRef, to: PortRef, resolvePorts: PortResolver): ConnectCheck {
  const source = graph.getNode(from.node);
  const target = graph.getNode(to.node);
  if (!source) return no(ErrorCodes.missingNode, `no node with id ${quote(from.node)}`);
  if (!target) return no(ErrorCodes.missingNode, `no node with id ${quote(to.node)}`);
  if (from.node === to.node) return no(ErrorCodes.selfLoop, `node ${quote(from.node)} cannot feed itself`);
  const out = portOf(source, 'outputs', from.port, resolvePorts);
  const inp = portOf(target, 'inputs', to.port, resolvePorts);
  if (out === null) return no(ErrorCodes.missingPort, `node ${quote(from.node)} has no output ${quote(from.port)}`);
  if (inp === null) return no(ErrorCodes.missingPort, `node ${quote(to.node)} has no input ${quote(to.port)}`);
  const outType = parsePortType(out.type);
  const inType = parsePortType(inp.type);
  if (!isAssignable(outType, inType))
    return no(
      ErrorCodes.typeMismatch,
      `a ${formatPortType(outType)} output cannot feed the ${formatPortType(inType)} input ${quote(to.port)}`,
    );
  for (const edge of graph.edgesOf(to.node)) {
    if (edge.to.node !== to.node || edge.to.port !== to.port) continue;
    if (edge.from.node === from.node && edge.from.port === from.port)
      return no(ErrorCodes.duplicateEdge, `${quote(`${from.node}.${from.port}`)} already feeds ${quote(`${to.node}.${to.port}`)}`);
    if (!inp.multiple) return no(ErrorCodes.inputTaken, `input ${quote(to.port)} of ${quote(to.node)} is already connected`);
  }
  if (canReach(to.node, from.node, (id) => downstreamOf(graph, id)))
    return no(ErrorCodes.cycle, `connecting ${quote(from.node)} to ${quote(to.node)} would make a cycle`);
  return { ok: true };
}

function portOf(node: GraphNode, side: 'inputs' | 'outputs', port: string, resolvePorts: PortResolver) {
  const ports = resolvePorts(node.type);
  if (!ports) return { type: 'any' } satisfies PortSpec;
  return Object.hasOwn(ports[side], port) ? ports[side][port] : null;
}

/** The nodes a node's outputs feed, read from the graph's own edge index. */
function* downstreamOf(graph: GraphReader, id: string): Iterable<string> {
  for (const edge of graph.edgesOf(id)) if (edge.from.node === id) yield edge.to.node;
}

function no(code: ErrorCode, reason: string): ConnectCheck {
  return { ok: false, code, reason };
}
