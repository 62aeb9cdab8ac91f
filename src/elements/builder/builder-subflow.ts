import { definitionsOf, GraphStore, makeSubflow, type SubflowDefinition } from '../../core/index.js';
import { fieldRows, port, type Draft } from './builder-draft.js';

const SELECTION = 'selection';

/** Where a subflow-kind type's flow can come from: the graph's subflow definitions, and the selection. */
export function subflowChoices(store: GraphStore, selected: ReadonlySet<string>): Array<readonly [string, string]> {
  const choices = definitionsOf(store).map((d) => [`subflow:${d.id}`, `Subflow “${d.title}” (${d.nodes.length} nodes)`] as const);
  return selected.size ? [[SELECTION, `The selection (${selected.size} nodes)`] as const, ...choices] : choices;
}

/**
 * The draft changes that make `choice` the type's logic: the flow, and ports from its
 * boundary (the type's ports are the subflow's). The selection becomes a subflow in a scratch
 * copy of the graph, through the same `makeSubflow` as the toolbar's, so the graph is untouched.
 */
export function subflowFrom(store: GraphStore, selected: ReadonlySet<string>, choice: string): ((draft: Draft) => Partial<Draft>) | undefined {
  const def = choice === SELECTION ? scratchSubflow(store, selected) : definitionsOf(store).find((d) => `subflow:${d.id}` === choice);
  if (!def) return undefined;
  const { inputs, outputs, nodes, edges } = structuredClone(def);
  return (draft) => ({
    logic: 'subflow',
    subflow: { inputs, outputs, nodes, edges },
    subflowSource: choice,
    inputs: inputs.map((p) => port(p.name, p.type)),
    outputs: outputs.map((p) => port(p.name, p.type)),
    config: def.config ? fieldRows(def.config) : draft.config,
  });
}

function scratchSubflow(store: GraphStore, selected: ReadonlySet<string>): SubflowDefinition | undefined {
  if (!selected.size) return undefined;
  const scratch = new GraphStore(structuredClone(store.document), { resolvePorts: store.resolvePorts });
  return makeSubflow(scratch, selected).definition;
}
