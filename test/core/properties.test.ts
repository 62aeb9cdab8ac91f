import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GROUP_COLORS, GraphStore, editSubflow, isV2uError, makeSubflow, moveGroup, parseDocument, serializeDocument, snapshotGroup, topologicalOrder, updateGroup } from '../../src/core/index.js';
import { resolveTestPorts, testPorts } from './fixtures.js';

const TYPES = Object.keys(testPorts);
/** Mostly ordinary coordinates, sometimes hostile ones (issue 21) that every command must refuse. */
const coord = fc.oneof({ arbitrary: fc.integer({ min: -2000, max: 2000 }), weight: 9 }, { arbitrary: fc.constantFrom(1e19, -1e7, 2 ** 53, NaN), weight: 1 });
const configValue = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 9 },
  { arbitrary: fc.constantFrom<() => unknown>(() => new Date(0), () => new Map(), () => 1n, () => [undefined], () => Infinity).map((make) => make()), weight: 1 },
);

/** One editing command, with indexes resolved against whatever exists when it runs. */
const command = fc.oneof(
  fc.record({ op: fc.constant('add'), type: fc.nat(TYPES.length - 1), x: coord, y: coord }),
  fc.record({ op: fc.constant('remove'), pick: fc.nat() }),
  fc.record({ op: fc.constant('move'), pick: fc.nat(), x: coord, y: coord }),
  fc.record({ op: fc.constant('drag'), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), steps: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('connect'), a: fc.nat(), b: fc.nat(), out: fc.nat(), inp: fc.nat(), replace: fc.boolean() }),
  fc.record({ op: fc.constant('disconnect'), pick: fc.nat() }),
  fc.record({ op: fc.constant('config'), pick: fc.nat(), key: fc.constantFrom('value', 'unit', 'note'), value: configValue }),
  fc.record({ op: fc.constant('label'), pick: fc.nat(), label: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ op: fc.constant('group'), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('ungroup'), pick: fc.nat() }),
  fc.record({
    op: fc.constant('edit-group'),
    pick: fc.nat(),
    patch: fc.record(
      {
        label: fc.option(fc.string(), { nil: null }),
        color: fc.constantFrom(...GROUP_COLORS),
        collapsed: fc.boolean(),
        rect: fc.option(fc.record({ x: coord, y: coord, width: fc.integer({ min: 1, max: 900 }), height: fc.integer({ min: 1, max: 900 }) }), { nil: null }),
      },
      { requiredKeys: [] },
    ),
  }),
  fc.record({ op: fc.constant('make-subflow'), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('edit-subflow'), pick: fc.nat(), node: fc.nat(), x: coord }),
  fc.record({ op: fc.constant('move-group'), pick: fc.nat(), x: coord, y: coord, steps: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('paste'), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), x: coord, y: coord }),
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(items: T[], index: number): T | undefined {
  return items.length ? items[index % items.length] : undefined;
}

