import { defineNode, type HostPolicy } from '../../core/define-node.js';
import { ErrorCodes, V2uError, quote } from '../../core/errors.js';
import { parseTableText } from '../shared/csv.js';
import { abortError } from '../shared/loop.js';

const TITLE = 'HTTP request';

/** Fetches JSON, CSV or text with GET or POST, headers and a timeout; runs in the worker. */
export default defineNode({
  type: 'create/http-request',
  version: 1,
  category: 'create',
  title: TITLE,
  description: 'Fetches JSON or CSV from an allowed URL (GET or POST).',
  keywords: ['http', 'fetch', 'api', 'rest', 'url', 'download', 'request'],
  icon: 'globe',
  inputs: { body: { type: 'any', label: 'Body (POST)' } },
  outputs: { data: { type: 'any' }, status: { type: 'number' } },
  config: {
    url: { type: 'string', default: '/data.json', label: 'URL' },
    method: { type: 'enum', options: ['GET', 'POST'], default: 'GET', label: 'Method' },
    responseType: { type: 'enum', options: ['auto', 'json', 'csv', 'text'], default: 'auto', label: 'Response' },
    headers: { type: 'json', default: {}, label: 'Headers' },
    body: { type: 'json', default: null, label: 'Body (POST, when no input)' },
    timeoutMs: { type: 'number', default: 10000, min: 1, label: 'Timeout (ms)' },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'normal' },
  async processLogic(inputs, context) {
    const { config, signal } = context;
    const policy = context.host ?? {};
    const url = checkUrl(String(config.url ?? ''), policy);
    const timeoutMs = Number(config.timeoutMs) > 0 ? Number(config.timeoutMs) : 10000;
    const response = await follow(url, config, inputs.body ?? config.body, signal, timeoutMs, policy);
    checkUrl(response.url || url.href, policy);
    const text = await response.text();
    if (!response.ok) throw failure(url, `answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}`, response.status);
    return { data: decode(text, String(config.responseType), response.headers.get('content-type') ?? '', url), status: response.status };
  },
});

function checkUrl(text: string, policy: HostPolicy): URL {
  const origin = policy.origin ?? globalThis.location?.origin;
  let url: URL;
  try {
    url = new URL(text, origin && origin !== 'null' ? origin : undefined);
  } catch {
    throw new V2uError(ErrorCodes.badConfig, `${TITLE}: ${quote(text)} is not a URL`, '$.config.url');
  }
  const allowed = [origin, ...toList(policy.allowedOrigins)].filter(Boolean);
  if (!/^https?:$/.test(url.protocol) || !(allowed.includes('*') || allowed.includes(url.origin)))
    throw new V2uError(ErrorCodes.originDenied, `${TITLE}: ${url.origin} is not an allowed origin for ${url.href} (allowed: ${allowed.join(', ') || 'none'})`, '$.config.url');
  return url;
}

function toList(value: HostPolicy['allowedOrigins']): string[] {
  return (typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])]).filter(Boolean);
}

const MAX_HOPS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Sends the request and follows redirects only where allowed, checking every hop before it is
 * sent (a redirect must not carry a request, let alone a POST body, to an origin the host did
 * not allow). Where `redirect: 'manual'` shows the Location (Node), each hop is checked and
 * followed here. A browser hides it (an opaque redirect), so there the page's own origin is
 * fetched in `same-origin` mode, which follows same-origin hops and refuses any other before
 * sending it, and a redirect from another origin is refused.
 */
async function follow(url: URL, config: Record<string, unknown>, body: unknown, signal: AbortSignal, timeoutMs: number, policy: HostPolicy): Promise<Response> {
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  let post = config.method === 'POST';
  for (let hop = 0; ; hop++) {
    const response = await send(url, config, post ? body : undefined, post, deadline, signal, timeoutMs);
    if (response.type === 'opaqueredirect')
      throw failure(url, `redirected to a place the browser does not show; redirects are followed only on the page's own origin (${globalThis.location?.origin})`);
    const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    if (hop >= MAX_HOPS) throw failure(url, `redirected more than ${MAX_HOPS} times`);
    void response.body?.cancel();
    const next = checkUrl(new URL(location, url).href, policy);
    // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
    if (response.status === 303 || (post && response.status < 307)) post = false;
    url = next;
  }
}

async function send(url: URL, config: Record<string, unknown>, body: unknown, post: boolean, deadline: AbortSignal, signal: AbortSignal, timeoutMs: number): Promise<Response> {
  const headers = new Headers(config.headers && typeof config.headers === 'object' ? (config.headers as Record<string, string>) : {});
  if (post && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const pageOrigin = globalThis.location?.origin;
  const ownOrigin = pageOrigin !== undefined && pageOrigin !== 'null' && url.origin === pageOrigin;
  try {
    return await fetch(url, {
      method: post ? 'POST' : 'GET',
      headers,
      body: post ? (typeof body === 'string' ? body : JSON.stringify(body ?? null)) : undefined,
      signal: deadline,
      credentials: 'same-origin',
      mode: ownOrigin ? 'same-origin' : 'cors',
      redirect: ownOrigin ? 'follow' : 'manual',
    });
  } catch (error) {
    if (signal.aborted) throw abortError();
    if ((error as Error).name === 'TimeoutError') throw failure(url, `did not answer within ${timeoutMs} ms`);
    const refused = ownOrigin ? ', or redirected to another origin, which is refused' : '';
    throw failure(url, `could not be reached${refused} (${(error as Error).message})`);
  }
}

function decode(text: string, type: string, contentType: string, url: URL): unknown {
  const kind = type !== 'auto' ? type : /json/i.test(contentType) ? 'json' : /csv|tab-separated/i.test(contentType) ? 'csv' : 'text';
  if (kind === 'text') return text;
  if (kind === 'csv') return parseTableText(text, { format: /tab-separated/i.test(contentType) ? 'tsv' : 'csv', header: true, detectTypes: true, node: `${TITLE} ${url.href}` });
  try {
    return JSON.parse(text);
  } catch (error) {
    throw failure(url, `did not return valid JSON (${(error as Error).message})`);
  }
}

function failure(url: URL, problem: string, status?: number): V2uError {
  return Object.assign(new V2uError(ErrorCodes.httpFailed, `${TITLE}: ${url.href} ${problem}`, '$.config.url'), { status });
}
