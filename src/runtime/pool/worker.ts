/**
 * The worker entry: exposes the node runner over comlink. Kept tiny; node logic arrives as
 * module URLs and is `import()`ed on demand. Results hand their ArrayBuffers over (transfer).
 */
import { expose, releaseProxy, transfer, type Remote } from 'comlink';
import { createRunner } from './runner.js';
import { slicedYield, yieldToEventLoop } from './yield.js';
import { transferablesOf, type Job, type Report, type RunnerApi } from './protocol.js';

// Awaiting reportProgress yields a turn every 20 ms, so an abort from the pool gets through.
const runner = createRunner({
  send: (report, message) => report(transfer(message, transferablesOf(message))),
  pause: slicedYield(20, yieldToEventLoop),
  hashOutputs: true,
});

const api: RunnerApi = {
  ...runner,
  async run(jobs: Job[], report: Report) {
    try {
      await runner.run(jobs, report);
    } finally {
      (report as unknown as Remote<Report>)[releaseProxy]();
    }
  },
};

expose(api);
