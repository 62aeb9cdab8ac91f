// `npm start` serves the repository root (demo/ and dist/) on localhost and prints the URL.
// Plain node:http, so the demo pages see exactly the files the package ships.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { STRICT_CSP, isStrictCspPage } from './lib/csp.mjs';

const ROOT = resolve(process.env.V2U_ROOT ?? '.');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
};

/**
 * Answers a request for a repository file. Every file carries an ETag (its size and mtime), and a
 * request whose `If-None-Match` names it gets a 304. `cacheControl(path)` picks the
 * `cache-control` header per URL path (`no-cache` by default: revalidate every time).
 */
export function handle(request, response, { cacheControl = () => 'no-cache' } = {}) {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/') return redirect(response, '/demo/');
  if (url.pathname === '/api/echo' && request.method === 'POST') return echo(request, response);
  let path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
  if (!path.startsWith(ROOT)) return send(response, 403, 'Forbidden');
  try {
    if (statSync(path).isDirectory()) path = join(path, 'index.html');
    const { size, mtimeMs } = statSync(path);
    const etag = `W/"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
    const cached = fresh(request, etag);
    response.writeHead(cached ? 304 : 200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      ...(cached ? {} : { 'content-length': size }),
      'cache-control': cacheControl(url.pathname),
      etag,
      // Any page may load the package by script tag, as from a CDN (README, Quick starts).
      'access-control-allow-origin': '*',
      ...(isStrictCspPage(url.pathname) ? { 'content-security-policy': STRICT_CSP } : {}),
    });
    if (cached) response.end();
    else createReadStream(path).pipe(response);
  } catch {
    send(response, 404, `Not found: ${url.pathname}`);
  }
}

/** Whether the browser's copy is current: its `If-None-Match` names `etag`. */
export const fresh = (request, etag) => Boolean(request.headers['if-none-match']?.split(/\s*,\s*/).includes(etag));

/** The CMS demo's tiny endpoint: answers with the form fields it received, as plain text. */
async function echo(request, response) {
  let body = '';
  for await (const chunk of request) body += chunk;
  const fields = [...new URLSearchParams(body)].map(([name, value]) => `${name} (${value.length} characters):\n${value.slice(0, 4000)}`);
  send(response, 200, `Received ${fields.length} fields at ${new Date().toISOString()}\n\n${fields.join('\n\n')}`);
}

function redirect(response, location) {
  response.writeHead(302, { location });
  response.end();
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** Listens on `port`, or the next free one; resolves to the server. */
export function listen(port) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer(handle);
    server.once('error', (error) => (error.code === 'EADDRINUSE' && port < 65535 ? resolvePromise(listen(port + 1)) : reject(error)));
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await listen(Number(process.env.PORT ?? 8000));
  console.log(`V2U demo: http://localhost:${server.address().port}/demo/  (Ctrl+C to stop)`);
}
