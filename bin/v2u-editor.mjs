#!/usr/bin/env node
// `v2u-editor run <flow.json | ->`: runs a flow designed in the browser, headless, in Node.
// Uses the same core engine and node modules as the editor; prints the result as JSON.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: v2u-editor run <flow.json | -> [--library <dir>] [--node <id>] [--compact]

Runs every node of the flow and prints JSON: the run status and each node's status,
output or error. Reads the flow from stdin when the file is "-" or missing.
  --library <dir>  folder of node modules (default: the built-in library); repeat it to
                   add node packs
  --node <id>      print only that node's outputs
  --compact        one line of JSON instead of an indented one`;

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const options = { command, file: undefined, libraries: [], node: undefined, compact: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--library') options.libraries.push(resolve(rest[++i] ?? ''));
    else if (arg === '--node') options.node = rest[++i];
    else if (arg === '--compact') options.compact = true;
    else if (arg === '-h' || arg === '--help') options.command = 'help';
    else if (!arg.startsWith('--') && options.file === undefined) options.file = arg;
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.libraries.length === 0) options.libraries.push(join(root, 'dist/src/nodes'));
  return options;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every `defineNode` module under the folders (not element modules), by node type. */
async function loadLibraries(dirs, manifestOf) {
  const byType = new Map();
  const walk = async (folder) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.js') && !entry.name.endsWith('.element.js')) {
        const url = pathToFileURL(path).href;
        const definition = (await import(url)).default;
        if (typeof definition?.processLogic === 'function') byType.set(definition.type, { manifest: manifestOf(definition), moduleUrl: url });
      }
    }
  };
  for (const dir of dirs) await walk(dir);
  return byType;
}

export async function runFlow(text, { libraries }) {
  const { parseDocument } = await import(pathToFileURL(join(root, 'dist/src/core/index.js')).href);
  const { manifestOf } = await import(pathToFileURL(join(root, 'dist/src/core/define-node.js')).href);
  const { FlowEngine } = await import(pathToFileURL(join(root, 'dist/src/core/engine/index.js')).href);
  const { inProcessExecutor } = await import(pathToFileURL(join(root, 'dist/src/runtime/pool/in-process-executor.js')).href);
  const nodes = await loadLibraries(libraries, manifestOf);
  const doc = parseDocument(text, { resolvePorts: (type) => nodes.get(type)?.manifest });
  const clock = { now: () => performance.now(), setTimeout, clearTimeout };
  const engine = new FlowEngine({ resolve: (type) => nodes.get(type), executor: inProcessExecutor(), clock, autoRun: false });
  engine.setDocument(doc);
  const summary = await engine.run();
  const result = { status: summary.status, durationMs: Math.round(summary.durationMs), nodes: {} };
  for (const node of doc.nodes) {
    const state = engine.state(node.id);
    result.nodes[node.id] = { type: node.type, status: state.status, ...(state.output ? { output: state.output } : {}), ...(state.error ? { error: state.error.message } : {}) };
  }
  engine.dispose();
  return result;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.command !== 'run') {
    console.log(USAGE);
    return options.command === 'help' ? 0 : 2;
  }
  const text = options.file === undefined || options.file === '-' ? await readStdin() : await readFile(options.file, 'utf8');
  const result = await runFlow(text, options);
  const shown = options.node ? result.nodes[options.node]?.output : result;
  if (options.node && !result.nodes[options.node]) throw new Error(`no node "${options.node}" in the flow`);
  process.stdout.write(`${JSON.stringify(shown, null, options.compact ? 0 : 2)}\n`);
  return result.status === 'done' ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`v2u-editor: ${error.message}`);
      process.exit(2);
    },
  );
}
