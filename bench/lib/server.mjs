// The bench's own server, on 127.0.0.1 only: the repository files through scripts/serve.mjs
// (dist/, bench/pages/, bench/.build/), plus /bench-graph/<n>.json from the seeded generator.
import { createServer } from 'node:http';
import { handle } from '../../scripts/serve.mjs';
import { generateGraph } from './graph.mjs';

const graphs = new Map();

function graphJson(count) {
  if (!graphs.has(count)) graphs.set(count, JSON.stringify(generateGraph(count)));
  return graphs.get(count);
}

function route(request, response) {
  const match = /^\/bench-graph\/(\d{1,6})\.json$/.exec(new URL(request.url, 'http://localhost').pathname);
  if (!match) return handle(request, response);
  const body = graphJson(Number(match[1]));
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(body);
}

/** Serves on the first free port from `port` (8400 by default), up to 8499. */
export function startServer(port = 8400) {
  return new Promise((resolve, reject) => {
    const server = createServer(route);
    server.once('error', (error) => (error.code === 'EADDRINUSE' && port < 8499 ? resolve(startServer(port + 1)) : reject(error)));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
