// The worker_threads entry: the same node runner as the browser's worker (src/runtime/pool/
// worker.ts), reached over comlink through Node's message port. Node modules arrive as file
// URLs and are import()ed; nothing is evaluated from a string.
import { parentPort } from 'node:worker_threads';
import { expose, releaseProxy, transfer } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { transferablesOf } from '../../dist/src/runtime/pool/protocol.js';
import { createRunner } from '../../dist/src/runtime/pool/runner.js';
import { slicedYield, yieldToEventLoop } from '../../dist/src/runtime/pool/yield.js';

// Awaiting reportProgress yields a turn every 20 ms, so an abort from the pool gets through.
const runner = createRunner({
  send: (report, message) => report(transfer(message, transferablesOf(message))),
  pause: slicedYield(20, yieldToEventLoop),
  hashOutputs: true,
});

expose(
  {
    ...runner,
    async run(jobs, report) {
      try {
        await runner.run(jobs, report);
      } finally {
        report[releaseProxy]();
      }
    },
  },
  nodeEndpoint(parentPort),
);
