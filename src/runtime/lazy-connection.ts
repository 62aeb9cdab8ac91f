/** The parts of the Network Information API the loader reads (Chromium only; feature-detected). */
export interface ConnectionInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/** The page's connection info, or undefined where the API is missing. */
export const currentConnection = (): ConnectionInfo | undefined =>
  (globalThis.navigator as (Navigator & { connection?: ConnectionInfo }) | undefined)?.connection;

/** True when speculative downloads should be skipped: Save-Data on, or a 2G connection. */
export function prefersLessData(connection: ConnectionInfo | undefined): boolean {
  if (!connection) return false;
  return connection.saveData === true || connection.effectiveType === '2g' || connection.effectiveType === 'slow-2g';
}
