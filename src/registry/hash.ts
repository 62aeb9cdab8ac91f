/**
 * A fast 53-bit content hash (cyrb53) of a value's JSON, as 14 hex digits. Synchronous
 * and DOM-free, so the registry, the build script and IndexedDB validation share it. It
 * detects corruption and staleness, not tampering: it is no cryptographic digest.
 */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
