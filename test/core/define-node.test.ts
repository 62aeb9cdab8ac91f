import { expect } from '@open-wc/testing';
import { ErrorCodes, configWithDefaults, defineNode, manifestOf, type NodeDefinition } from '../../src/core/index.js';

const valid = (): NodeDefinition => ({
  type: 'transform/double',
  version: 1,
  category: 'transform',
  title: 'Double',
  keywords: ['multiply'],
  inputs: { value: { type: 'number' } },
  outputs: { value: { type: 'number' } },
  config: { factor: { type: 'number', default: 2 }, mode: { type: 'enum', options: ['a', 'b'], default: 'a' } },
  performance: { priority: 'high', cacheStrategy: 'aggressive' },
  processLogic: ({ value }, { config }) => ({ value: (value as number) * (config.factor as number) }),
});

function problem(patch: Record<string, unknown>): string {
  try {
    defineNode({ ...valid(), ...patch } as NodeDefinition);
  } catch (error) {
    expect((error as { code: string }).code).to.equal(ErrorCodes.badDefinition);
    return (error as Error).message;
  }
  throw new Error('expected defineNode to throw');
}

describe('defineNode', () => {
  it('accepts a valid definition and freezes it', async () => {
    const def = defineNode(valid());
    expect(Object.isFrozen(def)).to.equal(true);
    const out = await def.processLogic({ value: 4 }, { signal: new AbortController().signal, config: { factor: 3 }, nodeId: 'n', log() {} }, () => {});
    expect(out).to.deep.equal({ value: 12 });
  });

  it('names the node type and the field at fault', () => {
    expect(problem({ category: 'magic' })).to.equal('defineNode("transform/double"): category must be one of create, transform, output, utility');
    expect(problem({ type: 'Bad Type' })).to.contain('defineNode("Bad Type"): type must look like');
    expect(problem({ version: 0 })).to.contain('version must be a whole number');
    expect(problem({ title: ' ' })).to.contain('title must be a non-empty string');
    expect(problem({ inputs: { rows: { type: 'tabel' } } })).to.contain('inputs.rows.type unknown port type "tabel"');
    expect(problem({ outputs: { x: {} } })).to.contain('outputs.x needs a "type"');
    expect(problem({ config: { x: { type: 'colour' } } })).to.contain('config.x.type must be one of');
    expect(problem({ config: { x: { type: 'enum' } } })).to.contain('config.x.options must list');
    expect(problem({ performance: { priority: 'urgent' } })).to.contain('performance.priority must be one of high, normal, low');
    expect(problem({ keywords: 'x' })).to.contain('keywords must be an array of strings');
    expect(problem({ processLogic: 'return 1' })).to.contain('processLogic must be a function');
  });

  it('checks the shape of the performance options, naming the field', () => {
    expect(problem({ performance: 'x' })).to.equal('defineNode("transform/double"): performance must be an object');
    expect(problem({ performance: [] })).to.contain('performance must be an object');
    expect(problem({ performance: { lazyLoad: 'no' } })).to.contain('performance.lazyLoad must be true or false');
    expect(problem({ performance: { backgroundProcessing: 1 } })).to.contain('performance.backgroundProcessing must be true or false');
    expect(() => defineNode({ ...valid(), performance: { lazyLoad: false, backgroundProcessing: false } })).not.to.throw();
  });

  it('derives a cloneable manifest without the logic', () => {
    const manifest = manifestOf(defineNode(valid()));
    expect('processLogic' in manifest).to.equal(false);
    expect(structuredClone(manifest)).to.deep.equal(manifest);
    expect(manifest.config!.factor.default).to.equal(2);
  });

  it('fills config defaults under the node own values', () => {
    expect(configWithDefaults(valid(), { factor: 5 })).to.deep.equal({ factor: 5, mode: 'a' });
  });
});
