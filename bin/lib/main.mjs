// `v2u-editor <command>`: parses the arguments, runs the command, and turns every failure
// into one line on stderr and an exit status.
import { readFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './args.mjs';
import { CliError, errorLine, exitCodeOf, fsReason } from './errors.mjs';
import { jsonText } from './json-text.mjs';
import { progressLine } from './progress.mjs';
import { report } from './report.mjs';
import { builtInLibrary, runFlow } from './run-flow.mjs';

/**
 * Runs the command line `argv` (without node and the script) and resolves with the exit
 * status; it never throws and never prints a stack.
 * @param {string[]} argv
 * @param {{ stdin: NodeJS.ReadableStream & { isTTY?: boolean }, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream & { isTTY?: boolean } }} io
 */
export async function main(argv, io = process) {
  let source;
  if (argv.length === 0) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const options = parseArgs(argv);
    if (options.command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    source = options.file === undefined || options.file === '-' ? 'stdin' : options.file;
    return await run(options, io);
  } catch (error) {
    io.stderr.write(`v2u-editor: ${errorLine(error, source)}\n`);
    return exitCodeOf(error);
  }
}

async function run(options, io) {
  const text = await readFlow(options.file, io.stdin);
  const progress = progressLine(io.stderr);
  const libraries = options.libraries.length > 0 ? options.libraries : [builtInLibrary];
  const fullOutputs = (id) => options.full || id === options.node;
  const result = await runFlow(text, { libraries, onEvent: progress.onEvent, fullOutputs }).finally(progress.done);
  if (options.node !== undefined && !result.states.has(options.node)) throw new CliError(`no node "${options.node}" in the flow`);
  const shown = options.node === undefined ? report(result, options) : result.outputs.get(options.node);
  io.stdout.write(`${jsonText(shown ?? null, options)}\n`);
  return result.summary.status === 'done' ? 0 : 1;
}

async function readFlow(file, stdin) {
  if (file === undefined && stdin.isTTY) throw new CliError('missing flow file (give a path, or "-" to read stdin; see v2u-editor --help)');
  if (file === undefined || file === '-') return readStream(stdin);
  return readFile(file, 'utf8').catch((error) => {
    throw new CliError(`cannot read ${file}: ${fsReason(error)}`);
  });
}

async function readStream(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
