import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { GraphDocument } from '../../../src/core/document.js';
import { RunController, type RunControllerOptions } from '../../../src/elements/run/run-controller.js';
import { diamond, flow, withConfig } from '../../fixtures/flows.js';
import { until } from '../../fixtures/engine-setup.js';
import { resolveFixture } from '../../fixtures/engine/index.js';
import { sharedPool } from '../../../src/runtime/pool/shared-pool.js';

/** A minimal host: renders each node's status and preview text from the controller. */
class RunHost extends LitElement {
  doc: GraphDocument = diamond();
  options: Partial<RunControllerOptions> = { autoRun: false };
  runner!: RunController;

  override connectedCallback() {
    this.runner ??= new RunController(this, { resolve: resolveFixture, document: () => this.doc, ...this.options });
    super.connectedCallback();
  }

  edit(doc: GraphDocument) {
    this.doc = doc;
    this.runner.documentChanged();
  }

  override render() {
    return this.doc.nodes.map((n) => {
      const s = this.runner.nodeState(n.id);
      return html`<p data-id=${n.id}>${s.status} ${s.preview?.kind === 'value' ? s.preview.text : ''}</p>`;
    });
  }
}
customElements.define('test-run-host', RunHost);

async function host(doc: GraphDocument, options: Partial<RunControllerOptions> = { autoRun: false }) {
  return fixture<RunHost>(html`<test-run-host .doc=${doc} .options=${options}></test-run-host>`);
}

const shown = (el: RunHost, id: string) => el.shadowRoot!.querySelector(`[data-id="${id}"]`)!.textContent!.trim();

describe('RunController', () => {
  it('tries a failed load of the run code again, and a load nobody awaits leaves no unhandled rejection', async () => {
    let attempts = 0;
    const ready = () => (++attempts === 1 ? Promise.reject(new Error('graph not ready')) : Promise.resolve());
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => (unhandled.push(event.reason), event.preventDefault());
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const el = await host(diamond(), { autoRun: false, ready });
      el.runner.warm();
      await until(() => attempts === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled, 'the Run intent swallowed the failure').to.deep.equal([]);
      const summary = await el.runner.run();
      expect(attempts, 'loaded again').to.equal(2);
      expect(summary.status).to.equal('done');
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('runs the host graph, dispatches run events and renders status and preview', async () => {
    const el = await host(diamond());
    const statuses: string[] = [];
    el.addEventListener('v2u-node-status', (e) => e.detail.nodeId === 'total' && statuses.push(e.detail.status));
    const started = oneEvent(el, 'v2u-run-start');
    const ended = oneEvent(el, 'v2u-run-end');
    const summary = await el.runner.run();
    expect((await started).detail.nodes).to.have.length(5);
    const end = await ended;
    expect(end.bubbles && end.composed, 'bubbles and composed').to.equal(true);
    expect(end.detail.summary).to.deep.equal(summary);
    expect(statuses).to.deep.equal(['queued', 'running', 'done']);
    await el.updateComplete;
    expect(shown(el, 'total')).to.equal('done 16');
    expect(el.runner.nodeState('total')).to.include({ status: 'done', progress: 1 });
    expect(el.runner.metrics.pool!.mode).to.equal('worker');
  });

  it('shows an error on the failing node and fires v2u-error with its id', async () => {
    const el = await host(flow([['a', 'create/number', { value: 1 }], ['bad', 'utility/fail'], ['after', 'transform/add']], ['a.value>bad.value', 'bad.value>after.a']));
    const error = oneEvent(el, 'v2u-error');
    await el.runner.run();
    expect((await error).detail).to.include({ nodeId: 'bad', code: 'boom', source: 'run' });
    expect(el.runner.nodeState('bad').error!.message).to.match(/^boom on call \d+$/);
    expect(el.runner.nodeState('after').blockedBy).to.equal('bad');
    await el.updateComplete;
    expect(shown(el, 'a')).to.equal('done 1');
  });

  it('auto-runs on connect and re-runs only what an edit dirtied', async () => {
    const el = await host(diamond(), { autoRun: true, debounceMs: 20 });
    const first = await oneEvent(el, 'v2u-run-end');
    expect(first.detail.summary.executed).to.have.length(5);
    const second = oneEvent(el, 'v2u-run-end');
    el.edit(withConfig(el.doc, 'right', { plus: 100 }));
    expect([...el.runner.dirty].sort(), 'dirty until the debounced run').to.deep.equal(['right', 'total']);
    expect([...(await second).detail.summary.executed].sort()).to.deep.equal(['right', 'total']);
    expect(el.runner.nodeState('total').output).to.deep.equal({ sum: 106 });
  });

  it('sends progress in order and cancels a running run', async () => {
    const el = await host(flow([['slow', 'utility/spin', { ms: 8000, steps: 800 }]]));
    const progress: number[] = [];
    el.addEventListener('v2u-node-progress', (e) => progress.push(e.detail.progress));
    const run = el.runner.run();
    await until(() => progress.length >= 3);
    el.runner.cancel();
    expect((await run).status).to.equal('cancelled');
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]), `in order: ${progress.join(', ')}`).to.equal(true);
    expect(el.runner.nodeState('slow').status).to.equal('cancelled');
  });

  it('shares one pool between two hosts and stops its workers when both leave', async () => {
    const a = await host(diamond());
    const b = await host(wideOfTwo());
    await Promise.all([a.runner.run(), b.runner.run()]);
    const pool = sharedPool();
    expect(pool.metrics().users, 'both hosts hold the page pool').to.equal(2);
    const starts = (el: RunHost) => el.runner.metrics.pool!.workers.map((w) => w.starts);
    expect(starts(a), 'the same workers behind both hosts').to.deep.equal(starts(b));
    expect(b.runner.metrics.pool!.users).to.equal(2);
    a.remove();
    expect(pool.metrics().users).to.equal(1);
    expect(b.runner.metrics.pool!.workers.some((w) => w.state !== 'stopped'), 'workers stay for the other host').to.equal(true);
    b.remove();
    expect(pool.metrics().users).to.equal(0);
    expect(pool.metrics().workers.every((w) => w.state === 'stopped'), 'no worker outlives the last host').to.equal(true);
    expect(b.runner.metrics.pool, 'released on disconnect').to.equal(undefined);
  });

  it('fires v2u-warning when workers cannot start, and still runs', async () => {
    const el = await host(diamond(), { autoRun: false, pool: { workerUrl: new URL('./missing-worker.js', import.meta.url).href } });
    const warning = oneEvent(el, 'v2u-warning');
    await el.runner.run();
    expect((await warning).detail).to.include({ code: 'worker-fallback', source: 'pool' });
    expect(el.runner.nodeState('total').output).to.deep.equal({ sum: 16 });
  });
});

function wideOfTwo() {
  return flow([['x', 'utility/spin', { ms: 100, steps: 2 }], ['y', 'utility/spin', { ms: 100, steps: 2 }]]);
}
