// The bench's own server, on 127.0.0.1 only: the repository files through scripts/serve.mjs
// (dist/, bench/pages/, bench/.build/), /bench-graph/<n>.json from the seeded generator, and
// /bench-page/<name>: the one HTML shell of every bench page, running bench/pages/<name>.js.
import { createServer } from 'node:http';
import { handle } from '../../scripts/serve.mjs';
import { generateGraph } from './graph.mjs';

const graphs = new Map();
const STYLES = { 'react-flow': '/bench/.build/react-flow.css', drawflow: '/bench/.build/drawflow.css' };
/**
 * What a page hints before its scripts run, as the README advises hosts: V2U's library index
 * (the built-in library's manifests), fetched while the entry script loads.
 */
const PRELOADS = { v2u: '/dist/nodes/bundles/index.json' };

function pageHtml(name) {
  const style = STYLES[name] ? `\n<link rel="stylesheet" href="${STYLES[name]}">` : '';
  const preload = PRELOADS[name] ? `\n<link rel="preload" href="${PRELOADS[name]}" as="fetch" crossorigin>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: ${name}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/pages/page.css">${style}${preload}
<script src="/bench/pages/common.js"></script>
<script type="module" src="/bench/pages/${name}.js"></script>
</head><body></body></html>
`;
}

function graphJson(count) {
  if (!graphs.has(count)) graphs.set(count, JSON.stringify(generateGraph(count)));
  return graphs.get(count);
}

function route(request, response) {
  const path = new URL(request.url, 'http://localhost').pathname;
  const graph = /^\/bench-graph\/(\d{1,6})\.json$/.exec(path);
  if (graph) return send(response, 'application/json', graphJson(Number(graph[1])));
  const page = /^\/bench-page\/([a-z0-9-]{1,40})$/.exec(path);
  if (page) return send(response, 'text/html; charset=utf-8', pageHtml(page[1]));
  return handle(request, response);
}

function send(response, type, body) {
  response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
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
