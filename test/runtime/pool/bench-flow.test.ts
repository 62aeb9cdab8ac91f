import { expect } from '@open-wc/testing';
import { runFlowBenchmark } from './bench-flow.js';
import { wide } from '../../fixtures/flows.js';
import { resolveFixture } from '../../fixtures/engine/index.js';

describe('runFlowBenchmark', () => {
  for (const mode of ['pool', 'single', 'main'] as const)
    it(`runs a flow in ${mode} mode, measures it and leaves no worker behind`, async () => {
      const result = await runFlowBenchmark({ mode, document: wide(4, 20), resolve: resolveFixture, size: 2 });
      expect(result.summary.status).to.equal('done');
      expect(result.summary.executed).to.have.length(9);
      expect(result.wallMs).to.be.greaterThan(0);
      const busy = result.metrics.workers.filter((w) => w.tasks > 0).length;
      expect(busy, 'workers used').to.equal(mode === 'pool' ? 2 : 1);
      expect(result.metrics.mode).to.equal(mode === 'main' ? 'main' : 'worker');
    });
});
