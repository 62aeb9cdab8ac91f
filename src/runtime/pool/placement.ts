/**
 * Where work goes next to kept outputs: pure rules, no timers and no workers. The pool asks
 * them which task an idle slot takes, whether a task should wait for the worker holding its
 * kept inputs (and until when), and how each input it lacks reaches it: copied from a
 * holder over a `MessagePort`, or made again from the job that made it.
 */

/**
 * Worker time to copy one kept item (a row) to another worker, serialising and
 * deserialising: a million order rows took about 7 s here. A task waits for the worker
 * holding its inputs at most that long, and a value is made again instead when its job
 * took less.
 */
export const COPY_MS_PER_ITEM = 0.007;

/** A kept input as placement sees it: the value's id, its item count and, when its worker priced it, the copy's cost. */
export interface KeptInput {
  readonly $v2uRef: string;
  readonly length: number;
  readonly copyMs?: number;
}

/** A place in the pool as placement sees it (the pool's `Slot` is one). */
export interface Holder {
  /** Ids of kept values its worker holds. */
  readonly held: ReadonlySet<string>;
  /** It has a worker. */
  readonly live: boolean;
  /** It has a worker with nothing to do. */
  readonly idle: boolean;
  /** Its batch has settled but it has not been handed the next one yet. */
  readonly finishing: boolean;
  /** When it was handed its current batch (`performance.now()`). */
  readonly busySince?: number;
}

/** A queued task as placement sees it: its kept inputs and when it was queued (`performance.now()`). */
export interface Placeable {
  readonly refs: readonly KeptInput[];
  readonly queuedAt?: number;
}

/** How long each kept value took its recorded (repeatable) job to make, in ms. */
export type RecipeTimes = ReadonlyMap<string, { readonly ms: number }>;

/**
 * How well a slot suits a task: its worker holds every kept input (`local`), the task has
 * none (`no-inputs`), it must fetch some (`remote`), or it should not take the task now
 * (`wait`; `until` is when to look again, none when the holder is about to take it).
 */
export type Fit = { readonly kind: 'local' | 'no-inputs' | 'remote' } | { readonly kind: 'wait'; readonly until?: number };

const RANK = { 'no-inputs': 0, local: 1, remote: 2, wait: Infinity } as const;

/** The time copying a value to another worker would take: as its worker priced it, else per item. */
export function copyMs(ref: KeptInput): number {
  return ref.copyMs ?? ref.length * COPY_MS_PER_ITEM;
}

/** Whether a recorded job made this value in less time than copying it would take. */
export function cheaperToRebuild(ref: KeptInput, recipes: RecipeTimes): boolean {
  const entry = recipes.get(ref.$v2uRef);
  return !!entry && entry.ms < copyMs(ref);
}

/** A live slot holding a kept value, an idle one first (it can send it at once). */
export function holderOf<H extends Holder>(id: string, slots: readonly H[]): H | undefined {
  const holders = slots.filter((s) => s.live && s.held.has(id));
  return holders.find((s) => s.idle) ?? holders[0];
}

/**
 * How well `slot` suits `task` at `now`. A task whose kept inputs are elsewhere waits for
 * their worker if that one has just finished its batch (it is about to take the task
 * itself), and otherwise as long as copying them would take, then is copied to. A holder
 * that started its current batch after this task was queued took other work over it and
 * will not be free soon: then the inputs are copied at once, so this slot starts now.
 */
export function fit(slot: Holder, task: Placeable, slots: readonly Holder[], recipes: RecipeTimes, now: number): Fit {
  if (!task.refs.length) return { kind: 'no-inputs' };
  const elsewhere = task.refs.filter((r) => !slot.held.has(r.$v2uRef));
  if (!elsewhere.length) return { kind: 'local' };
  if (elsewhere.some((r) => slots.some((s) => s !== slot && s.live && s.held.has(r.$v2uRef) && s.finishing))) return { kind: 'wait' };
  const copies = elsewhere.filter((r) => !cheaperToRebuild(r, recipes));
  if (!copies.length) return { kind: 'remote' };
  const until = (task.queuedAt ?? 0) + copies.reduce((ms, r) => ms + copyMs(r), 0);
  const holders = copies.map((r) => holderOf(r.$v2uRef, slots));
  const tookOther = holders.some((h) => h && !h.idle && (h.busySince ?? -Infinity) >= (task.queuedAt ?? 0));
  if (tookOther || now >= until || !holders.every((h) => h)) return { kind: 'remote' };
  return { kind: 'wait', until };
}

/**
 * The queue rank of a fit (lowest first; `Infinity` rules the task out for this slot now).
 * The task with the most work behind it (`pathMs`) comes first, so the run's longest chain
 * starts early; at equal work, one without kept inputs (a source: starting it early gives
 * the other workers more to take), then one whose inputs the slot holds. In the first pass
 * (`localOnly`) idle slots take only tasks that move no data.
 */
export function rank(fit: Fit, localOnly: boolean, pathMs = 0): number {
  return localOnly && fit.kind === 'remote' ? Infinity : RANK[fit.kind] - pathMs;
}

/** How one kept input reaches a slot that lacks it; `lost` when no worker holds it (the task fails as `result-lost`). */
export type Delivery<H> = { readonly ref: KeptInput; readonly how: 'rebuild' | 'lost' } | { readonly ref: KeptInput; readonly how: 'copy'; readonly from: H };

/** For each kept input `slot` lacks, in order: made again when that is cheaper, else copied from its holder. */
export function deliveries<H extends Holder>(slot: Holder, refs: readonly KeptInput[], slots: readonly H[], recipes: RecipeTimes): Delivery<H>[] {
  return refs.filter((ref) => !slot.held.has(ref.$v2uRef)).map((ref): Delivery<H> => {
    if (cheaperToRebuild(ref, recipes)) return { ref, how: 'rebuild' };
    const from = holderOf(ref.$v2uRef, slots);
    return from ? { ref, how: 'copy', from } : { ref, how: 'lost' };
  });
}
