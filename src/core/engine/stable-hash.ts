/**
 * A deterministic hash over structured-clone data: equal data (by value, object keys in any
 * order) gives the same hash in every realm of a page (main thread and workers). The engine
 * keys its cache on it, so it must not depend on identity or key order. Two 32-bit lanes
 * (cyrb53-style) in hex; binary data is read a 32-bit word at a time.
 */
export function stableHash(value: unknown): string {
  const h = new Hasher();
  h.value(value, new Map());
  return h.digest();
}

/** One hash per output port; workers compute these so big outputs are not hashed on the main thread. */
export function hashPorts(outputs: Record<string, unknown>): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const [port, value] of Object.entries(outputs ?? {})) hashes[port] = stableHash(value);
  return hashes;
}

class Hasher {
  private a = 0xdeadbeef;
  private b = 0x41c6ce57;

  digest(): string {
    const a = Math.imul(this.a ^ (this.a >>> 16), 2246822507) ^ Math.imul(this.b ^ (this.b >>> 13), 3266489909);
    const b = Math.imul(this.b ^ (this.b >>> 16), 2246822507) ^ Math.imul(this.a ^ (this.a >>> 13), 3266489909);
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  private code(c: number) {
    this.a = Math.imul(this.a ^ c, 2654435761);
    this.b = Math.imul(this.b ^ c, 1597334677);
  }

  text(s: string) {
    this.code(s.length);
    for (let i = 0; i < s.length; i++) this.code(s.charCodeAt(i));
  }

  private bytes(view: Uint8Array) {
    this.code(view.length);
    const words = view.byteOffset % 4 === 0 ? view.length >>> 2 : 0;
    const wide = new Uint32Array(view.buffer, view.byteOffset, words);
    for (let i = 0; i < words; i++) this.code(wide[i]);
    for (let i = words * 4; i < view.length; i++) this.code(view[i]);
  }

  value(v: unknown, seen: Map<object, number>): void {
    if (v === null || typeof v !== 'object') return this.scalar(v);
    const ref = seen.get(v);
    if (ref !== undefined) return this.text(`@${ref}`);
    seen.set(v, seen.size);
    if (Array.isArray(v)) {
      this.text(`[${v.length}`);
      for (let i = 0; i < v.length; i++) this.value(v[i], seen);
    } else if (ArrayBuffer.isView(v)) {
      this.text(`view:${v.constructor.name}`);
      this.bytes(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    } else if (v instanceof ArrayBuffer) {
      this.text('buf');
      this.bytes(new Uint8Array(v));
    } else this.special(v, seen);
  }

  private special(v: object, seen: Map<object, number>) {
    if (v instanceof Date) return this.text(`date:${v.getTime()}`);
    if (v instanceof RegExp) return this.text(`re:${v.source}/${v.flags}`);
    if (v instanceof Map || v instanceof Set) {
      // Structured clone keeps insertion order, so it is part of the value.
      this.text(`${v instanceof Map ? 'map' : 'set'}:${v.size}`);
      for (const entry of v instanceof Map ? v : v.values()) this.value(entry, seen);
      return;
    }
    if (v instanceof Error) return this.text(`err:${v.name}:${v.message}`);
    const keys = Object.keys(v).sort();
    this.text(`{${keys.length}`);
    for (const key of keys) {
      this.text(key);
      this.value((v as Record<string, unknown>)[key], seen);
    }
  }

  private scalar(v: unknown) {
    if (typeof v === 'number') return this.text(Object.is(v, -0) ? 'n:-0' : `n:${v}`);
    if (typeof v === 'string') return this.text(`s:${v}`);
    this.text(`${typeof v}:${String(v)}`);
  }
}
