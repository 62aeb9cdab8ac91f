import { expect } from '@open-wc/testing';
import { defineNode } from '../../../src/core/define-node.js';
import { BLOCK, eachBlock, eachIndex } from '../../../src/nodes/shared/loop.js';

/** Busy for `ms` milliseconds: a step as slow as an expression JSONata evaluates. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A node whose loop never reports progress itself, and whose steps are slow. */
const silent = defineNode({
  type: 'test/silent-loop',
  version: 1,
  category: 'utility',
  title: 'Silent loop',
  inputs: {},
  outputs: { count: { type: 'number' } },
  config: {},
  async processLogic(_inputs, context, _reportProgress) {
    let count = 0;
    // reportProgress is ignored: the node hands the helper one that does nothing (and never pauses).
    await eachIndex(20_000, context, () => undefined, () => (busy(0.02), count++));
    return { count };
  },
});

/** The gaps between animation frames while `work` runs on this (the main) thread. */
async function frameGaps(work: () => Promise<unknown>): Promise<number[]> {
  const gaps: number[] = [];
  let running = true;
  let last = performance.now();
  const tick = (now: number) => {
    gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  await new Promise((resolve) => requestAnimationFrame(resolve));
  last = performance.now();
  requestAnimationFrame(tick);
  await work();
  running = false;
  return gaps;
}

describe('nodes/shared/loop on the main thread', () => {
  it('yields on a time budget, so a node that never reports progress leaves frame gaps under 50 ms', async () => {
    let outputs: Record<string, unknown> = {};
    const signal = new AbortController().signal;
    const gaps = await frameGaps(async () => {
      outputs = await silent.processLogic({}, { signal, config: {}, nodeId: 'n1', log: () => undefined }, () => undefined);
    });
    expect(outputs.count, 'every step ran').to.equal(20_000);
    expect(gaps.length, 'frames were drawn during the run').to.be.greaterThan(3);
    // A loop that does not yield leaves one gap as long as the whole run (400 ms here). On the
    // shared 2-core machine the OS may delay a stray frame, so the typical and the mean gap are
    // held under 50 ms, and the longest under half the run.
    const sorted = gaps.slice().sort((a, b) => a - b);
    const total = gaps.reduce((sum, gap) => sum + gap, 0);
    const shown = `(gaps: ${gaps.map(Math.round).join(', ')})`;
    expect(sorted[Math.floor(sorted.length / 2)], `median frame gap ${shown}`).to.be.below(50);
    expect(total / gaps.length, `mean frame gap ${shown}`).to.be.below(50);
    expect(sorted.at(-1), `longest frame gap ${shown}`).to.be.below(total / 2);
  });

  it('runs blocks of rows that cover each row once, in order, with progress to 1 and cancellation', async () => {
    const count = 3 * BLOCK + 5;
    const blocks: [number, number][] = [];
    const progress: number[] = [];
    const signal = new AbortController().signal;
    await eachBlock(count, { signal }, (f) => progress.push(f), (from, to) => blocks.push([from, to]));
    expect(blocks).to.deep.equal([[0, BLOCK], [BLOCK, 2 * BLOCK], [2 * BLOCK, 3 * BLOCK], [3 * BLOCK, count]]);
    expect(progress.at(-1)).to.equal(1);
    await eachBlock(0, { signal }, () => undefined, () => expect.fail('no rows, no block'));
    const cancelled = new AbortController();
    cancelled.abort();
    const error = await eachBlock(10, cancelled, () => undefined, () => undefined).catch((e: Error) => e);
    expect((error as Error)?.name).to.equal('AbortError');
    // The time budget holds across blocks: a slow block loop still yields to frames.
    const gaps = await frameGaps(() => eachBlock(400 * BLOCK, { signal }, () => undefined, () => busy(0.5)));
    expect(gaps.length, 'frames were drawn while the blocks ran').to.be.greaterThan(3);
  });
});
