import { defineNode } from '../../core/define-node.js';
import { requireInput } from '../shared/inputs.js';

/**
 * Hands a result to the host page: its output is the data, and the editor dispatches it as a
 * `v2u-output` event with `{ name, value }` in the detail.
 */
export default defineNode({
  type: 'output/emit',
  version: 1,
  category: 'output',
  title: 'Emit',
  description: 'Sends the data to the page hosting the editor (a v2u-output event).',
  keywords: ['output', 'event', 'result', 'return', 'host', 'send'],
  icon: 'send',
  inputs: { value: { type: 'any' } },
  outputs: { value: { type: 'any' }, name: { type: 'string' } },
  config: { name: { type: 'string', default: 'result', label: 'Name' } },
  performance: { priority: 'high', cacheStrategy: 'normal' },
  processLogic(inputs, { config }) {
    return { value: requireInput(inputs, 'value', 'Emit'), name: String(config.name ?? 'result') };
  },
});
