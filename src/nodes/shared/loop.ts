import type { NodeContext, ReportProgress } from '../../core/define-node.js';
import { yieldToEventLoop } from '../../core/event-loop.js';

/**
 * How long a loop runs before it lets the event loop turn. 8 ms keeps a 60 Hz page drawing
 * when a node runs on the main thread (the fallback with no workers); in a worker the turn
 * lets a cancel message in. A turn costs a few microseconds, well under 1 % of a slice.
 */
export const SLICE_MS = 8;
/** Progress goes to the page at most this often: each report is a message and a repaint. */
const PROGRESS_MS = 50;
/** Steps between two readings of the clock (a reading costs about as much as a cheap step). */
const CLOCK_EVERY = 32;

/** The error a cancelled node throws: named `AbortError`, as fetch and the pool expect. */
export function abortError(): Error {
  return new DOMException('The run was cancelled', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/**
 * Lets the event loop run (so a cancel message can reach a worker, or the page paint), then
 * checks the signal. A macrotask turn, not a microtask: only a macrotask lets messages in.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await yieldToEventLoop();
  throwIfAborted(signal);
}

/**
 * Runs `step` for 0..count-1. Every `SLICE_MS` of work it yields and checks for cancellation,
 * and at most every 50 ms it reports progress, whether or not the node reports any itself:
 * the budget is time, not rows, so slow steps (an expression left to JSONata) never hold the
 * thread longer than cheap ones. `step` may be async (expressions are).
 */
export async function eachIndex(
  count: number,
  context: Pick<NodeContext, 'signal'>,
  reportProgress: ReportProgress,
  step: (index: number) => unknown,
): Promise<void> {
  throwIfAborted(context.signal);
  const slice: Slice = { next: 0, end: performance.now() + SLICE_MS, pending: undefined };
  let reported = performance.now();
  while (slice.next < count) {
    runSlice(count, step, slice);
    if (slice.pending) {
      // An async step (slow: JSONata) is awaited here; the clock is read after each.
      const pending = slice.pending;
      slice.pending = undefined;
      await pending;
    }
    const now = performance.now();
    if (slice.next < count && now >= slice.end) {
      if (now - reported >= PROGRESS_MS) (reported = now), reportProgress(slice.next / count, `${Math.round((100 * slice.next) / count)}%`);
      await checkpoint(context.signal);
      slice.end = performance.now() + SLICE_MS;
    }
  }
  reportProgress(1);
}

/** Rows per block of `eachBlock`: a few dozen microseconds of a cheap loop, well inside a time slice. */
export const BLOCK = 1024;

/**
 * `eachIndex` a block of rows at a time: `block(from, to)` runs the node's own loop over rows
 * `from`..`to`-1 (it may return a promise, awaited before the next), on the same time budget,
 * cancellation and progress. A step per row is a call through this module's shared loop, which
 * sees every node's step and so inlines none of them (about a tenth of a heavy run's worker
 * time); a node's own loop is compiled for its body.
 */
export function eachBlock(count: number, context: Pick<NodeContext, 'signal'>, reportProgress: ReportProgress, block: (from: number, to: number) => unknown): Promise<void> {
  return eachIndex(Math.ceil(count / BLOCK), context, reportProgress, (b) => block(b * BLOCK, Math.min(count, (b + 1) * BLOCK)));
}

/** Where a loop is: its next index, when its time slice ends, and the promise of an async step to await first. */
interface Slice {
  next: number;
  end: number;
  pending: Promise<unknown> | undefined;
}

/**
 * The synchronous part of `eachIndex`: steps from `slice.next` until the slice's time is up
 * (read every `CLOCK_EVERY` steps), a step returns a promise, or the loop is done. Kept apart
 * from the async function: V8 optimized the async loop again and again, each time a node
 * with another step ran it (in one worker of a 1,000,000-row heavy run, 10 compiles and about
 * 200 ms of background compiler time); this small synchronous loop is re-optimized too, but
 * mostly in a few ms each.
 */
function runSlice(count: number, step: (index: number) => unknown, slice: Slice): void {
  let index = slice.next;
  while (index < count) {
    const end = Math.min(count, index + CLOCK_EVERY);
    for (; index < end; index++) {
      const result = step(index);
      if (result instanceof Promise) {
        slice.next = index + 1;
        slice.pending = result;
        return;
      }
    }
    if (performance.now() >= slice.end) break;
  }
  slice.next = index;
}
