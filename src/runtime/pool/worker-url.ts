/**
 * Where the worker entry lives: next to this module in dist/src (tsc output), and wherever
 * rollup emits it in the bundle (rollup.config.mjs rewrites this expression to the emitted file).
 */
export function defaultWorkerUrl(): string {
  return new URL('./worker.js', import.meta.url).href;
}
