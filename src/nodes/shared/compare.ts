const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'variant' });
const RANK: Record<string, number> = { boolean: 0, number: 1, bigint: 1, string: 2, object: 3 };

/**
 * A total order for cell values: null and undefined last, then booleans, numbers, text (by
 * the locale's collation, numbers inside text in numeric order) and other values as JSON.
 */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined || Number.isNaN(a);
  const bMissing = b === null || b === undefined || Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const rankA = RANK[typeof a] ?? 3;
  const rankB = RANK[typeof b] ?? 3;
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'string') return collator.compare(a, b as string);
  if (rankA === 3) return collator.compare(JSON.stringify(a), JSON.stringify(b));
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/** A grouping key for one or more cell values: 1 and "1" stay apart, as do null and "". */
export function keyOf(values: readonly unknown[]): string {
  return values.length === 1 && typeof values[0] === 'string' ? `s${values[0]}` : JSON.stringify(values);
}
