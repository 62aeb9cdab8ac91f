import type { NodeContext, ReportProgress } from '../../core/define-node.js';

/** How many rows a heavy node handles between progress reports, abort checks and yields. */
export const CHUNK_ROWS = 50_000;

/** The error a cancelled node throws: named `AbortError`, as fetch and the pool expect. */
export function abortError(): Error {
  return new DOMException('The run was cancelled', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/**
 * Lets the event loop run (so a cancel message can reach a worker), then checks the signal.
 * A macrotask, not a microtask: only a macrotask lets the worker handle its messages.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal);
}

/**
 * Runs `step` for 0..count-1, pausing every CHUNK_ROWS steps to report progress, yield and
 * check for cancellation. `step` may be async (expressions are).
 */
export async function eachIndex(
  count: number,
  context: Pick<NodeContext, 'signal'>,
  reportProgress: ReportProgress,
  step: (index: number) => unknown,
): Promise<void> {
  throwIfAborted(context.signal);
  for (let start = 0; start < count; start += CHUNK_ROWS) {
    const end = Math.min(count, start + CHUNK_ROWS);
    for (let index = start; index < end; index++) {
      const result = step(index);
      if (result instanceof Promise) await result;
    }
    if (end < count) {
      reportProgress(end / count, `${Math.round((100 * end) / count)}%`);
      await checkpoint(context.signal);
    }
  }
  reportProgress(1);
}
