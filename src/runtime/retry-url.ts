let retries = 0;

/**
 * A URL for fetching a module again. Browsers remember a failed module fetch for its exact
 * URL (the module map), so every retry needs a query of its own, never used before.
 */
export function retryUrl(url: string): string {
  const next = new URL(url, globalThis.location?.href);
  next.searchParams.set('v2u-retry', `${Date.now().toString(36)}-${++retries}`);
  return next.href;
}
