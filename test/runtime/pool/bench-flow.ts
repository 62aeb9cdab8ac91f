import type { GraphDocument } from '../../../src/core/document.js';
import { FlowEngine } from '../../../src/core/engine/engine.js';
import type { NodeResolver, RunSummary } from '../../../src/core/engine/types.js';
import { browserClock } from '../../../src/runtime/pool/clock.js';
import { WorkerPool, type PoolMetrics } from '../../../src/runtime/pool/pool.js';
import { poolExecutor } from '../../../src/runtime/pool/shared-pool.js';

/** `pool`: every worker (default size); `single`: one worker; `main`: the main-thread fallback. */
export type BenchMode = 'pool' | 'single' | 'main';

export interface FlowBenchmarkOptions {
  mode: BenchMode;
  document: GraphDocument;
  resolve: NodeResolver;
  /** Pool size for `pool` (default `min(8, hardwareConcurrency)`). */
  size?: number;
  workerUrl?: string;
}

export interface FlowBenchmarkResult {
  mode: BenchMode;
  /** Wall time of the run, from `run()` to its summary, workers started beforehand. */
  wallMs: number;
  summary: RunSummary;
  /** Longest main-thread task seen during the run (Long Tasks API; 0 when none over 50 ms). */
  longestTaskMs: number;
  metrics: PoolMetrics;
}

/**
 * Runs one flow once on a private pool in the given mode and measures it; the bench
 * harness calls it per mode and compares. Workers are warmed up first so start-up cost is
 * not counted; everything is shut down before it returns. Not a test: it asserts nothing.
 *
 * @example
 * const r = await runFlowBenchmark({ mode: 'single', document: wide(16, 200), resolve });
 */
export async function runFlowBenchmark(options: FlowBenchmarkOptions): Promise<FlowBenchmarkResult> {
  const { mode, document, resolve } = options;
  const size = mode === 'single' ? 1 : options.size;
  const pool = new WorkerPool({ size, mode: mode === 'main' ? 'main' : undefined, workerUrl: options.workerUrl, taskTimeoutMs: 600000 });
  const engine = new FlowEngine({ resolve, executor: poolExecutor(pool), clock: browserClock, autoRun: false });
  const longTasks = watchLongTasks();
  try {
    await warmUp(pool, mode === 'main' ? 1 : pool.size, document, resolve);
    engine.setDocument(document);
    longTasks.reset();
    const started = performance.now();
    const summary = await engine.run();
    return { mode, wallMs: performance.now() - started, summary, longestTaskMs: longTasks.longest(), metrics: pool.metrics() };
  } finally {
    longTasks.stop();
    engine.dispose();
    pool.shutdown();
  }
}

/** Starts every worker with a cheap task of the flow's first resolvable type with no inputs. */
async function warmUp(pool: WorkerPool, count: number, document: GraphDocument, resolve: NodeResolver) {
  const source = document.nodes.map((n) => resolve(n.type)).find((r) => r && Object.keys(r.manifest.inputs).length === 0);
  if (!source) return;
  const job = { nodeId: 'warm-up', moduleUrl: source.moduleUrl, inputs: {}, config: {} };
  await Promise.allSettled(Array.from({ length: count }, () => pool.submit(job)));
}

function watchLongTasks() {
  let longest = 0;
  const supported = PerformanceObserver.supportedEntryTypes?.includes('longtask');
  const observer = supported ? new PerformanceObserver((list) => list.getEntries().forEach((e) => (longest = Math.max(longest, e.duration)))) : undefined;
  observer?.observe({ type: 'longtask' });
  return { reset: () => (longest = 0), longest: () => Math.round(longest), stop: () => observer?.disconnect() };
}
