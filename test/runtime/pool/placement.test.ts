import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { cheaperToRebuild, copyMs, COPY_MS_PER_ITEM, deliveries, fit, holderOf, rank, type Holder, type KeptInput, type RecipeTimes } from '../../../src/runtime/pool/placement.js';

interface TestSlot extends Holder {
  name: string;
}

/** A slot with a worker, idle unless told otherwise, holding `held`. */
const slot = (name: string, held: string[] = [], state: Partial<Omit<Holder, 'held'>> = {}): TestSlot => ({
  name,
  held: new Set(held),
  live: true,
  idle: true,
  finishing: false,
  ...state,
});
const ref = (id: string, length: number): KeptInput => ({ $v2uRef: id, length });
const none: RecipeTimes = new Map();
const recipes = (entries: Record<string, number>): RecipeTimes => new Map(Object.entries(entries).map(([id, ms]) => [id, { ms }]));

// A million rows: copying them costs 7000 ms.
const big = ref('big', 1_000_000);

describe('placement: holders', () => {
  it('prefers an idle holder, then any live one, and ignores a slot without a worker', () => {
    const busy = slot('busy', ['v'], { idle: false });
    const idle = slot('idle', ['v']);
    const dead = slot('dead', ['v'], { live: false, idle: false });
    expect(holderOf('v', [dead, busy, idle])?.name, 'the idle holder').to.equal('idle');
    expect(holderOf('v', [dead, busy])?.name, 'a busy holder when none is idle').to.equal('busy');
    expect(holderOf('v', [dead]), 'no live holder').to.equal(undefined);
  });
});

describe('placement: copy or rebuild', () => {
  it('prices a copy at COPY_MS_PER_ITEM a row', () => {
    expect(copyMs(big), 'a million rows').to.be.closeTo(1_000_000 * COPY_MS_PER_ITEM, 1e-9);
  });

  it('rebuilds only a value whose recorded job took less time than its copy', () => {
    expect(cheaperToRebuild(big, none), 'no recipe').to.equal(false);
    expect(cheaperToRebuild(big, recipes({ big: 6999 })), 'a faster job').to.equal(true);
    expect(cheaperToRebuild(big, recipes({ big: 7000 })), 'a job as slow as the copy').to.equal(false);
  });
});

describe('placement: which slot takes a task', () => {
  const at = { refs: [big], queuedAt: 1000 };

  it('ranks a task with no kept inputs first, in both passes: it moves no data', () => {
    const placed = fit(slot('s'), { refs: [] }, [], none, 0);
    expect(placed, 'no inputs').to.deep.equal({ kind: 'no-inputs' });
    expect(rank(placed, false), 'second pass').to.equal(0);
    expect(rank(placed, true), 'first pass').to.equal(0);
  });

  it('ranks the task with the most work behind it first, moving no data breaking ties', () => {
    const holder = slot('h', ['big']);
    const local = fit(holder, { refs: [big] }, [holder], none, 0);
    const free = fit(holder, { refs: [] }, [holder], none, 0);
    expect(rank(free, true, 40), 'a source with a long chain behind it').to.be.below(rank(local, true, 30));
    expect(rank(free, true, 30), 'at equal work, the task without kept inputs').to.be.below(rank(local, true, 30));
    expect(rank(local, true, 32), 'a little more work behind the local task').to.be.below(rank(free, true, 30));
    expect(rank({ kind: 'remote' }, true, 1e6), 'however heavy, no copy in the first pass').to.equal(Infinity);
    expect(rank({ kind: 'remote' }, false, 50), 'a heavy remote task in the second pass').to.be.below(rank(local, false, 10));
  });

  it('gives the task to the slot holding all its kept inputs, first', () => {
    const holder = slot('h', ['big', 'b']);
    const placed = fit(holder, { refs: [big, ref('b', 5)] }, [holder], none, 0);
    expect(placed, 'holds every input').to.deep.equal({ kind: 'local' });
    expect(rank(placed, true), 'first pass').to.equal(1);
    expect(rank(placed, false), 'second pass').to.equal(1);
  });

  it('keeps the task for a holder that has just finished its batch, with no deadline', () => {
    const other = slot('o');
    const holder = slot('h', ['big'], { idle: false, finishing: true });
    expect(fit(other, at, [other, holder], none, 1e9), 'however long it waited').to.deep.equal({ kind: 'wait' });
    const gone = slot('h', ['big'], { live: false, idle: false, finishing: true });
    expect(fit(other, at, [other, gone], none, 1e9).kind, 'a holder without a worker is not waited for').to.equal('remote');
  });

  it('waits for a busy holder as long as the copy would take, then copies', () => {
    const other = slot('o');
    const holder = slot('h', ['big'], { idle: false });
    const slots = [other, holder];
    expect(fit(other, at, slots, none, 1000), 'just queued').to.deep.equal({ kind: 'wait', until: 8000 });
    expect(fit(other, at, slots, none, 7999), 'just before the copy time').to.deep.equal({ kind: 'wait', until: 8000 });
    const late = fit(other, at, slots, none, 8000);
    expect(late, 'at the copy time').to.deep.equal({ kind: 'remote' });
    expect(rank(late, false), 'taken in the second pass').to.equal(2);
    expect(rank({ kind: 'wait', until: 8000 }, false), 'a waiting task is not taken').to.equal(Infinity);
  });

  it('copies at once, without waiting, from a holder that took another task after this one was queued', () => {
    const other = slot('o');
    const before = slot('h', ['big'], { idle: false, busySince: 999 });
    expect(fit(other, at, [other, before], none, 1000), 'busy since before it was queued: waits').to.deep.equal({ kind: 'wait', until: 8000 });
    const after = slot('h', ['big'], { idle: false, busySince: 1000 });
    expect(fit(other, at, [other, after], none, 1000), 'took another task over it').to.deep.equal({ kind: 'remote' });
    const finishing = slot('h', ['big'], { idle: false, finishing: true, busySince: 1000 });
    expect(fit(other, at, [other, finishing], none, 1000), 'a holder about to take it is still waited for').to.deep.equal({ kind: 'wait' });
  });

  it('adds up the copy times of every input it must copy, and counts from queuedAt 0 when unset', () => {
    const other = slot('o');
    const holder = slot('h', ['big', 'b'], { idle: false });
    const placed = fit(other, { refs: [big, ref('b', 1000)] }, [other, holder], none, 0);
    expect(placed, 'both copies').to.deep.equal({ kind: 'wait', until: 7007 });
  });

  it('does not wait when every missing input is cheaper to rebuild, nor for only those', () => {
    const other = slot('o');
    const holder = slot('h', ['big', 'b'], { idle: false });
    const slots = [other, holder];
    expect(fit(other, at, slots, recipes({ big: 50 }), 1000), 'rebuilt, not copied').to.deep.equal({ kind: 'remote' });
    const both = { refs: [big, ref('b', 1000)], queuedAt: 1000 };
    expect(fit(other, both, slots, recipes({ big: 50 }), 1000), 'waits for the copy of b only').to.deep.equal({ kind: 'wait', until: 1007 });
  });

  it('does not wait for an input no worker holds (the task will fail as result-lost)', () => {
    const other = slot('o');
    expect(fit(other, at, [other], none, 1000), 'lost input').to.deep.equal({ kind: 'remote' });
  });
});

