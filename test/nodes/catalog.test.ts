import { expect } from '@open-wc/testing';
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

  it('runs heavy nodes in the background', async () => {
    for (const path of HEAVY) expect((await load(path)).performance?.backgroundProcessing, path).to.equal(true);
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
