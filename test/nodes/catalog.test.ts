import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import { elementNameFor, manifestOf, validateManifest, type NodeDefinition } from '../../src/core/index.js';

/** Every node module of the library, by path: what the registry discovers under src/nodes. */
const PATHS = [
  'create/value', 'create/table-from-text', 'create/file-input', 'create/http-request', 'create/sample-data', 'create/now',
  'transform/filter', 'transform/compute', 'transform/sort', 'transform/group', 'transform/join', 'transform/select',
  'transform/deduplicate', 'transform/pivot', 'transform/decision-table', 'transform/switch', 'transform/template', 'transform/formula',
  'output/table', 'output/chart', 'output/json', 'output/export', 'output/emit', 'output/log',
  'utility/note', 'utility/merge', 'utility/delay', 'utility/hash', 'utility/validate',
];
const HEAVY = ['transform/sort', 'transform/group', 'transform/join', 'transform/pivot', 'create/sample-data', 'utility/hash'];
const ELEMENTS = ['output/table', 'output/chart', 'output/json', 'output/export', 'create/file-input', 'utility/note'];

const load = async (path: string) => ((await import(new URL(`../../src/nodes/${path}.js`, import.meta.url).href)) as { default: NodeDefinition }).default;

describe('the node library', () => {
  it('has one valid, cloneable manifest per module, typed by its path', async () => {
    for (const path of PATHS) {
      const node = await load(path);
      expect(node.type, path).to.equal(path);
      expect(node.category, path).to.equal(path.split('/')[0]);
      validateManifest(node);
      const manifest = manifestOf(node);
      expect(structuredClone(manifest), path).to.deep.equal(manifest);
      expect(node.description && node.icon && node.keywords?.length, `${path} has description, icon, keywords`).to.be.ok;
      for (const [name, field] of Object.entries(node.config ?? {}))
        expect(field.type === 'enum' ? field.options?.includes(field.default as string) : true, `${path} config.${name} default is an option`).to.equal(true);
    }
  });

  // `performance.backgroundProcessing` is read by nothing (every node runs in the pool), so this checks where they run.
  it('runs heavy nodes in the background: each is a task of the shared pool, in module workers', async () => {
    const at = (id: string, type: string, x: number, y: number, config = {}) => ({ id, type, position: { x, y }, config });
    const wire = (from: string, to: string, port = 'rows', fromPort = 'rows') => ({ id: `${from}-${to}-${port}`, from: { node: from, port: fromPort }, to: { node: to, port } });
    const graph = {
      version: 2,
      nodes: [
        at('orders', 'create/sample-data', 0, 0, { dataset: 'orders', rows: 20000 }),
        at('customers', 'create/sample-data', 0, 300, { dataset: 'customers', rows: 2000 }),
        at('sorted', 'transform/sort', 300, 0),
        at('grouped', 'transform/group', 300, 150),
        at('joined', 'transform/join', 300, 300),
        at('pivoted', 'transform/pivot', 300, 450),
        at('hashed', 'utility/hash', 600, 150),
      ],
      edges: [wire('orders', 'sorted'), wire('orders', 'grouped'), wire('orders', 'joined', 'left'), wire('customers', 'joined', 'right'), wire('orders', 'pivoted'), wire('grouped', 'hashed', 'value')],
    };
    expect(HEAVY.filter((type) => !graph.nodes.some((n) => n.type === type)), 'the flow has every heavy node').to.deep.equal([]);
    const el = await fixture<V2uEditor>(html`<v2u-editor no-auto-run no-palette style="width: 900px; height: 600px"></v2u-editor>`);
    el.graph = graph as never;
    await waitUntil(() => HEAVY.every((type) => el.registry.get(type)), 'the built-in library knows the heavy nodes', { timeout: 10000 });
    const summary = await el.run();
    expect(summary.status, JSON.stringify(summary)).to.equal('done');
    expect([...summary.executed].sort()).to.deep.equal(graph.nodes.map((n) => n.id).sort());
    const pool = el.metrics.pool!;
    expect(pool.mode, 'node logic ran in module workers, not on the main thread').to.equal('worker');
    expect(pool.workers.reduce((n, w) => n + w.tasks, 0), 'each node was one task of the pool').to.equal(graph.nodes.length);
    expect(el.nodeState('hashed')!.output!.value, 'the last node got its input from the workers').to.match(/^[0-9a-f]{64}$/);
  });

  it('exports each element class as default and by name, without defining it', async () => {
    for (const path of ELEMENTS) {
      const module = (await import(new URL(`../../src/nodes/${path}.element.js`, import.meta.url).href)) as Record<string, unknown>;
      // Booleans only: chai's message for a failing class comparison walks the whole class.
      expect(typeof module.default === 'function' && Object.entries(module).some(([key, value]) => key !== 'default' && value === module.default), `${path} exports its class by name too`).to.equal(true);
      expect(customElements.getName(module.default as CustomElementConstructor) === null, `${path} is not defined by its module`).to.equal(true);
      expect(elementNameFor(path)).to.equal(`v2u-node-${path.replace('/', '-')}`);
    }
  });
});
