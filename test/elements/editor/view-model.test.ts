import { expect } from '@open-wc/testing';
import { GraphStore, nodeHeight, type GraphDocument, type NodeManifest } from '../../../src/core/index.js';
import { GraphViewModel } from '../../../src/elements/editor/view-model.js';
import { ManifestMap } from '../../../src/registry/manifest-map.js';
import { countInserts } from './count-inserts.js';

/** Three ports in, one out: taller than the one-port placeholder its edges imply. */
const wide: NodeManifest = {
  type: 'test/wide',
  version: 1,
  category: 'transform',
  title: 'Wide',
  inputs: { a: { type: 'any' }, b: { type: 'any' }, c: { type: 'any' } },
  outputs: { out: { type: 'any' } },
};

const doc = (): GraphDocument => ({
  version: 2,
  nodes: [
    { id: 'n1', type: 'test/wide', position: { x: 0, y: 0 }, config: {} },
    { id: 'n2', type: 'test/wide', position: { x: 400, y: 0 }, config: {} },
    { id: 'n3', type: 'test/wide', position: { x: 800, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'n1', port: 'out' }, to: { node: 'n2', port: 'a' } },
    { id: 'e2', from: { node: 'n2', port: 'out' }, to: { node: 'n3', port: 'a' } },
  ],
  groups: [],
  viewport: { x: 0, y: 0, zoom: 1 },
  metadata: {},
});

describe('GraphViewModel', () => {
  it('indexes a graph loaded before its types once, with them, when the indexes are first read', () => {
    const store = new GraphStore();
    const view = new GraphViewModel(store, new ManifestMap());
    store.subscribe((event) => view.update(event));
    const inserts = countInserts();
    try {
      store.load(doc());
      view.setSources(store, new ManifestMap([wide])); // the types arrive before the first render
      expect(inserts.count, 'nothing indexed before a read').to.equal(0);

      const rect = view.nodeIndex.rectOf('n2');
      expect(inserts.count, 'one build: three nodes and two edges').to.equal(5);
      expect(rect?.height, 'the manifest’s ports, not the placeholder’s').to.equal(nodeHeight({ inputs: ['a', 'b', 'c'], outputs: ['out'] }));
      expect([...view.edgeIndex.query({ x: 0, y: -100, width: 1200, height: 400 })].sort()).to.deep.equal(['e1', 'e2']);
      expect(inserts.count, 'reads after the build insert nothing').to.equal(5);
    } finally {
      inserts.restore();
    }
  });

  it('after a build, an edit re-indexes only what it touched', () => {
    const store = new GraphStore();
    const view = new GraphViewModel(store, new ManifestMap([wide]));
    store.subscribe((event) => view.update(event));
    store.load(doc());
    void view.nodeIndex;
    const inserts = countInserts();
    try {
      store.moveNodes([{ id: 'n3', position: { x: 900, y: 50 } }]);
      expect(inserts.count, 'the moved node and its one edge').to.equal(2);
      expect(view.nodeIndex.rectOf('n3')).to.include({ x: 900, y: 50 });
      expect(inserts.count, 'no rebuild on the next read').to.equal(2);
    } finally {
      inserts.restore();
    }
  });

  it('looks each type up once while it builds the indexes, and again after the types change', () => {
    const lookups: string[] = [];
    const counting = (manifests: NodeManifest[]) => {
      const map = new ManifestMap(manifests);
      return { get: (type: string) => (lookups.push(type), map.get(type)) };
    };
    const store = new GraphStore(doc());
    const view = new GraphViewModel(store, counting([]));
    expect(view.nodeIndex.rectOf('n1')?.height, 'unknown: the ports its edge uses').to.equal(nodeHeight({ inputs: [], outputs: ['out'] }));
    expect(lookups, 'three nodes and four edge ends of one unknown type').to.deep.equal(['test/wide']);

    lookups.length = 0;
    view.setSources(store, counting([wide]));
    expect(view.nodeIndex.rectOf('n1')?.height, 'the new manifest is read, not the build before').to.equal(nodeHeight({ inputs: ['a', 'b', 'c'], outputs: ['out'] }));
    expect(lookups).to.deep.equal(['test/wide']);

    lookups.length = 0;
    expect(view.portsOf(store.state.getNode('n2')!).inputs, 'outside a build, reads go to the source').to.deep.equal(['a', 'b', 'c']);
    expect(lookups).to.deep.equal(['test/wide']);
  });
});
