// Helpers for the CLI tests: run a program, collect what it printed, check its errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/** Runs `command args` with `input` on stdin; resolves with its exit code and output. The promise's `child` is the process (to signal it). */
export function runProcess(command, args, { input = '', cwd, env } = {}) {
  const child = spawn(command, args, { cwd, env });
  child.stdin.end(input);
  const collect = async (stream) => {
    let text = '';
    for await (const chunk of stream) text += chunk;
    return text;
  };
  const done = Promise.all([collect(child.stdout), collect(child.stderr), new Promise((r) => child.on('close', r))]).then(([stdout, stderr, code]) => ({ stdout, stderr, code }));
  return Object.assign(done, { child });
}

/** A non-zero exit with one line on stderr that names `what`, and no stack trace. */
export function assertOneLineError(result, what, message) {
  assert.notEqual(result.code, 0, `${message}: exit status`);
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, `${message}: one line on stderr, got ${result.stderr}`);
  assert.ok(result.stderr.includes(what), `${message}: stderr names ${what}: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /^\s+at /m, `${message}: no stack trace`);
}
