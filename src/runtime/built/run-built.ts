import { BUILT_LOGIC_KEY, type BuiltNodeType } from '../../core/built-type.js';
import type { NodeOutputs } from '../../core/define-node.js';
import { createDocument } from '../../core/document.js';
import { FlowEngine } from '../../core/engine/engine.js';
import type { NodeExecutor, NodeResolver } from '../../core/engine/types.js';
import { browserClock as clock } from '../pool/clock.js';
import { inProcessExecutor } from '../pool/in-process-executor.js';
import { builtLogicUrl } from './built-logic-url.js';
import { builtRecipe, withInterpreter } from './interpreter.js';

export interface RunBuiltOptions {
  /** Inner node types of a subflow-kind type (the editor's `registry.recipe`). */
  resolve?: NodeResolver;
  /** Where node logic runs: default this thread; pass `poolExecutor(sharedPool())` for the workers. */
  executor?: NodeExecutor;
  /** URL of the interpreter module (default `builtLogicUrl()`, this build's). */
  moduleUrl?: string;
  signal?: AbortSignal;
}

const SAMPLE = 'v2u/sample';

/**
 * Runs one node of a builder-made type on sample inputs, through the real engine: a sample
 * source feeds the ports given in `inputs` (others stay unconnected), the node runs with
 * `config` (defaults filled in), and the promise resolves with its outputs. A failure
 * rejects with the node's error as plain data (`{ name, message, code }`, e.g. code
 * `bad-expression`). The builder's "test run on sample input".
 *
 * @example
 * await runBuiltType(lineTotal, { price: 2, quantity: 3 }, { rate: 0 }); // { total: 6 }
 */
export async function runBuiltType(type: BuiltNodeType, inputs: Record<string, unknown>, config: Record<string, unknown> = {}, options: RunBuiltOptions = {}): Promise<NodeOutputs> {
  const moduleUrl = options.moduleUrl ?? builtLogicUrl();
  const given = Object.keys(inputs).filter((port) => Object.hasOwn(type.inputs, port) && inputs[port] !== undefined);
  const sampleManifest = { type: SAMPLE, version: 1, category: 'create' as const, title: 'Sample input', inputs: {}, outputs: Object.fromEntries(given.map((p) => [p, type.inputs[p]])) };
  const inner = withInterpreter((t) => options.resolve?.(t), moduleUrl);
  const resolve: NodeResolver = (t) => (t === type.type ? builtRecipe(type, moduleUrl) : t === SAMPLE ? { manifest: sampleManifest, moduleUrl } : inner(t));
  const doc = createDocument({
    nodes: [
      { id: 'sample', type: SAMPLE, position: { x: 0, y: 0 }, config: { [BUILT_LOGIC_KEY]: { kind: 'values', values: Object.fromEntries(given.map((p) => [p, inputs[p]])) } } },
      { id: 'node', type: type.type, position: { x: 200, y: 0 }, config },
    ],
    edges: given.map((port) => ({ id: `in-${port}`, from: { node: 'sample', port }, to: { node: 'node', port } })),
  });
  const engine = new FlowEngine({ resolve, executor: options.executor ?? inProcessExecutor(), clock, autoRun: false });
  const cancel = () => engine.cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    engine.setDocument(doc);
    await engine.run();
    const state = engine.state('node');
    if (state.status === 'error') throw state.error;
    if (state.status !== 'done') throw Object.assign(new Error(`the test run of ${type.type} was ${state.status}`), { name: 'AbortError' });
    return (await engine.output('node')) ?? {};
  } finally {
    options.signal?.removeEventListener('abort', cancel);
    engine.dispose();
  }
}
