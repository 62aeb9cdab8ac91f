// The bench's own server, on 127.0.0.1 only: the repository files through scripts/serve.mjs
// (dist/, bench/pages/, bench/.build/), /bench-graph/<n>.json from the seeded generator, and
// /bench-page/<name>: the one HTML shell of every bench page, running bench/pages/<name>.js.
// Cached as a real host would serve them, the same for every editor: content-hashed files
// (`<name>-<hash>.js` in dist/chunks/ and dist/nodes/) for a year, immutable; everything else
// `no-cache` with an ETag, so a second visit revalidates it (304) and keeps the HTTP cache and
// V8's code cache. A first visit is a fresh browser context: its HTTP cache is empty.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { staticClosure } from '../../scripts/lib/static-closure.mjs';
import { fresh, handle } from '../../scripts/serve.mjs';
import { generateGraph } from './graph.mjs';

const graphs = new Map();
const STYLES = { 'react-flow': '/bench/.build/react-flow.css', drawflow: '/bench/.build/drawflow.css' };
/**
 * What a page hints before its scripts run, as a host that knows its scripts would: each
 * editor's script files (`modulepreload`: V2U's entry and the chunks it imports statically,
 * which the browser would otherwise find one round trip after the entry, and the bench's own
 * conversion of the graph to V2U's document; a peer's bundle), and
 * V2U's library index (the built-in library's manifests), as the README advises.
 */
const HINTS = {
  v2u: () => [...staticClosure('dist/v2u-editor.js').map(modulePreload), modulePreload('bench/pages/v2u-graph.js'), '<link rel="preload" href="/dist/nodes/bundles/index.json" as="fetch" crossorigin>'],
  'react-flow': () => [modulePreload('bench/.build/react-flow.js')],
  drawflow: () => [modulePreload('bench/.build/drawflow.js')],
  litegraph: () => [modulePreload('bench/.build/litegraph.js')],
};
const modulePreload = (file) => `<link rel="modulepreload" href="/${file}">`;

function pageHtml(name) {
  const style = STYLES[name] ? `\n<link rel="stylesheet" href="${STYLES[name]}">` : '';
  const hints = (HINTS[name]?.() ?? []).map((hint) => `\n${hint}`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: ${name}</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/bench/pages/page.css">${style}${hints}
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
  if (graph) return send(request, response, 'application/json', graphJson(Number(graph[1])));
  const page = /^\/bench-page\/([a-z0-9-]{1,40})$/.exec(path);
  if (page) return send(request, response, 'text/html; charset=utf-8', pageHtml(page[1]));
  return handle(request, response, { cacheControl });
}

/** A year and immutable for content-hashed files (rollup's `[name]-[hash].js`), else revalidate. */
export const cacheControl = (path) => (/^\/dist\/(chunks|nodes)\/.+-[\w-]{8}\.js$/.test(path) ? 'max-age=31536000, immutable' : 'no-cache');

/** A generated answer, with an ETag of its content: 304 when the browser has it. */
function send(request, response, type, body) {
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  const cached = fresh(request, etag);
  response.writeHead(cached ? 304 : 200, { 'content-type': type, ...(cached ? {} : { 'content-length': Buffer.byteLength(body) }), 'cache-control': 'no-cache', etag });
  response.end(cached ? undefined : body);
}

/** Serves on the first free port from `port` (8400 by default), up to 8499. */
export function startServer(port = 8400) {
  return new Promise((resolve, reject) => {
    const server = createServer(route);
    server.once('error', (error) => (error.code === 'EADDRINUSE' && port < 8499 ? resolve(startServer(port + 1)) : reject(error)));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
