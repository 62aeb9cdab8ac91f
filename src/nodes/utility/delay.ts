import { defineNode } from '../../core/define-node.js';
import { configError } from '../shared/inputs.js';
import { abortError } from '../shared/loop.js';

const TITLE = 'Delay';
const MAX_MS = 600_000;

/** Passes its input on after a wait; cancelling the run ends the wait at once. */
export default defineNode({
  type: 'utility/delay',
  version: 1,
  category: 'utility',
  title: TITLE,
  description: 'Waits a while, then passes the value on.',
  keywords: ['wait', 'sleep', 'pause', 'timer', 'delay'],
  icon: 'timer',
  inputs: { value: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: { ms: { type: 'number', default: 1000, min: 0, max: MAX_MS, label: 'Wait (ms)' } },
  performance: { cacheStrategy: 'none' },
  async processLogic(inputs, { config, signal }) {
    const ms = Number(config.ms);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) throw configError(TITLE, 'ms', `must be 0 to ${MAX_MS} milliseconds`);
    await wait(ms, signal);
    return { value: inputs.value };
  },
});

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
