import type { NodeOutputs } from '../define-node.js';
import type { Expansion } from '../structure/subflow-expand.js';
import type { NodeRunState, NodeStatus } from './types.js';

/** The status an instance shows: the first of these any inner node has ('done' only when all are). */
const PRECEDENCE: NodeStatus[] = ['error', 'running', 'queued', 'cancelled', 'idle', 'done'];

/**
 * A subflow instance's run state, made from its inner nodes' states: the worst status,
 * mean progress, summed duration, the first error, and once done its outputs taken from
 * the inner ports its output ports show.
 */
export function instanceState(expansion: Expansion, stateOf: (id: string) => NodeRunState): NodeRunState {
  const states = expansion.inner.map(stateOf);
  const status = PRECEDENCE.find((s) => states.some((st) => st.status === s)) ?? 'idle';
  const error = states.find((s) => s.error)?.error;
  const durations = states.filter((s) => s.durationMs !== undefined);
  const state: NodeRunState = { status, progress: states.reduce((sum, s) => sum + s.progress, 0) / (states.length || 1) };
  if (durations.length) state.durationMs = durations.reduce((sum, s) => sum + s.durationMs!, 0);
  if (error) state.error = error;
  if (status === 'done') {
    state.output = instanceOutputs(expansion, (id) => stateOf(id).output);
    if (states.every((s) => s.cached)) state.cached = true;
  }
  return state;
}

/** The instance's outputs, port by port, from whatever `outputOf` gives for the inner nodes. */
export function instanceOutputs(expansion: Expansion, outputOf: (id: string) => NodeOutputs | undefined): NodeOutputs {
  return Object.fromEntries(Object.entries(expansion.outputs).map(([name, ref]) => [name, outputOf(ref.node)?.[ref.port]]));
}
