import { GraphStore, createDocument, type NodePorts } from '../../src/core/index.js';

/** A small port catalogue shared by the core tests. */
export const testPorts: Record<string, NodePorts> = {
  'create/number': { inputs: {}, outputs: { value: { type: 'number' } } },
  'create/text': { inputs: {}, outputs: { value: { type: 'string' } } },
  'transform/add': { inputs: { a: { type: 'number' }, b: { type: 'number' } }, outputs: { sum: { type: 'number' } } },
  'output/log': { inputs: { value: { type: 'any', multiple: true } }, outputs: {} },
};

export const resolveTestPorts = (type: string) => testPorts[type];

export function makeStore(historyLimit?: number) {
  return new GraphStore(createDocument(), { resolvePorts: resolveTestPorts, historyLimit });
}