describe('placement: how each missing input arrives', () => {
  it('skips what the slot holds, rebuilds cheap values, copies from the idle holder, and reports lost ones, in input order', () => {
    const target = slot('t', ['mine']);
    const busy = slot('busy', ['copied'], { idle: false });
    const idle = slot('idle', ['copied', 'rebuilt']);
    const refs = [ref('lost', 10), ref('mine', 10), ref('copied', 10), ref('rebuilt', 1_000_000)];
    const plan = deliveries(target, refs, [target, busy, idle], recipes({ rebuilt: 10 }));
    expect(plan.map((d) => [d.ref.$v2uRef, d.how, 'from' in d ? d.from.name : '']), 'the plan').to.deep.equal([
      ['lost', 'lost', ''],
      ['copied', 'copy', 'idle'],
      ['rebuilt', 'rebuild', ''],
    ]);
  });
});

describe('placement: properties', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const arbSlot = fc.record({ held: fc.subarray(ids), live: fc.boolean(), idle: fc.boolean(), finishing: fc.boolean() }).map(
    ({ held, live, idle, finishing }): TestSlot => ({ name: '', held: new Set(held), live, idle: live && idle, finishing }),
  );
  const arbWorld = fc.record({
    slots: fc.array(arbSlot, { minLength: 1, maxLength: 4 }),
    refs: fc.array(fc.record({ $v2uRef: fc.constantFrom(...ids), length: fc.nat(2_000_000) }), { maxLength: 4 }),
    recipes: fc.dictionary(fc.constantFrom(...ids), fc.nat(20_000)),
    queuedAt: fc.nat(100_000),
    now: fc.nat(200_000),
    pick: fc.nat(),
  });

  it('never waits with a deadline past the time copying every input would take, nor one already passed', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const target = w.slots[w.pick % w.slots.length];
        const placed = fit(target, w, w.slots, recipes(w.recipes), w.now);
        if (placed.kind !== 'wait' || placed.until === undefined) return;
        const allCopies = w.queuedAt + w.refs.reduce((ms, r) => ms + copyMs(r), 0);
        expect(placed.until, 'deadline within the copy time').to.be.at.most(allCopies);
        expect(placed.until, 'deadline still ahead').to.be.above(w.now);
      }),
    );
  });

  it('gives a slot holding every kept input the task in the first pass, whatever the others do', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const target = slot('t', ids);
        expect(rank(fit(target, w, [target, ...w.slots], recipes(w.recipes), w.now), true), 'first pass rank').to.equal(w.refs.length ? 1 : 0);
      }),
    );
  });

  it('plans each missing input once, copying only from a live slot that holds it', () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const target = w.slots[w.pick % w.slots.length];
        const plan = deliveries(target, w.refs, w.slots, recipes(w.recipes));
        expect(plan.map((d) => d.ref), 'every missing input, in order').to.deep.equal(w.refs.filter((r) => !target.held.has(r.$v2uRef)));
        for (const d of plan) if (d.how === 'copy') expect(d.from.live && d.from.held.has(d.ref.$v2uRef), 'a live holder').to.equal(true);
      }),
    );
  });
});
