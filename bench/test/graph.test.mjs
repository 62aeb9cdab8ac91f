// `node --test bench/test/`: the generator gives every editor a valid, stable graph.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDGES_PER_NODE, KINDS, LAYOUT, generateGraph } from '../lib/graph.mjs';

test('the same size and seed give the same graph', () => {
  assert.deepEqual(generateGraph(500), generateGraph(500));
  assert.notDeepEqual(generateGraph(500, 1), generateGraph(500, 2));
});

for (const size of [1000, 5000, 10000])
  test(`${size} nodes carry about ${EDGES_PER_NODE} edges per node`, () => {
    const { nodes, edges } = generateGraph(size);
    assert.equal(nodes.length, size);
    assert.ok(Math.abs(edges.length / size - EDGES_PER_NODE) < 0.02, `${edges.length} edges`);
  });

test('edges name real ports, feed each input once and run left to right', () => {
  const { nodes, edges } = generateGraph(2000);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const fed = new Set();
  for (const e of edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    assert.ok(e.out < KINDS[from.kind].outputs, `${e.id}: output ${e.out} of ${from.kind}`);
    assert.ok(e.in < KINDS[to.kind].inputs, `${e.id}: input ${e.in} of ${to.kind}`);
    assert.ok(!fed.has(`${e.to}:${e.in}`), `${e.to} input ${e.in} fed twice`);
    fed.add(`${e.to}:${e.in}`);
    assert.ok(from.x < to.x, `${e.id} runs right to left`);
  }
});

test('the strip left of the graph stays empty for background drags', () => {
  const { nodes } = generateGraph(1000);
  assert.ok(Math.min(...nodes.map((n) => n.x)) >= LAYOUT.left - 12);
});
