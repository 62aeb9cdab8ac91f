import type { NodeDefinition, NodeOutputs } from '../../core/define-node.js';
import { hashPorts } from '../../core/engine/stable-hash.js';
import { RunErrorCodes } from '../../core/run-errors.js';
import type { Job, Report, ReportMessage, RunnerApi } from './protocol.js';
import { toTaskError } from './protocol.js';
import { retryUrl } from '../retry-url.js';
import { rowsAtEdge, ValueStore } from './value-store.js';
import { READS_COLUMNS } from '../../core/table/column-table.js';
import { isLongArray, isOutputRef, refsIn } from '../../core/engine/output-ref.js';

export interface RunnerOptions {
  /** Wraps a result for the trip back (the worker marks its buffers for transfer). */
  send?: (report: Report, message: ReportMessage) => unknown;
  /** Called between jobs and from `reportProgress`; the main thread yields there. */
  pause?: () => Promise<void> | undefined;
  /** Copies inputs before a node sees them (the main thread shares memory with the cache). */
  cloneInputs?: boolean;
  /** Hashes each output port here, so the main thread need not (workers). */
  hashOutputs?: boolean;
}

/**
 * Runs node logic modules by URL: `import(job.moduleUrl)`, then its default export's
 * `processLogic`. The same code serves a worker and the main-thread fallback. Nothing is
 * evaluated from a string and no function ever crosses a boundary.
 */
const IMPORT_ATTEMPTS = 3;

/** Imports a node module, trying again (after 100, then 200 ms, at a fresh URL) when the fetch fails. */
async function importWithRetry(url: string): Promise<{ default?: unknown }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const target = attempt === 1 ? url : retryUrl(url);
      return await import(/* @vite-ignore */ target);
    } catch (error) {
      if (attempt >= IMPORT_ATTEMPTS || (error as Error)?.name === 'SyntaxError') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
    }
  }
}

export function createRunner(options: RunnerOptions = {}): RunnerApi {
  const controllers = new Map<string, AbortController>();
  const send = options.send ?? ((report, message) => report(message));
  const store = new ValueStore();
  return {
    ping: () => 'pong',
    abort: (id) => controllers.get(id)?.abort(),
    serve: (id, port) => store.serve(id, port),
    fetch: (id, from, to) => store.items(id, from, to),
    release: (ids) => store.release(ids),
    abandon: (ids) => store.abandon(ids),
    preload: (urls) => urls.forEach((url) => import(/* @vite-ignore */ url).catch(() => {})),
    async run(jobs, report) {
      for (const job of jobs) {
        const controller = new AbortController();
        controllers.set(job.id, controller);
        try {
          await options.pause?.();
          void report({ kind: 'start', id: job.id });
          for (const ref of refsIn(job.inputs)) {
            const recipe = job.recipes?.[ref.$v2uRef];
            if (recipe && !store.holds(ref.$v2uRef)) store.put(ref, (await runJob(recipe.job, controller.signal, report, options))[recipe.port]);
          }
          const inputs = await store.resolve(job.inputs, job.ports);
          const outputs = await runJob({ ...job, inputs }, controller.signal, report, options);
          const sent = job.keepOver ? store.keep(outputs, job.keepOver) : rowsAtEdge(outputs);
          // Kept values are not hashed here (a million rows take seconds): the engine names them by the node's cache key.
          const portHashes = options.hashOutputs ? hashPorts(Object.fromEntries(Object.entries(sent).filter(([, v]) => !isOutputRef(v)))) : undefined;
          await send(report, { kind: 'result', id: job.id, ok: true, outputs: sent, portHashes });
        } catch (error) {
          await report({ kind: 'result', id: job.id, ok: false, error: toTaskError(error) });
        } finally {
          controllers.delete(job.id);
        }
      }
    },
  };
}

async function runJob(job: Job, signal: AbortSignal, report: Report, options: RunnerOptions): Promise<NodeOutputs> {
  const module = (await importWithRetry(job.moduleUrl)) as { default?: unknown; [READS_COLUMNS]?: unknown };
  const definition = module.default as NodeDefinition | undefined;
  if (typeof definition?.processLogic !== 'function')
    throw Object.assign(new Error(`${job.moduleUrl} has no default export made by defineNode`), { name: 'V2uError', code: RunErrorCodes.badNodeModule });
  // Columnar tables stay columns for the nodes that read them so; any other node gets rows.
  const given = module[READS_COLUMNS] === true ? job.inputs : rowsAtEdge(job.inputs);
  const inputs = options.cloneInputs ? copyInputs(given) : given;
  const log = (...args: unknown[]) => console.debug(`[v2u ${job.nodeId}]`, ...args);
  const progress = (fraction: number, message?: string) => {
    void report({ kind: 'progress', id: job.id, fraction, message });
    return options.pause?.();
  };
  const outputs = await definition.processLogic(inputs, { signal, config: job.config, nodeId: job.nodeId, log, host: job.host }, progress);
  signal.throwIfAborted();
  return outputs ?? {};
}

/**
 * A node's own copy of its inputs, where they share memory with the engine's cache (main
 * thread, Node): long arrays are frozen and passed as they are (inputs are read-only, and
 * copying a million rows would block the thread for seconds), the rest is cloned.
 */
function copyInputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [port, value] of Object.entries(inputs)) out[port] = isLongArray(value) ? (Object.isFrozen(value) ? value : Object.freeze(value)) : structuredClone(value);
  return out;
}
