import { defineNode } from '../../core/define-node.js';
import { ErrorCodes, V2uError } from '../../core/errors.js';
import { isPlainObject, withColumns } from '../shared/inputs.js';

const TITLE = 'Merge';
const PORTS = ['first', 'second', 'third'] as const;

/** Concatenates tables or lists, or merges objects (later inputs win); unconnected inputs are skipped. */
export default defineNode({
  type: 'utility/merge',
  version: 1,
  category: 'utility',
  title: TITLE,
  description: 'Appends tables (or lists) one after another, or merges objects.',
  keywords: ['concat', 'append', 'union', 'combine', 'merge', 'stack'],
  icon: 'merge',
  inputs: { first: { type: 'any' }, second: { type: 'any' }, third: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: {},
  performance: { cacheStrategy: 'aggressive' },
  processLogic(inputs) {
    const connected = PORTS.filter((port) => inputs[port] !== undefined);
    if (!connected.length) throw new V2uError(ErrorCodes.missingInput, `${TITLE}: connect at least one of ${PORTS.join(', ')}`, '$.inputs');
    const values = connected.map((port) => inputs[port]);
    if (values.every(Array.isArray)) return { value: values.flat(1) };
    if (values.every(isPlainObject)) return { value: values.reduce((merged, value) => withColumns(merged, value), {}) };
    throw new V2uError(ErrorCodes.badInput, `${TITLE}: inputs ${connected.join(', ')} must be all tables/lists or all objects`, '$.inputs');
  },
});
