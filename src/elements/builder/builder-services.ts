import type { BuiltNodeType } from '../../core/built-type.js';
import { validateBuiltType } from '../../core/validate-built-type.js';
import type { NodeRegistry } from '../../registry/node-registry.js';
import { defineBuilt, deleteBuilt, listBuilt } from '../../runtime/built/built-types.js';
import { runBuiltType } from '../../runtime/built/run-built.js';

/** The node pack code (and the pool it writes modules in) loads on the first Export or Import. */
const nodePack = () => import('../../runtime/built/node-pack.js');

/**
 * What the builder does with a type beyond its form, in one place: validate, test run, save
 * to the registry (and IndexedDB), export as a node pack, import a pack by URL.
 */
export class BuilderServices {
  constructor(private _registry: NodeRegistry) {}

  validate(value: unknown): BuiltNodeType {
    return validateBuiltType(value);
  }

  /** A saved builder-made type, to edit. */
  get(type: string): BuiltNodeType | undefined {
    return listBuilt(this._registry).find((t) => t.type === type);
  }

  /** Runs the type once on sample inputs; inner types of a subflow come from the registry. */
  run(type: BuiltNodeType, inputs: Record<string, unknown>, config: Record<string, unknown>): Promise<Record<string, unknown>> {
    return runBuiltType(type, inputs, config, { resolve: (t) => this._registry.recipe(t) });
  }

  /** Registers `type` (the palette shows it at once) and keeps it in IndexedDB. */
  save(type: BuiltNodeType): Promise<BuiltNodeType> {
    return defineBuilt(this._registry, type);
  }

  /** Removes a saved type from the registry (the palette drops it) and from IndexedDB; nodes of it in flows stay, as unknown types. */
  delete(type: string): Promise<boolean> {
    return deleteBuilt(this._registry, type);
  }

  /**
   * Downloads `type` as a node pack: its bundle (`bundle.json`, what Import by URL and
   * `registerBundle` read), an index over it, and the generated ES module (made in a worker).
   * Resolves with the file names.
   */
  async exportPack(type: BuiltNodeType): Promise<string[]> {
    const { files } = await (await nodePack()).exportNodePack([type]);
    for (const [name, text] of Object.entries(files)) download(name, text);
    return Object.keys(files);
  }

  /** Registers (and stores) every builder-made type of the pack at `url`; resolves with their type ids. */
  async importPack(url: string): Promise<string[]> {
    return (await (await nodePack()).importNodePack(this._registry, url)).map((t) => t.type);
  }
}

/** Saves `text` as a file named `name` through a temporary link: the browser's own download. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: name.endsWith('.json') ? 'application/json' : 'text/javascript' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
