// The command line, parsed into options; nothing here reads files or runs anything.
import { resolve } from 'node:path';
import { CliError } from './errors.mjs';

export const USAGE = `Usage: v2u-editor run <flow.json | -> [options]
       v2u-editor worker --redis <url> [options]
       v2u-editor --help

run: runs every node of the flow in Node, with the editor's engine and node modules, and
prints a summary as JSON: the run's status and, per node, its status, duration and a preview
of each output (row count, columns, first rows). Reads the flow from stdin when the file is
"-". Node logic runs on worker threads (one per core, at most 8), on a queue with --redis,
or in this thread with --in-process.
  --full               print every node's complete output instead of the preview
  --node <id>          print only that node's complete outputs
  --compact            one line of JSON instead of an indented one
  --json               for programs: one line of JSON, no progress line, and a failure as
                       {"error": …, "exitCode": …} on stderr
  --timeout <ms>       a node's time limit (default 60000); over it the node fails
  --threads <n>        worker threads (default min(8, cores))
  --heap-mb <n>        heap limit of each worker thread in MB (default 256)
  --in-process         run node logic in this thread (no threads, no time limit)
  --redis <url>        run each node as a job on the queue at this Redis (redis://host:port);
                       start workers with "v2u-editor worker"
  --queue <name>       the queue's name (default v2u-nodes)
  --max-output-mb <n>  the largest inputs or outputs a node may send through Redis (default 64)
  --wait-for-workers <ms>  with --redis: how long to wait for a worker process before failing,
                       at the start or when every worker goes mid-run (default 30000; 0: for ever)
SIGINT or SIGTERM cancels the run: its waiting jobs leave the queue, its running nodes stop.

worker: takes node jobs from the queue until stopped; on SIGTERM or SIGINT it stops taking
jobs, lets running nodes finish (--grace), then hands the rest back to the queue.
  --redis <url>        the queue's Redis (required)
  --concurrency <n>    jobs at once, one worker thread each (default min(8, cores))
  --timeout <ms>       the longest a node may run here (default 600000)
  --grace <ms>         how long running nodes may finish after SIGTERM (default 10000)
  --lock-ms <ms>       a job whose worker is silent this long goes to another (default 10000)
  --heap-mb, --queue, --max-output-mb   as for run

Both:
  --library <dir>      folder of node modules (default: the built-in library); repeat it to
                       add node packs
  -h, --help           show this help

Exit status: 0 when every node is done, 1 when a node failed, 2 for bad input, 130 or 143
when SIGINT or SIGTERM cancelled the run.`;

const FLAGS = { '--full': 'full', '--compact': 'compact', '--json': 'json', '--in-process': 'inProcess' };
const NUMBER = (flag, value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usageError(`${flag} needs a whole number above 0, got ${value}`);
  return n;
};
const MS = (flag, value) => (value === '0' ? 0 : NUMBER(flag, value));
const TEXT = (_, value) => value;
const VALUES = {
  '--node': ['node', TEXT], '--redis': ['redis', TEXT], '--queue': ['queue', TEXT],
  '--timeout': ['timeoutMs', NUMBER], '--threads': ['threads', NUMBER], '--heap-mb': ['heapMb', NUMBER],
  '--max-output-mb': ['maxMb', NUMBER], '--concurrency': ['concurrency', NUMBER], '--grace': ['graceMs', NUMBER], '--lock-ms': ['lockMs', NUMBER],
  '--wait-for-workers': ['waitForWorkersMs', MS],
};
/** Options that mean something for one command only. */
const ONLY = { run: ['node', 'full', 'compact', 'inProcess', 'threads', 'waitForWorkersMs'], worker: ['concurrency', 'graceMs', 'lockMs'] };

/**
 * Parses `argv` (without node and the script).
 * @returns {{ command: 'help' | 'run' | 'worker', file?: string, libraries: string[], node?: string, full: boolean, compact: boolean, json: boolean, inProcess: boolean, redis?: string, queue?: string, timeoutMs?: number, threads?: number, heapMb?: number, maxMb?: number, concurrency?: number, graceMs?: number, lockMs?: number, waitForWorkersMs?: number }}
 * @throws {CliError} for an unknown command or option, or an option without its value.
 */
export function parseArgs(argv) {
  const options = { command: undefined, file: undefined, libraries: [], full: false, compact: false, json: false, inProcess: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { ...options, command: 'help' };
    if (arg in FLAGS) options[FLAGS[arg]] = true;
    else if (arg === '--library') options.libraries.push(resolve(value(arg, argv[++i])));
    else if (arg in VALUES) options[VALUES[arg][0]] = VALUES[arg][1](arg, value(arg, argv[++i]));
    else if (arg.startsWith('-') && arg !== '-') throw usageError(`unknown option ${arg}`);
    else if (options.command === undefined) options.command = command(arg);
    else if (options.file === undefined && options.command === 'run') options.file = arg;
    else throw usageError(`unexpected argument ${arg}`);
  }
  if (options.command === undefined) throw usageError('missing command');
  return check(options);
}

function check(options) {
  const other = options.command === 'run' ? 'worker' : 'run';
  const misplaced = ONLY[other].find((key) => options[key] !== undefined && options[key] !== false);
  if (misplaced) throw usageError(`${flagOf(misplaced)} is for ${other}, not ${options.command}`);
  if (options.command === 'worker' && !options.redis) throw usageError('worker needs --redis <url>');
  if (options.inProcess && options.redis) throw usageError('--in-process and --redis do not go together');
  if (options.json) options.compact = true;
  return options;
}

function flagOf(key) {
  return Object.keys(FLAGS).find((f) => FLAGS[f] === key) ?? Object.keys(VALUES).find((f) => VALUES[f][0] === key);
}

function value(flag, text) {
  if (text === undefined || (text.startsWith('-') && text !== '-')) throw usageError(`${flag} needs a value`);
  return text;
}

function command(arg) {
  if (arg === 'run' || arg === 'worker') return arg;
  throw usageError(`unknown command ${arg}`);
}

function usageError(message) {
  return new CliError(`${message} (see v2u-editor --help)`);
}
