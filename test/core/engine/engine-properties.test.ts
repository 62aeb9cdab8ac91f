import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { flow } from '../../fixtures/flows.js';
import { engineOn } from '../../fixtures/engine-setup.js';

/** A random DAG: node i takes any subset of earlier nodes as inputs (a sum) or is a number. */
const dag = fc.integer({ min: 2, max: 10 }).chain((n) =>
  fc.tuple(
    fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
    fc.array(fc.array(fc.boolean(), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  ),
);

describe('FlowEngine properties', () => {
  it('computes any DAG of sums like a direct evaluation, in parallel on workers', async () => {
    const setup = engineOn({ mode: 'worker', size: 2 });
    try {
      await fc.assert(
        fc.asyncProperty(dag, async ([values, picks]) => {
          const parents = values.map((_, i) => values.map((_, j) => j).filter((j) => j < i && picks[i][j]));
          const expected: number[] = [];
          parents.forEach((ps, i) => (expected[i] = ps.length ? ps.reduce((a, j) => a + expected[j], 0) : values[i]));
          const doc = flow(
            parents.map((ps, i) => (ps.length ? [`n${i}`, 'transform/sum'] : [`n${i}`, 'create/number', { value: values[i] }])),
            parents.flatMap((ps, i) => ps.map((j) => `n${j}.${parents[j].length ? 'total' : 'value'}>n${i}.values`)),
          );
          setup.engine.setDocument(doc);
          const summary = await setup.engine.run();
          const actual = parents.map((ps, i) => setup.output(`n${i}`, ps.length ? 'total' : 'value'));
          expect(summary.status).to.equal('done');
          expect(actual).to.deep.equal(expected);
        }),
        { numRuns: 25 },
      );
    } finally {
      setup.dispose();
    }
  });
});
