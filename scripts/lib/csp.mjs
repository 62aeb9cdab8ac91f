/**
 * The strict Content-Security-Policy the CSP demo and test pages are served with: no eval,
 * no inline script or style, workers only from the page's origin or blob: URLs.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Pages served with it: the CSP demo and the CSP test page. */
export const isStrictCspPage = (path) => /^\/(demo|test)\/csp\/[^/]*(\.html)?$/.test(path) && !path.endsWith('.js');
