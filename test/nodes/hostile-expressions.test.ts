import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import formula from '../../src/nodes/transform/formula.js';
import filter from '../../src/nodes/transform/filter.js';
import { failure, run } from './run-node.js';

/** Runaway expressions and the limit each one meets first (the TCO loop meets steps or time, whichever the machine reaches first). */
const RUNAWAYS: Array<[string, RegExp]> = [
  ['( $f := function($x){ $f($x) + 1 }; $f(1) )', /recursion deeper than 500 calls/],
  ['( $f := function(){ $f() }; $f() )', /expression exceeded 100,000 evaluation steps|ran longer than 1 s/],
  ['$map([1..1e9], function($v){ $v })', /made a list longer than 1,000,000 items/],
  ['$map([1..500000], function($v){ $v * 2 })', /expression exceeded 100,000 evaluation steps|ran longer than 1 s/],
];

/** Counts animation frames until stopped (at the next frame), and the longest wait between two of them. */
function watchFrames(): () => Promise<{ frames: number; longestGapMs: number }> {
  let frames = 0;
  let longestGapMs = 0;
  let last = performance.now();
  let watching = true;
  const tick = (now: number) => {
    if (!watching) return;
    frames++;
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    return { frames, longestGapMs };
  };
}

const formulaFlow = (expression: string) => ({ version: 2, nodes: [{ id: 'f', type: 'transform/formula', position: { x: 0, y: 0 }, config: { expression } }], edges: [] });

/** An editor with the built-in library; `poolSize` 0 runs node logic on this page's main thread. */
async function editorRunning(expression: string, poolSize?: number): Promise<V2uEditor> {
  const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette pool-size=${ifDefined(poolSize)} style="width: 600px; height: 300px"></v2u-editor>`);
  el.graph = formulaFlow(expression) as never;
  await waitUntil(() => el.registry.get('transform/formula'), 'the built-in library knows the formula node', { timeout: 10000 });
  return el;
}

describe('hostile expressions cannot freeze, crash or hang', () => {
  for (const [expression, limit] of RUNAWAYS) {
    it(`stops ${expression} with an error naming the limit, and the page keeps drawing frames`, async () => {
      const stop = watchFrames();
      const error = await failure(formula, {}, { expression });
      const { frames, longestGapMs } = await stop();
      expect(error.code, error.message).to.equal('expression-limit');
      expect(error.message.split('\n')[0]).to.match(limit);
      expect(frames, 'frames while it ran on this thread').to.be.greaterThan(0);
      expect(longestGapMs, 'no long freeze between frames').to.be.below(1000);
    });
  }

  it('a runaway row expression stops at its first row; ordinary expressions are untouched', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ n: i }));
    const error = await failure(filter, { rows }, { expression: '( $f := function($x){ $f($x) + 1 }; $f(n) ) > 0' });
    expect(error.message).to.contain('(row 0)').and.contain('recursion deeper than 500 calls');
    const kept = await run(filter, { rows }, { expression: '$count([1..n]) > 990 and ( $f := function($x){ $x <= 0 ? 0 : $f($x - 1) + 1 }; $f(400) ) = 400' });
    expect((kept.outputs.rows as unknown[]).length, 'a list of 999 and recursion 400 deep are fine').to.equal(9);
  });

  it('what is not stopped: one built-in step runs to its end, and only its result is refused', async () => {
    const started = performance.now();
    const error = await failure(formula, {}, { expression: '$pad("", 20000000, "x")' });
    expect(error.message.split('\n')[0], 'the 20 MB text was built, then refused').to.contain('gave a text of 20,000,000 characters, more than 10,000,000');
    expect(performance.now() - started, 'one step: no time limit met on the way').to.be.below(5000);
    const fine = await run(formula, { a: Array.from({ length: 200_000 }, (_, i) => ({ n: i })) }, { expression: '$sum(a.n)' });
    expect(fine.outputs.value, 'reading 200,000 cells takes no steps').to.equal(19_999_900_000);
  });

  for (const [where, poolSize] of [['a worker', undefined], ['the main thread (pool-size="0")', 0]] as const) {
    it(`in ${where}, the node fails naming the limit and the page keeps producing frames`, async () => {
      // A first, harmless run loads the editing and run code (one-time module work on this
      // thread, which a loaded machine can stretch past the limit): the frames watched are the runaway's.
      const el = await editorRunning('1 + 1', poolSize);
      expect((await el.run()).status).to.equal('done');
      el.graph = formulaFlow(RUNAWAYS[0][0]) as never;
      const stop = watchFrames();
      const summary = await el.run();
      const { frames, longestGapMs } = await stop();
      expect(summary.status).to.equal('error');
      expect(el.nodeState('f')!.error!.message).to.contain('recursion deeper than 500 calls');
      expect(el.metrics.pool!.mode, 'where it ran').to.equal(poolSize === 0 ? 'main' : 'worker');
      expect(frames, 'frames during the run').to.be.greaterThan(0);
      expect(longestGapMs, 'no long freeze between frames').to.be.below(1000);
      el.graph = formulaFlow(RUNAWAYS[1][0]) as never;
      const stop2 = watchFrames();
      await el.run();
      const loop = await stop2();
      expect(el.nodeState('f')!.error!.message.split('\n')[0]).to.match(RUNAWAYS[1][1]);
      expect(loop.longestGapMs, 'an endless loop lets frames through').to.be.below(1000);
    });
  }
});
