// Node packs of builder-made types: exported (modules written in the real worker pool),
// imported by URL into a second editor that runs them, and the generated module, imported as
// its users would, defines the same type.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../../src/elements/editor/editor.component.js';
import type { BuiltNodeType } from '../../../src/core/built-type.js';
import { manifestOf, type NodeDefinition } from '../../../src/core/define-node.js';
import { NodeRegistry } from '../../../src/registry/node-registry.js';
import { listBuilt } from '../../../src/runtime/built/built-types.js';
import { exportNodePack, importNodePack } from '../../../src/runtime/built/node-pack.js';
import { runBuiltType } from '../../../src/runtime/built/run-built.js';
import { WorkerPool } from '../../../src/runtime/pool/pool.js';
import { RegistryPersistence } from '../../../src/runtime/persistence-registry.js';
import { addTen, lineTotal } from '../../fixtures/built-types.js';
import { flow } from '../../fixtures/flows.js';
import { INDEX_URL } from '../../fixtures/registry.js';

const specifiers = {
  core: new URL('../../../src/core/index.js', import.meta.url).href,
  built: new URL('../../../src/built.js', import.meta.url).href,
};
const served = (text: string, type = 'application/json') => URL.createObjectURL(new Blob([text], { type }));
const registryOn = () => new NodeRegistry({ cache: new RegistryPersistence({ dbName: `v2u-pack-${Math.random()}` }) });

/** A type whose every string is hostile: markup, quotes, and an expression that tries to break out of a string. */
const hostile = (): BuiltNodeType => ({
  ...lineTotal(),
  type: 'shop/hostile',
  title: '</script><script>globalThis.__pwned = 1</script>',
  description: '`${globalThis.__pwned = 2}` \' " \u2028 \\',
  inputs: { "a'); globalThis.__pwned = 3; //": { type: 'string' } },
  outputs: { total: { type: 'string' }, label: { type: 'string' } },
  logic: { kind: 'expression', outputs: { total: '"\'); globalThis.__pwned = 4; //" & "</script>"', label: '`a\'); globalThis.__pwned = 3; //`' } },
});

/** A flow-kind type over the fixture library's double node. */
const doubler = (): BuiltNodeType => ({
  type: 'shop/doubler', version: 1, category: 'transform', title: 'Doubler',
  inputs: { value: { type: 'number' } }, outputs: { value: { type: 'number' } },
  logic: {
    kind: 'subflow',
    subflow: {
      inputs: [{ name: 'value', type: 'number', targets: [{ node: 'd', port: 'value' }] }],
      outputs: [{ name: 'value', type: 'number', from: { node: 'd', port: 'value' } }],
      nodes: [{ id: 'd', type: 'transform/fixture-double', position: { x: 0, y: 0 }, config: {} }],
      edges: [],
    },
  },
});

describe('node packs of builder-made types', () => {
  it('exports a bundle, an index and one module per type, written in the worker pool', async () => {
    const pool = new WorkerPool({ size: 1, mode: 'worker' });
    try {
      const pack = await exportNodePack([lineTotal(), addTen()], { specifiers, pool });
      expect(Object.keys(pack.files).sort()).to.deep.equal(['bundle.json', 'index.json', 'shop-add-ten.mjs', 'shop-line-total.mjs']);
      expect(pool.metrics().workers[0].tasks, 'the modules were written in a worker').to.equal(1);
      expect(pack.bundle.nodes.map((n) => [n.type, n.module])).to.deep.equal([['shop/add-ten', 'v2u:built'], ['shop/line-total', 'v2u:built']]);
      expect(JSON.parse(pack.files['index.json']).bundles[0].types).to.deep.equal(['shop/add-ten', 'shop/line-total']);
      expect(pack.files['shop-line-total.mjs']).to.contain('defineNode(').and.to.contain(`from ${JSON.stringify(specifiers.core)}`);
    } finally {
      pool.shutdown();
    }
  });

  it('the generated module, imported, defines the same type, and runs as the interpreter does; hostile strings stay data', async () => {
    const pool = new WorkerPool({ size: 1, mode: 'worker' });
    try {
      const { files } = await exportNodePack([lineTotal(), addTen(), hostile()], { specifiers, pool });
      for (const type of [lineTotal(), addTen(), hostile()]) {
        const file = `${type.type.replace('/', '-')}.mjs`;
        const definition = (await import(served(files[file], 'text/javascript'))).default as NodeDefinition;
        expect(manifestOf(definition), `${file} defines the same type`).to.deep.equal(type);
      }
      expect((globalThis as { __pwned?: unknown }).__pwned, 'no string was run as code').to.equal(undefined);
      const total = (await import(served(files['shop-line-total.mjs'], 'text/javascript'))).default as NodeDefinition;
      const context = { signal: new AbortController().signal, config: { rate: 0 }, nodeId: 'n', log() {} };
      expect(await total.processLogic({ price: 2, quantity: 3 }, context, () => {})).to.deep.equal(await runBuiltType(lineTotal(), { price: 2, quantity: 3 }, { rate: 0 }));
      const odd = (await import(served(files['shop-hostile.mjs'], 'text/javascript'))).default as NodeDefinition;
      expect(await odd.processLogic({ "a'); globalThis.__pwned = 3; //": 'q' }, { ...context, config: {} }, () => {})).to.deep.equal({ total: "'); globalThis.__pwned = 4; //</script>", label: 'q' });
    } finally {
      pool.shutdown();
    }
  });

  it('imports a pack by URL into a second editor, which runs its types in the pool', async function () {
    this.timeout(120_000);
    const pool = new WorkerPool({ size: 1, mode: 'worker' });
    const { files } = await exportNodePack([lineTotal(), doubler()], { pool }).finally(() => pool.shutdown());
    const graph = flow(
      [['p', 'create/fixture-number', { value: 4 }], ['q', 'create/fixture-number', { value: 3 }], ['t', 'shop/line-total', { rate: 0 }], ['s', 'shop/doubler']],
      ['p.value>t.price', 'q.value>t.quantity', 'p.value>s.value'],
    );
    const editor = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette library=${INDEX_URL} .registry=${registryOn()} .graph=${graph} style="width: 800px; height: 400px"></v2u-editor>`);
    await editor.whenReady();
    const imported = await importNodePack(editor.registry, served(files['bundle.json']));
    expect(imported.map((t) => t.type)).to.deep.equal(['shop/doubler', 'shop/line-total']);
    expect(listBuilt(editor.registry)).to.have.length(2);
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector<HTMLElement>('[data-node="t"]')!.dataset.category, 'drawn as its type').to.equal('transform');
    const summary = await editor.run();
    expect(summary.status, JSON.stringify(summary)).to.equal('done');
    expect(await editor.nodeOutput('t')).to.deep.equal({ total: 12, label: 'x3' });
    expect(await editor.nodeOutput('s'), 'the flow-kind type ran its inner node').to.deep.equal({ value: 8 });
  });

  it('refuses a pack with a broken type, naming the entry and field, and defines none', async () => {
    const broken = { ...lineTotal(), logic: { kind: 'expression', outputs: { total: 'price *', label: '1' } } };
    const registry = registryOn();
    let error: { path?: string; message?: string } = {};
    await importNodePack(registry, served(JSON.stringify({ nodes: [addTen(), broken] }))).catch((e) => (error = e));
    expect(error.path).to.equal('$.nodes[1].logic.outputs.total');
    expect(error.message).to.contain('nodes[1]');
    expect(listBuilt(registry), 'nothing defined').to.deep.equal([]);
  });
});
