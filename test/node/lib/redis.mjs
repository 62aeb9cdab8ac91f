// A redis-server of the test's own on a free port, stopped afterwards. Missing redis-server is
// installed as root on Debian (scripts/lib/redis.mjs); elsewhere the tests skip, saying why.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findRedisServer } from '../../../scripts/lib/redis.mjs';

/** The redis-server path, or `{ skip }` with the reason to give `test(…, { skip })`. */
export function redisServer() {
  try {
    return { path: findRedisServer() };
  } catch (error) {
    return { skip: `queue tests need redis-server: ${error.message}` };
  }
}

/** Starts redis-server (no persistence) on a free port; resolves once it accepts connections. */
export async function startRedis(path, port) {
  port ??= await freePort();
  const child = spawn(path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk) && /ready to accept connections/i.test(out) && resolve());
    child.on('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { url: `redis://127.0.0.1:${port}`, port, child, stop: () => (child.kill('SIGKILL'), exited) };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
