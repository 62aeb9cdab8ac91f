import { defineNode } from '../../core/define-node.js';
import { cell, configError, isPlainObject, requireInput, requireColumns, withColumns, type Row } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Hash';
const ALGORITHMS = ['SHA-256', 'SHA-384', 'SHA-512'] as const;

/**
 * SHA digests via crypto.subtle (in workers, pages and Node 20). Objects hash by their
 * canonical JSON (keys sorted), so equal data always gives the same digest. With a column
 * and a table input, each row gets `<column>_hash` (for pseudonymizing ids or e-mails).
 */
export default defineNode({
  type: 'utility/hash',
  version: 1,
  category: 'utility',
  title: TITLE,
  description: 'SHA-256 of a value, or of one column in every row (e.g. to pseudonymize e-mails).',
  keywords: ['sha', 'sha256', 'digest', 'checksum', 'fingerprint', 'anonymize', 'pseudonymize'],
  icon: 'fingerprint-pattern',
  inputs: { value: { type: 'any' } },
  outputs: { value: { type: 'any' } },
  config: {
    algorithm: { type: 'enum', options: ALGORITHMS, default: 'SHA-256', label: 'Algorithm' },
    column: { type: 'string', default: '', label: 'Column to hash in each row (blank: the whole value)' },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const value = requireInput(inputs, 'value', TITLE);
    const algorithm = String(context.config.algorithm);
    if (!(ALGORITHMS as readonly string[]).includes(algorithm)) throw configError(TITLE, 'algorithm', `must be one of ${ALGORITHMS.join(', ')}`);
    const column = String(context.config.column ?? '').trim();
    if (!column) return { value: await digest(algorithm, value) };
    if (!Array.isArray(value) || !value.every(isPlainObject)) throw configError(TITLE, 'column', 'needs a table on the input');
    requireColumns(value, [column], TITLE, 'column');
    const rows: Row[] = new Array(value.length);
    await eachIndex(value.length, context, reportProgress, async (i) => {
      const text = cell(value[i], column);
      rows[i] = withColumns(value[i], { [`${column}_hash`]: text === null || text === undefined ? null : await digest(algorithm, text) });
    });
    return { value: rows };
  },
});

async function digest(algorithm: string, value: unknown): Promise<string> {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest(algorithm, new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  ) ?? 'null';
}
