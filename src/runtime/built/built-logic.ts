/**
 * The interpreter of builder-made node types, run like a node module: the worker pool, the
 * main-thread fallback and the CLI `import()` it by URL (`builtLogicUrl()`) and call
 * `processLogic`. The type's logic arrives as data in `config.$logic` (the engine puts it
 * there), so no code is generated or evaluated: expressions are JSONata, which interprets its
 * own syntax tree, and the strict CSP holds.
 */
import { BUILT_LOGIC_KEY, type BuiltNodeType } from '../../core/built-type.js';
import { defineNode, type NodeDefinition, type NodeOutputs } from '../../core/define-node.js';
import { ErrorCodes, V2uError } from '../../core/errors.js';
import { checkResult, compileExpression, type Expression } from '../../nodes/shared/expression.js';

/** What `config.$logic` may hold: a type's expressions, or (internal: sample inputs of a test run) fixed values. */
export type InterpretedLogic = { kind: 'expression'; outputs: Record<string, string> } | { kind: 'values'; values: NodeOutputs };

const compiled = new Map<string, Expression>();
const MAX_COMPILED = 200;

function expression(text: string, port: string): Expression {
  const key = `${port}\u0000${text}`;
  let found = compiled.get(key);
  if (!found) {
    found = compileExpression(text, { node: 'built type', field: `logic.outputs.${port}` });
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, found);
  }
  return found;
}

const interpreter = defineNode({
  type: 'v2u/built',
  version: 1,
  category: 'utility',
  title: 'Built node type',
  description: 'Runs a node type made in the builder (not a palette node).',
  inputs: {},
  outputs: {},
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, { config, signal }) {
    const { [BUILT_LOGIC_KEY]: logic, ...own } = config as { [BUILT_LOGIC_KEY]?: InterpretedLogic };
    if (logic?.kind === 'values') return logic.values;
    if (logic?.kind !== 'expression') throw new V2uError(ErrorCodes.badConfig, `built type: config.${BUILT_LOGIC_KEY} holds no logic to run`, `$.config.${BUILT_LOGIC_KEY}`);
    const bindings = { config: own };
    const outputs: NodeOutputs = {};
    for (const [port, text] of Object.entries(logic.outputs)) {
      signal.throwIfAborted();
      const compiledExpression = expression(text, port);
      const where = { node: 'built type', field: `logic.outputs.${port}` };
      outputs[port] = checkResult(await compiledExpression.evaluate(inputs, bindings), compiledExpression, where);
    }
    return outputs;
  },
});

export default interpreter;

/**
 * The `processLogic` of a builder-made type, for the modules a node pack ships
 * (`defineNode({ ...type, processLogic: builtLogic(type) })`): an expression-kind type runs
 * on this interpreter. A subflow-kind type has none to run here: the engine sees the logic on
 * its manifest and runs its inner flow as a subflow.
 */
export function builtLogic(type: BuiltNodeType): NodeDefinition['processLogic'] {
  return (inputs, context) => {
    if (type.logic.kind !== 'expression')
      throw new V2uError(ErrorCodes.badDefinition, `${type.type} is a flow: the engine runs its inner nodes (register its manifest, logic included), not this function`, '$.logic');
    return interpreter.processLogic(inputs, { ...context, config: { ...context.config, [BUILT_LOGIC_KEY]: type.logic } });
  };
}
