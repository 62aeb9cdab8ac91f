import { defineNode } from '../../core/define-node.js';

/** A comment box on the canvas: no ports, nothing to compute. */
export default defineNode({
  type: 'utility/note',
  version: 1,
  category: 'utility',
  title: 'Note',
  description: 'A comment on the canvas for whoever reads the flow next.',
  keywords: ['comment', 'note', 'text', 'documentation', 'sticky'],
  icon: 'sticky-note',
  inputs: {},
  outputs: {},
  config: { text: { type: 'text', default: 'Write a note…', label: 'Note' } },
  performance: { cacheStrategy: 'aggressive' },
  processLogic() {
    return {};
  },
});
