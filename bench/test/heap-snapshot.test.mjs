// `node --test bench/test/`: heap-owners' snapshot reading on a small hand-made snapshot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byOwner, fieldsOf, readSnapshot, retainedSizes } from '../lib/heap-snapshot.mjs';

/**
 * root → Engine → (graph) Map → table (array); root → Engine and root → Shared, Engine →
 * Shared too (Shared is dominated by the root, not the engine); Engine ⇢ Weak (weak edge only).
 */
function snapshot() {
  const strings = ['', 'Engine', 'Map', 'Shared', 'Weak', 'graph', 'shared', 'weak', 'engine', 'table', 'system / Root'];
  // type, name, id, self_size, edge_count
  const nodes = [
    [9, 10, 1, 0, 2], // root (synthetic)
    [3, 1, 3, 40, 3], // Engine
    [3, 2, 5, 16, 1], // Map
    [1, 0, 7, 200, 0], // table (array)
    [3, 3, 9, 24, 0], // Shared
    [3, 4, 11, 8, 0], // Weak
  ];
  // type, name_or_index, to_node (ordinal × field count)
  const edges = [
    [2, 8, 1], [2, 6, 4], // root
    [2, 5, 2], [2, 6, 4], [6, 7, 5], // Engine
    [3, 9, 3], // Map
  ];
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
        node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic']],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']],
      },
    },
    nodes: nodes.flat(),
    edges: edges.map(([type, name, to]) => [type, name, to * 5]).flat(),
    strings,
  };
}

test('dominators and retained sizes: a shared object belongs to the root, a weakly held one to nobody', () => {
  const g = readSnapshot(snapshot());
  assert.deepEqual([...g.idom], [0, 0, 1, 2, 0, -1]);
  const retained = retainedSizes(g);
  assert.equal(retained[1], 40 + 16 + 200, 'the engine retains its map and the map\'s table, not the shared object');
  assert.deepEqual(fieldsOf(g, retained, 1).map((f) => [f.name, f.bytes]), [['graph', 216], ['shared', 0]]);
});

test('owners: each object\'s bytes go to its nearest dominating named object', () => {
  const g = readSnapshot(snapshot());
  const owners = Object.fromEntries(byOwner(g).map(({ key, bytes }) => [key, bytes]));
  assert.equal(owners['Engine{graph,shared}'], 40 + 16 + 200);
  assert.equal(owners['Shared{}'], 24);
});