/** Runs a command; refusals (a V2uError) are part of the game, anything else fails the property. */
function runCommand(store: GraphStore, cmd: Command) {
  const nodes = [...store.state.nodes()];
  const ids = (picks: number[]) => [...new Set(picks.map((p) => pick(nodes, p)?.id).filter((id): id is string => !!id))];
  try {
    switch (cmd.op) {
      case 'add':
        return void store.addNode({ type: TYPES[cmd.type], position: { x: cmd.x, y: cmd.y } });
      case 'remove':
        return void store.removeNodes(ids([cmd.pick]));
      case 'move': {
        const node = pick(nodes, cmd.pick);
        return void (node && store.moveNodes([{ id: node.id, position: { x: cmd.x, y: cmd.y } }]));
      }
      case 'drag':
        return store.transaction('Drag', () => {
          for (let s = 1; s <= cmd.steps; s++) store.moveNodes(ids(cmd.picks).map((id) => ({ id, position: { x: s * 7, y: s * 3 } })));
        });
      case 'connect': {
        const a = pick(nodes, cmd.a);
        const b = pick(nodes, cmd.b);
        const outs = a ? Object.keys(testPorts[a.type]?.outputs ?? {}) : [];
        const ins = b ? Object.keys(testPorts[b.type]?.inputs ?? {}) : [];
        if (!a || !b || !outs.length || !ins.length) return;
        return void store.connect({ node: a.id, port: pick(outs, cmd.out)! }, { node: b.id, port: pick(ins, cmd.inp)! }, { replace: cmd.replace });
      }
      case 'disconnect': {
        const edge = pick([...store.state.edges()], cmd.pick);
        return void (edge && store.disconnect([edge.id]));
      }
      case 'config': {
        const node = pick(nodes, cmd.pick);
        return void (node && store.updateConfig(node.id, { [cmd.key]: cmd.value }));
      }
      case 'label': {
        const node = pick(nodes, cmd.pick);
        return void (node && store.setLabel(node.id, cmd.label));
      }
      case 'group': {
        const members = ids(cmd.picks);
        return void (members.length && store.group(members));
      }
      case 'ungroup': {
        const group = pick([...store.state.groups()], cmd.pick);
        return void (group && store.ungroup(group.id));
      }
      case 'edit-group': {
        const group = pick([...store.state.groups()], cmd.pick);
        return void (group && updateGroup(store, group.id, cmd.patch));
      }
      case 'make-subflow': {
        const members = ids(cmd.picks);
        return void (members.length && makeSubflow(store, members));
      }
      case 'edit-subflow': {
        const def = pick((store.state.extra.subflows as Array<{ id: string }> | undefined) ?? [], cmd.pick);
        return void (def && editSubflow(store, def.id, (inner) => {
          const node = pick([...inner.state.nodes()], cmd.node);
          if (node) inner.moveNodes([{ id: node.id, position: { x: cmd.x, y: 0 } }]);
        }));
      }
      case 'move-group': {
        const group = pick([...store.state.groups()], cmd.pick);
        if (!group) return;
        const from = snapshotGroup(store, group.id);
        return store.transaction('Move group', () => {
          for (let s = 1; s <= cmd.steps; s++) moveGroup(store, group.id, from, { x: (cmd.x * s) / cmd.steps, y: (cmd.y * s) / cmd.steps });
        });
      }
      case 'paste': {
        const members = ids(cmd.picks);
        return void (members.length && store.paste(store.copy(members), { x: cmd.x, y: cmd.y }));
      }
    }
  } catch (error) {
    if (!isV2uError(error)) throw error;
  }
}

/** A random starting graph built by commands, then frozen as the document under test. */
function startingStore(setup: Command[]) {
  const store = new GraphStore(undefined, { resolvePorts: resolveTestPorts, historyLimit: 10_000 });
  setup.forEach((cmd) => runCommand(store, cmd));
  return new GraphStore(parseDocument(serializeDocument(store.document), { resolvePorts: resolveTestPorts }), {
    resolvePorts: resolveTestPorts,
    historyLimit: 10_000,
  });
}

const scenario = fc.record({ setup: fc.array(command, { maxLength: 25 }), commands: fc.array(command, { maxLength: 40 }) });
const RUNS = { numRuns: 150 };

describe('core properties (fast-check)', () => {
  it('undo-all returns the exact starting document; redo-all returns the end', () => {
    fc.assert(
      fc.property(scenario, ({ setup, commands }) => {
        const store = startingStore(setup);
        const start = serializeDocument(store.document);
        commands.forEach((cmd) => runCommand(store, cmd));
        const end = serializeDocument(store.document);
        while (store.undo());
        expect(serializeDocument(store.document)).to.equal(start);
        while (store.redo());
        expect(serializeDocument(store.document)).to.equal(end);
      }),
      RUNS,
    );
  });

  it('serialize → parse round-trips every reachable document', () => {
    fc.assert(
      fc.property(scenario, ({ setup, commands }) => {
        const store = startingStore(setup);
        commands.forEach((cmd) => runCommand(store, cmd));
        const text = serializeDocument(store.document);
        expect(serializeDocument(parseDocument(text, { resolvePorts: resolveTestPorts }))).to.equal(text);
      }),
      RUNS,
    );
  });

  it('no sequence of connects produces a cycle', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 80 }), (commands) => {
        const store = startingStore([]);
        for (let i = 0; i < 6; i++) store.addNode({ type: 'transform/add', position: { x: i, y: 0 } });
        commands.forEach((cmd) => runCommand(store, cmd));
        const { cycle } = topologicalOrder([...store.state.nodes()].map((n) => n.id), store.state.edges());
        expect(cycle, `cycle ${cycle?.join(' → ')}`).to.equal(undefined);
      }),
      RUNS,
    );
  });
});
