// The command line, parsed into options; nothing here reads files or runs anything.
import { resolve } from 'node:path';
import { CliError } from './errors.mjs';

export const USAGE = `Usage: v2u-editor run <flow.json | -> [options]
       v2u-editor --help

Runs every node of the flow in Node, with the editor's engine and node modules, and prints
a summary as JSON: the run's status and, per node, its status, duration and a preview of
each output (row count, columns, first rows). Reads the flow from stdin when the file is "-".
  --full           print every node's complete output instead of the preview
  --node <id>      print only that node's complete outputs
  --library <dir>  folder of node modules (default: the built-in library); repeat it to
                   add node packs
  --compact        one line of JSON instead of an indented one
  -h, --help       show this help

Exit status: 0 when every node is done, 1 when a node failed, 2 for bad input.`;

const FLAGS = { '--full': 'full', '--compact': 'compact' };
const VALUES = { '--node': 'node', '--library': 'libraries' };

/**
 * Parses `argv` (without node and the script).
 * @returns {{ command: 'help' | 'run', file?: string, libraries: string[], node?: string, full: boolean, compact: boolean }}
 * @throws {CliError} for an unknown command or option, or an option without its value.
 */
export function parseArgs(argv) {
  const options = { command: undefined, file: undefined, libraries: [], node: undefined, full: false, compact: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { ...options, command: 'help' };
    if (arg in FLAGS) options[FLAGS[arg]] = true;
    else if (arg in VALUES) setValue(options, VALUES[arg], arg, argv[++i]);
    else if (arg.startsWith('-') && arg !== '-') throw usageError(`unknown option ${arg}`);
    else if (options.command === undefined) options.command = command(arg);
    else if (options.file === undefined) options.file = arg;
    else throw usageError(`unexpected argument ${arg}`);
  }
  if (options.command === undefined) throw usageError('missing command');
  return options;
}

function setValue(options, key, flag, value) {
  if (value === undefined || (value.startsWith('-') && value !== '-')) throw usageError(`${flag} needs a value`);
  if (key === 'libraries') options.libraries.push(resolve(value));
  else options[key] = value;
}

function command(arg) {
  if (arg === 'run') return arg;
  throw usageError(`unknown command ${arg}`);
}

function usageError(message) {
  return new CliError(`${message} (see v2u-editor --help)`);
}
