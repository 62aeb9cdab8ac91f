import { MESSAGE_LIMIT, clip } from '../errors.js';
import type { PlainError } from './types.js';

/**
 * Any thrown value as plain `{ name, message, code?, stack? }` data, the shape errors have
 * after crossing a worker; callers branch on `name` or `code`, never on `instanceof`.
 */
export function toPlainError(error: unknown): PlainError {
  if (typeof error !== 'object' || error === null) return { name: 'Error', message: clip(String(error), MESSAGE_LIMIT) };
  const e = error as Partial<PlainError>;
  // A node may throw anything, a 10 MB message included: the status, event and tooltip show a clipped one.
  const out: PlainError = { name: clip(String(e.name ?? 'Error')), message: clip(String(e.message ?? error), MESSAGE_LIMIT) };
  if (e.code) out.code = clip(String(e.code));
  if (e.stack) out.stack = clip(String(e.stack), 4 * MESSAGE_LIMIT);
  return out;
}
