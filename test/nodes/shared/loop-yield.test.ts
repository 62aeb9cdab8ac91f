import { expect } from '@open-wc/testing';
import { defineNode } from '../../../src/core/define-node.js';
import { eachIndex } from '../../../src/nodes/shared/loop.js';

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
});
