// `v2u-editor <command>`: parses the arguments, runs the command, and turns every failure
// into one line on stderr and an exit status.
import { readFile } from 'node:fs/promises';
import { parseArgs, USAGE } from './args.mjs';
import { CliError, errorLine, exitCodeOf, fsReason } from './errors.mjs';
import { jsonText } from './json-text.mjs';
import { progressLine } from './progress.mjs';
import { report } from './report.mjs';
import { executorFor } from './executors.mjs';
import { startQueueWorker } from './queue/worker.mjs';
import { builtInLibrary, runFlow } from './run-flow.mjs';

/**
 * Runs the command line `argv` (without node and the script) and resolves with the exit
 * status; it never throws and never prints a stack.
 * @param {string[]} argv
 * @param {{ stdin: NodeJS.ReadableStream & { isTTY?: boolean }, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream & { isTTY?: boolean } }} io
 */
export async function main(argv, io = process) {
  let source;
  const json = argv.includes('--json');
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
    if (options.command === 'worker') return await work(options, io);
    source = options.file === undefined || options.file === '-' ? 'stdin' : options.file;
    return await run(options, io);
  } catch (error) {
    const line = errorLine(error, source);
    const code = exitCodeOf(error);
    io.stderr.write(json ? `${JSON.stringify({ error: line, exitCode: code })}\n` : `v2u-editor: ${line}\n`);
    return code;
  }
}

async function run(options, io) {
  const text = await readFlow(options.file, io.stdin);
  const progress = progressLine(options.json ? {} : io.stderr);
  const libraries = librariesOf(options);
  const fullOutputs = (id) => options.full || id === options.node;
  const executor = await executorFor(options, (line) => options.json || io.stderr.write(`v2u-editor: ${line}\n`));
  const cancel = cancelOnSignal((signal) => options.json || io.stderr.write(`v2u-editor: ${signal}: cancelling the run\n`));
  const result = await runFlow(text, { libraries, executor, onEvent: progress.onEvent, fullOutputs, signal: cancel.signal }).finally(() => {
    cancel.dispose();
    progress.done();
    return executor.close();
  });
  if (options.node !== undefined && !result.states.has(options.node)) throw new CliError(`no node "${options.node}" in the flow`);
  const shown = options.node === undefined ? report(result, options) : result.outputs.get(options.node);
  io.stdout.write(`${jsonText(shown ?? null, options)}\n`);
  if (cancel.by) return SIGNAL_EXIT[cancel.by];
  return result.summary.status === 'done' ? 0 : 1;
}

/** The shell's exit status for a run ended by a signal. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };

/** An AbortSignal that SIGINT or SIGTERM aborts while the run lasts; `by` names the signal. */
function cancelOnSignal(onSignal) {
  const controller = new AbortController();
  const cancel = { signal: controller.signal, by: undefined };
  const listener = (signal) => {
    if (cancel.by) return;
    cancel.by = signal;
    onSignal(signal);
    controller.abort();
  };
  for (const signal of Object.keys(SIGNAL_EXIT)) process.on(signal, listener);
  cancel.dispose = () => Object.keys(SIGNAL_EXIT).forEach((signal) => process.off(signal, listener));
  return cancel;
}

/** Takes node jobs until SIGTERM or SIGINT; a second signal hands running jobs back at once. */
async function work(options, io) {
  const log = (line) => io.stderr.write(`v2u-editor worker: ${line}\n`);
  const { redis: url, queue, concurrency, heapMb, timeoutMs, maxMb, lockMs, graceMs } = options;
  const worker = await startQueueWorker({ url, queue, concurrency, heapMb, timeoutMs, maxMb, lockMs, graceMs, libraries: librariesOf(options), log });
  await new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal) => {
      if (stopping) return worker.handBack();
      stopping = true;
      log(`${signal}: finishing running nodes (up to ${graceMs ?? 10_000} ms), then handing the rest back`);
      void worker.stop().then(resolve);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
  log('stopped');
  return 0;
}

function librariesOf(options) {
  return options.libraries.length > 0 ? options.libraries : [builtInLibrary];
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
