import { expect } from '@open-wc/testing';
import { CURRENT_VERSION, GraphStore, V2uError, isV2uError, parseDocument, quote } from '../../src/core/index.js';
import { toPlainError } from '../../src/core/engine/index.js';

const HUGE = 'x'.repeat(10_000_000);
/** Generous: the message around a quote, plus the 200 quoted characters and the length note. */
const SHORT = 1000;

function thrown(fn: () => unknown): V2uError {
  try {
    fn();
  } catch (error) {
    expect(isV2uError(error), String(error)).to.equal(true);
    return error as V2uError;
  }
  throw new Error('expected a V2uError');
}

describe('error messages quote input briefly', () => {
  it('quote() cuts long input with an ellipsis and the original length', () => {
    expect(quote('short')).to.equal('"short"');
    expect(quote(HUGE)).to.equal(`"${'x'.repeat(200)}…" (10,000,000 characters)`);
  });

  it('a 10 MB id in a document gives a short parse error that still says how long it was', () => {
    const doc = { version: CURRENT_VERSION, nodes: [], edges: [{ id: 'e', from: { node: HUGE, port: 'out' }, to: { node: 'b', port: 'in' } }] };
    const error = thrown(() => parseDocument(doc));
    expect(error.message.length, 'message length').to.be.below(SHORT);
    expect(error.message).to.contain('(10,000,000 characters)');
    expect(error.path).to.equal('$.edges[0].from.node');
  });

  it('store commands quote ids briefly', () => {
    const store = new GraphStore();
    expect(thrown(() => store.updateConfig(HUGE, {})).message.length).to.be.below(SHORT);
    expect(thrown(() => store.connect({ node: HUGE, port: HUGE }, { node: HUGE, port: 'a' })).message.length).to.be.below(SHORT);
  });

  it('every V2uError and every error a node throws is bounded, whoever built the message', () => {
    expect(new V2uError('bad-value', HUGE).message.length).to.be.below(3000);
    const plain = toPlainError(Object.assign(new Error(HUGE), { name: HUGE, code: HUGE }));
    expect(plain.message.length, 'message').to.be.below(3000);
    expect(plain.name.length + (plain.code ?? '').length, 'name and code').to.be.below(SHORT);
    expect((plain.stack ?? '').length, 'stack').to.be.below(10_000);
    expect(toPlainError(HUGE).message.length, 'a thrown string').to.be.below(3000);
  });
});
