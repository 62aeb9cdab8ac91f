import { defineNode } from '../../core/define-node.js';

/** Writes its input to the node's log (and passes it on), for checking a flow step by step. */
export default defineNode({
  type: 'output/log',
  version: 1,
  category: 'output',
  title: 'Log',
  description: "Writes the value to the editor's log and passes it on.",
  keywords: ['log', 'debug', 'print', 'console', 'trace'],
  icon: 'scroll-text',
  inputs: { value: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: { label: { type: 'string', default: '', label: 'Label' } },
  performance: { cacheStrategy: 'none' },
  processLogic(inputs, { config, log }) {
    const label = String(config.label ?? '').trim();
    const value = inputs.value;
    if (label) log(label, value);
    else log(value);
    return { value };
  },
});
