import { transfer } from 'comlink';
import { isOutputRef, refsIn, type OutputRef } from '../../core/engine/output-ref.js';
import type { ItemRange } from '../../core/engine/types.js';
import { RunErrorCodes } from '../../core/run-errors.js';
import type { PendingTask } from './pending-task.js';
import { deliveries, holderOf } from './placement.js';
import type { Job, Recipe, TaskError } from './protocol.js';
import type { Slot } from './slot.js';

/**
 * Outputs kept in the pool's workers, from the page's side: which worker holds each, the
 * jobs that can make them again, and the wiring that gets a task's worker the ones it lacks
 * (ports from their holders, or recipes), as `placement.ts` decides.
 */
export class KeptValues {
  /** Kept values that may be made again rather than copied: the job that made each, and how long it took. */
  readonly recipes = new Map<string, { recipe: Recipe; ms: number }>();

  constructor(
    private readonly _slots: readonly Slot[],
    private readonly _keepOver: number,
  ) {}

  available(ref: OutputRef): boolean {
    return !!holderOf(ref.$v2uRef, this._slots);
  }

  async fetch(ref: OutputRef, range?: ItemRange): Promise<unknown> {
    const holder = holderOf(ref.$v2uRef, this._slots);
    if (!holder) throw lostError(ref.$v2uRef);
    return holder.endpoint!.api.fetch(ref.$v2uRef, range?.from, range?.to);
  }

  release(refs: OutputRef[]): void {
    const ids = new Set(refs.map((r) => r.$v2uRef));
    for (const id of ids) this.recipes.delete(id);
    for (const slot of this._slots) {
      const held = [...ids].filter((id) => slot.held.delete(id));
      if (held.length && slot.endpoint) void Promise.resolve(slot.endpoint.api.release(held)).catch(() => undefined);
    }
  }

  /**
   * The job as it goes to this slot: kept outputs are allowed when it is a worker, and every
   * kept input held elsewhere gets a port on which its holder sends it (a missing one makes
   * the worker fail the task as `result-lost`, so the engine runs the upstream node again).
   */
  jobFor(slot: Slot, task: PendingTask, ports: MessagePort[]): Job {
    if (!slot.endpoint?.remote) return task.job;
    const job: Job = { ...task.job, keepOver: this._keepOver || undefined };
    task.fetching = [];
    task.rebuilding = 0;
    for (const delivery of deliveries(slot, refsIn(task.job.inputs), this._slots, this.recipes)) {
      const id = delivery.ref.$v2uRef;
      if (delivery.how === 'rebuild') {
        (job.recipes ??= {})[id] = this.recipes.get(id)!.recipe;
        task.rebuilding++;
      } else if (delivery.how === 'copy') {
        const from = delivery.from.endpoint!;
        const channel = new MessageChannel();
        void Promise.resolve(from.api.serve(id, transfer(channel.port1, [channel.port1]))).catch(() => undefined);
        (job.ports ??= {})[id] = channel.port2;
        task.fetching.push({ from, id });
        ports.push(channel.port2);
      }
    }
    return job;
  }

  /** A repeatable job with no kept inputs can make its kept outputs again, in the time it took. */
  noteRecipes(task: PendingTask, outputs: Record<string, unknown>): void {
    if (!task.options.repeatable || refsIn(task.job.inputs).length) return;
    const ms = performance.now() - (task.startedAt ?? task.queuedAt ?? performance.now());
    for (const [port, value] of Object.entries(outputs)) if (isOutputRef(value)) this.recipes.set(value.$v2uRef, { recipe: { job: task.job, port }, ms });
  }
}

function lostError(id: string): TaskError {
  return { name: 'V2uError', code: RunErrorCodes.resultLost, message: `the kept output ${id} is no longer in the worker pool (its worker was replaced)` };
}
