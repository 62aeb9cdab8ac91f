import type { PlainError } from './types.js';

/**
 * Any thrown value as plain `{ name, message, code?, stack? }` data, the shape errors have
 * after crossing a worker; callers branch on `name` or `code`, never on `instanceof`.
 */
export function toPlainError(error: unknown): PlainError {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: String(error) };
  const e = error as Partial<PlainError>;
  const out: PlainError = { name: String(e.name ?? 'Error'), message: String(e.message ?? error) };
  if (e.code) out.code = String(e.code);
  if (e.stack) out.stack = String(e.stack);
  return out;
}
