import { expect, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { GraphStore } from '../../../../src/core/index.js';
import { DocumentController, type DocumentHost } from '../../../../src/elements/editor/document-controller.js';
import { defineHost, graphJson, nodeIds, renderHost, sleep } from './hosts.js';

/** A host with `src` as an attribute; it records what it is asked to report. */
class TestDocumentHost extends LitElement implements DocumentHost {
  readonly store = new GraphStore();
  readonly errors: { source: string; code: string }[] = [];
  readonly document = new DocumentController(this);

  get src(): string | undefined {
    return this.getAttribute('src') ?? undefined;
  }

  reportError(error: unknown, source: string) {
    this.errors.push({ source, code: (error as { code?: string }).code ?? String(error) });
  }
}
const tag = defineHost('test-document-host', TestDocumentHost);

/** The fixture graph (nodes a and b), served by the test server. */
const SMALL = new URL('../../../../../test/fixtures/graphs/small.json', import.meta.url).href;
const MISSING = new URL('../../../../../test/fixtures/graphs/no-such-graph.json', import.meta.url).href;
const NOT_JSON = new URL('../../../../../package.json', import.meta.url).href;
const inline = (json: string) => html`<script type="application/json">${json}</script>`;

describe('DocumentController', () => {
  it('the value attribute comes first: inline JSON and src are not loaded, reset() loads the attribute', async () => {
    const host = await renderHost<TestDocumentHost>(tag, `value='${graphJson('attr')}' src="${SMALL}"`, inline(graphJson('inline')));
    await host.document.loaded;
    await sleep(100);
    expect(nodeIds(host.store), 'the element loads its attribute itself; the controller loads nothing').to.deep.equal([]);
    host.document.reset();
    expect(nodeIds(host.store)).to.deep.equal(['attr']);
  });

  it('inline JSON comes before src', async () => {
    const host = await renderHost<TestDocumentHost>(tag, `src="${SMALL}"`, inline(graphJson('inline')));
    expect(nodeIds(host.store), 'loaded on connect').to.deep.equal(['inline']);
    await host.document.loaded;
    await sleep(100);
    expect(nodeIds(host.store), 'src is not fetched').to.deep.equal(['inline']);
  });

  it('loads src when nothing else is given, and reset() goes back to it after edits', async () => {
    const host = await renderHost<TestDocumentHost>(tag, `src="${SMALL}"`);
    await host.document.loaded;
    expect(nodeIds(host.store)).to.deep.equal(['a', 'b']);
    host.store.removeNodes(['a']);
    host.document.reset();
    expect(nodeIds(host.store), 'the page’s graph again').to.deep.equal(['a', 'b']);
    expect(host.errors).to.deep.equal([]);
  });

  it('reports a failing or malformed src as a src error and keeps the graph', async () => {
    const host = await renderHost<TestDocumentHost>(tag, `src="${MISSING}"`);
    await host.document.loaded;
    expect(host.errors, 'HTTP 404').to.deep.equal([{ source: 'src', code: 'load-failed' }]);

    host.document.loadSrc(SMALL);
    await host.document.loaded;
    host.document.loadSrc(NOT_JSON);
    await host.document.loaded;
    expect(host.errors.map((e) => e.source), 'not a graph').to.deep.equal(['src', 'src']);
    expect(nodeIds(host.store), 'the graph before it stays').to.deep.equal(['a', 'b']);
  });

  it('a newer src load cancels an older, slower one', async () => {
    const host = await renderHost<TestDocumentHost>(tag);
    host.document.loadSrc(`${NOT_JSON}?v2u-slow=400`);
    host.document.loadSrc(SMALL);
    await host.document.loaded;
    await sleep(600);
    expect(nodeIds(host.store), 'the newer graph stays').to.deep.equal(['a', 'b']);
    expect(host.errors, 'the cancelled load reports nothing').to.deep.equal([]);
  });

  it('removing the host cancels its src load quietly', async () => {
    const host = await renderHost<TestDocumentHost>(tag, `src="${SMALL}?v2u-slow=300"`);
    host.remove();
    await host.document.loaded;
    await sleep(400);
    expect(nodeIds(host.store), 'nothing loaded into a removed host').to.deep.equal([]);
    expect(host.errors).to.deep.equal([]);
  });

  it('reset() without a page graph empties the graph; reconnecting does not load the page graph again', async () => {
    const host = await renderHost<TestDocumentHost>(tag);
    host.document.load(graphJson('code'), 'value');
    host.document.reset();
    expect(nodeIds(host.store), 'empty').to.deep.equal([]);

    const inlined = await renderHost<TestDocumentHost>(tag, '', inline(graphJson('inline')));
    inlined.store.addNode({ type: 'create/number', position: { x: 0, y: 0 } });
    const parent = inlined.parentElement!;
    inlined.remove();
    parent.append(inlined);
    expect(nodeIds(inlined.store), 'edits survive a move in the page').to.have.length(2);
  });

  it('tryLoad reports bad input under its source and keeps the graph; load() also throws', async () => {
    const host = await renderHost<TestDocumentHost>(tag, '', inline(graphJson('kept')));
    host.document.tryLoad('{"version": 2, "nodes": [', 'value');
    expect(() => host.document.load({ version: 2, nodes: 'no' } as never, 'importGraph')).to.throw();
    expect(host.errors.map((e) => e.source)).to.deep.equal(['value', 'importGraph']);
    expect(nodeIds(host.store)).to.deep.equal(['kept']);
  });
});
