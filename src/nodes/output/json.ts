import { defineNode } from '../../core/define-node.js';
import { requireInput } from '../shared/inputs.js';

/** Shows any value as a collapsible JSON tree (in its element). */
export default defineNode({
  type: 'output/json',
  version: 1,
  category: 'output',
  title: 'JSON view',
  description: 'Shows any value as a collapsible JSON tree.',
  keywords: ['json', 'inspect', 'debug', 'tree', 'view', 'object'],
  icon: 'braces',
  inputs: { value: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: {},
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs) {
    return { value: requireInput(inputs, 'value', 'JSON view') };
  },
});
