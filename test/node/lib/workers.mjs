// Real `v2u-editor worker` processes for the queue tests: started, watched through their log
// on stderr, stopped (SIGTERM) or killed (SIGKILL).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const bin = resolve('bin/v2u-editor.mjs');

/** Starts a worker process; resolves once it takes jobs. */
export async function startWorker(url, args = []) {
  const child = spawn('node', [bin, 'worker', '--redis', url, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const worker = { child, log: '', exited: new Promise((r) => child.on('exit', (code, signal) => r(code ?? signal))) };
  const waiters = new Set();
  child.stderr.on('data', (chunk) => {
    worker.log += chunk;
    for (const waiter of waiters) waiter();
  });
  /** Resolves when the log matches `pattern`; rejects after `ms` or when the process ends. */
  worker.waitFor = (pattern, ms = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => pattern.test(worker.log) && (cleanup(), resolve());
      const timer = setTimeout(() => (cleanup(), reject(new Error(`worker log never matched ${pattern}: ${worker.log}`))), ms);
      const cleanup = () => (clearTimeout(timer), waiters.delete(check));
      waiters.add(check);
      void worker.exited.then(() => (cleanup(), reject(new Error(`worker exited before ${pattern}: ${worker.log}`))));
      check();
    });
  worker.stop = () => (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), worker.exited);
  worker.kill = () => (child.kill('SIGKILL'), worker.exited);
  await worker.waitFor(/taking jobs/);
  return worker;
}
