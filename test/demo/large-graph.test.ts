import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { GraphDocument } from '../../src/core/index.js';
import { domOverlaps } from '../elements/editor-helpers.js';

type Generate = (count: number, seed?: number) => GraphDocument;
const demoUrl = new URL('../../../demo/generate-graph.js', import.meta.url).href;

describe('the large-graph demo', () => {
  it('generates nodes that never overlap, tables with their previews included', async () => {
    const { generateGraph } = (await import(demoUrl)) as { generateGraph: Generate };
    const graph = generateGraph(600);
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette style="width: 1000px; height: 600px"></v2u-editor>`);
    el.graph = graph;
    await waitUntil(() => graph.nodes.every((n) => el.registry.get(n.type)), 'the built-in library knows every node type', { timeout: 10000 });
    await el.updateComplete;
    const rects = [...el.store.state.nodes()].map((n) => ({ id: n.id, ...el.view.rectOf(n) }));
    expect(rects.some((r) => r.height > 200), 'tables reserve their preview').to.equal(true);
    const overlapping: string[] = [];
    const byColumn = [...rects].sort((a, b) => a.x - b.x);
    for (const [i, a] of byColumn.entries())
      for (const b of byColumn.slice(i + 1)) {
        if (b.x >= a.x + a.width) break;
        if (a.y < b.y + b.height && b.y < a.y + a.height) overlapping.push(`${a.id}/${b.id}`);
      }
    expect(overlapping, 'node boxes (the geometry the shells are drawn with)').to.deep.equal([]);
    expect(domOverlaps(el), 'the nodes on screen, measured').to.deep.equal([]);
  });
});
