import { expect } from '@open-wc/testing';
import { CURRENT_VERSION, migrate, parseDocument, type Migration } from '../../src/core/index.js';

describe('migrations', () => {
  it('lifts a version 1 document to the current version', () => {
    const v1 = {
      version: 1,
      nodes: [
        { id: 'a', type: 'create/value', x: 10, y: 20, data: { value: 3 } },
        { id: 'b', type: 'output/log', x: 200, y: 20 },
      ],
      edges: [{ id: 'e', source: 'a', sourcePort: 'value', target: 'b', targetPort: 'in' }],
    };
    const doc = parseDocument(v1);
    expect(doc.version).to.equal(CURRENT_VERSION);
    expect(doc.nodes[0]).to.deep.equal({ id: 'a', type: 'create/value', position: { x: 10, y: 20 }, config: { value: 3 } });
    expect(doc.nodes[1].config).to.deep.equal({});
    expect(doc.edges[0]).to.deep.equal({ id: 'e', from: { node: 'a', port: 'value' }, to: { node: 'b', port: 'in' } });
    expect(doc.viewport).to.deep.equal({ x: 0, y: 0, zoom: 1 });
  });

  it('runs migrations in order, one version at a time', () => {
    const seen: number[] = [];
    const steps: Migration[] = [2, 1].map((from) => ({
      from,
      to: from + 1,
      description: `step ${from}`,
      migrate(doc) {
        seen.push(from);
        return { ...doc, trail: [...((doc.trail as number[]) ?? []), from] };
      },
    }));
    const out = migrate({ version: 1 }, 3, steps);
    expect(seen).to.deep.equal([1, 2]);
    expect(out).to.deep.equal({ version: 3, trail: [1, 2] });
  });

  it('does not mutate its input', () => {
    const v1 = { version: 1, nodes: [{ id: 'a', type: 't', x: 1, y: 2 }] };
    const copy = structuredClone(v1);
    parseDocument(v1);
    expect(v1).to.deep.equal(copy);
  });

  it('names a missing migration', () => {
    expect(() => migrate({ version: 1 }, 3, [])).to.throw(/no migration from document version 1/);
  });
});
