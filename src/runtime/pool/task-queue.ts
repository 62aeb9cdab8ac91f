import type { TaskPriority } from '../../core/engine/types.js';

export interface Queueable {
  priority: TaskPriority;
  /** Small tasks may share one message to a worker. */
  small?: boolean;
}

const LANES: TaskPriority[] = ['high', 'normal', 'low'];

/** Three FIFO lanes: high before normal before low, first in first out within a lane. */
export class TaskQueue<T extends Queueable> {
  private _lanes: Record<TaskPriority, T[]> = { high: [], normal: [], low: [] };

  get size(): number {
    return this._lanes.high.length + this._lanes.normal.length + this._lanes.low.length;
  }

  /** Adds a task at the back of its lane, or at the front (a task put back after a worker died). */
  push(task: T, front = false): void {
    if (front) this._lanes[task.priority].unshift(task);
    else this._lanes[task.priority].push(task);
  }

  remove(task: T): boolean {
    const lane = this._lanes[task.priority];
    const at = lane.indexOf(task);
    if (at >= 0) lane.splice(at, 1);
    return at >= 0;
  }

  /**
   * The next task, plus following small tasks of the same lane when it is small (up to
   * `max`). `rank` may favour a task within a lane (lowest rank first, then first in) or
   * rule it out for now (`Infinity`); a lane with nothing allowed gives way to the next.
   * The pool favours tasks whose inputs the worker already holds.
   */
  takeBatch(max: number, rank: (task: T) => number = () => 0): T[] {
    for (const lane of LANES.map((p) => this._lanes[p])) {
      let at = -1;
      for (let i = 0, best = Infinity; i < lane.length; i++) {
        const r = rank(lane[i]);
        if (r < best) (best = r), (at = i);
      }
      if (at >= 0) return this.batchFrom(lane, at, max);
    }
    return [];
  }

  private batchFrom(lane: T[], at: number, max: number): T[] {
    const batch = lane.splice(at, 1);
    while (batch[0].small && batch.length < max && lane[0]?.small) batch.push(lane.shift()!);
    return batch;
  }

  drain(): T[] {
    return LANES.flatMap((p) => this._lanes[p].splice(0));
  }
}
