/**
 * The layout job, run by the worker pool like a node module (the pool `import()`s it by URL
 * and calls `processLogic`), so laying out a large graph never blocks the page, and the
 * pool's main-thread fallback covers pages without workers. elkjs (1.6 MB) is imported on
 * the first layout only: it is never part of the editor's first paint.
 */
import { defineNode } from '../../core/define-node.js';
import { fromElkGraph, toElkGraph } from '../../core/auto-layout/elk-graph.js';
import type { LayoutInput } from '../../core/auto-layout/layout-input.js';

interface ElkApi {
  layout(graph: unknown): Promise<{ children?: { id: string; x?: number; y?: number }[] }>;
}

let elk: Promise<ElkApi> | undefined;

/**
 * elk.bundled.js installs itself as `self.onmessage` when it finds itself in a worker (its
 * own worker mode); the pool's worker speaks comlink, so that handler is put back at once.
 */
function loadElk(): Promise<ElkApi> {
  return (elk ??= (async () => {
    const scope = globalThis as { onmessage?: unknown };
    const before = scope.onmessage;
    const { default: ELK } = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => ElkApi };
    if ('onmessage' in scope) scope.onmessage = before ?? null;
    return new ELK();
  })());
}

export default defineNode({
  type: 'v2u/layout',
  version: 1,
  category: 'utility',
  title: 'Layout',
  description: 'Lays a graph out left to right (the editor\'s Tidy up; not a palette node).',
  inputs: { graph: { type: 'object' } },
  outputs: { positions: { type: 'object' } },
  async processLogic(inputs, { signal }) {
    const engine = await loadElk();
    signal.throwIfAborted();
    const result = await engine.layout(toElkGraph(inputs.graph as LayoutInput));
    return { positions: fromElkGraph(result) };
  },
});
