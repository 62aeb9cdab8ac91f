import type { HostPolicy } from '../../core/define-node.js';
import type { NodeExecutor } from '../../core/engine/types.js';
import type { ReportMessage } from './protocol.js';
import { createRunner } from './runner.js';

/**
 * Runs node logic in this thread through the same runner the workers use: for Node (the
 * `v2u-editor run` command, SSR) and for tests. Inputs are copied, since the engine's cache
 * keeps them. `pause` lets long nodes yield between progress reports.
 */
export function inProcessExecutor(options: { pause?: () => Promise<void> | undefined; host?: () => HostPolicy } = {}): NodeExecutor {
  const runner = createRunner({ cloneInputs: true, pause: options.pause });
  return {
    async execute(task) {
      let result: Extract<ReportMessage, { kind: 'result' }> | undefined;
      const onAbort = () => runner.abort(task.nodeId);
      task.signal?.addEventListener('abort', onAbort);
      try {
        await runner.run([{ id: task.nodeId, nodeId: task.nodeId, moduleUrl: task.moduleUrl, inputs: task.inputs, config: task.config, host: options.host?.() }], (m) => {
          if (m.kind === 'start') task.onStart?.();
          else if (m.kind === 'progress') task.onProgress?.(m.fraction, m.message);
          else result = m;
        });
      } finally {
        task.signal?.removeEventListener('abort', onAbort);
      }
      if (!result?.ok) throw result?.error;
      return { outputs: result.outputs };
    },
  };
}
