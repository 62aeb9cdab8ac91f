// Runs a flow in this process with the built engine (dist/) and the node modules of the
// libraries. The executor is the only piece that decides where node logic runs.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifestOf, parseDocument } from '../../dist/src/core/index.js';
import { FlowEngine } from '../../dist/src/core/engine/index.js';
import { inProcessExecutor } from '../../dist/src/runtime/pool/in-process-executor.js';
import { validateBuiltType } from '../../dist/src/core/validate-built-type.js';
import { builtLogicUrl } from '../../dist/src/runtime/built/built-logic-url.js';
import { CliError, fsReason } from './errors.mjs';

export const builtInLibrary = join(dirname(fileURLToPath(import.meta.url)), '../../dist/src/nodes');

/**
 * Every `defineNode` module under the folders (not element modules), by node type, and every
 * builder-made type in the node packs' bundles there (`*.json` in the `v2u-bundle` format,
 * entries with `logic`), run by this build's interpreter module.
 */
export async function loadLibraries(dirs, manifestOf) {
  const byType = new Map();
  for (const dir of dirs) {
    const { modules, bundles } = await libraryFiles(dir);
    for (const path of modules) {
      const url = pathToFileURL(path).href;
      const definition = (await importModule(url, path)).default;
      if (typeof definition?.processLogic === 'function') byType.set(definition.type, { manifest: manifestOf(definition), moduleUrl: url });
    }
    for (const path of bundles) for (const type of await builtTypesIn(path)) byType.set(type.type, { manifest: type, moduleUrl: builtLogicUrl() });
  }
  return byType;
}

async function libraryFiles(folder) {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error) => {
    throw new CliError(`cannot read node library ${folder}: ${fsReason(error)}`);
  });
  const files = { modules: [], bundles: [] };
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const inner = await libraryFiles(path);
      files.modules.push(...inner.modules);
      files.bundles.push(...inner.bundles);
    } else if (entry.name.endsWith('.js') && !entry.name.endsWith('.element.js')) files.modules.push(path);
    else if (entry.name.endsWith('.json')) files.bundles.push(path);
  }
  return files;
}

/** The builder-made types of a node pack's bundle, each validated; other JSON files hold none. */
async function builtTypesIn(path) {
  let json;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    // A library folder may hold other JSON (a tsconfig with comments, data): only a file named
    // as a pack's bundle must parse.
    if (!error.code && !/(^|[./-])bundle\.json$/.test(path)) return [];
    throw new CliError(`cannot read node pack ${path}: ${error.code ? fsReason(error) : error.message}`, 1);
  }
  if (json?.format !== 'v2u-bundle' || !Array.isArray(json.nodes)) return [];
  return json.nodes.flatMap(({ module: _module, element: _element, ...entry }, i) => {
    if (entry.logic === undefined) return [];
    try {
      return [validateBuiltType(entry)];
    } catch (error) {
      throw new CliError(`node pack ${path}: nodes[${i}]: ${error.message}`, 1);
    }
  });
}

async function importModule(url, path) {
  try {
    return await import(url);
  } catch (error) {
    throw new CliError(`cannot load node module ${path}: ${error.message}`, 1);
  }
}

/**
 * Parses `text` as a flow and runs every node.
 * @param {string} text the flow document (JSON)
 * @param {{ libraries: string[], executor?: object, onEvent?: (event: object) => void, fullOutputs?: (nodeId: string) => boolean, signal?: AbortSignal }} options
 *   `executor` defaults to in-process; `onEvent` receives the engine's events (progress);
 *   `fullOutputs` picks the nodes whose complete outputs are fetched (an executor may keep
 *   large outputs elsewhere and report only their first rows); `signal` cancels the run (its
 *   running nodes are aborted, the rest never start).
 * @returns {Promise<{ doc: object, summary: object, states: Map<string, object>, outputs: Map<string, object> }>}
 * @throws the core's V2uError (with its JSON path) when the document is not a valid flow.
 */
export async function runFlow(text, { libraries, executor, onEvent, fullOutputs = () => false, signal }) {
  const nodes = await loadLibraries(libraries, manifestOf);
  const doc = parseDocument(text, { resolvePorts: (type) => nodes.get(type)?.manifest });
  const clock = { now: () => performance.now(), setTimeout, clearTimeout };
  const engine = new FlowEngine({ resolve: (type) => nodes.get(type), executor: executor ?? inProcessExecutor(), clock, autoRun: false });
  const unsubscribe = onEvent ? engine.subscribe(onEvent) : () => {};
  const cancel = () => engine.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    engine.setDocument(doc);
    const summary = await engine.run();
    const states = new Map(doc.nodes.map((node) => [node.id, engine.state(node.id)]));
    const outputs = new Map();
    for (const { id } of doc.nodes) if (fullOutputs(id)) outputs.set(id, await engine.output(id));
    return { doc, summary, states, outputs };
  } finally {
    signal?.removeEventListener('abort', cancel);
    unsubscribe();
    engine.dispose();
  }
}
